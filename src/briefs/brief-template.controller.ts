import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role, Roles } from '../auth/roles.decorator.js';
import type { BriefTemplate } from './brief-template.js';
import { BriefTemplateService } from './brief-template.service.js';
import { BriefTemplateDto } from './dto/brief-template.dto.js';

@ApiTags('briefs')
@ApiBearerAuth()
@Controller('settings')
export class BriefTemplateController {
  constructor(private readonly templates: BriefTemplateService) {}

  @Get('brief-template')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'The telaahan template: letterhead, paper, margins, font, titles, defaults' })
  get(): Promise<BriefTemplate> {
    return this.templates.get();
  }

  @Put('brief-template')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Replaces the telaahan template (send the whole object as GET returns it)' })
  put(@Body() body: BriefTemplateDto, @CurrentPrincipal() actor?: Principal): Promise<BriefTemplate> {
    return this.templates.put(body as BriefTemplate, actor);
  }
}
