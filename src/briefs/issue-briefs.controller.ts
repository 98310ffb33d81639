import { Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role, Roles } from '../auth/roles.decorator.js';
import type { BriefView } from './brief.types.js';
import { BriefsService } from './briefs.service.js';

@ApiTags('briefs')
@ApiBearerAuth()
@Controller('issues')
export class IssueBriefsController {
  constructor(private readonly briefs: BriefsService) {}

  @Post(':id/briefs')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Drafts a telaahan staf from the issue\'s data ("Buat telaahan")' })
  create(@Param('id') id: string, @CurrentPrincipal() actor?: Principal): Promise<BriefView> {
    return this.briefs.create(id, actor);
  }
}
