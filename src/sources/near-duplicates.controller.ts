import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Roles } from '../auth/roles.decorator.js';
import { NearDuplicateGroup, NearDuplicatesService } from './near-duplicates.service.js';

@ApiTags('posts')
@ApiBearerAuth()
@Controller('posts')
export class NearDuplicatesController {
  constructor(private readonly nearDuplicates: NearDuplicatesService) {}

  @Get(':id/near-duplicates')
  @Roles(...ALL_ROLES)
  @ApiQuery({
    name: 'windowHours',
    required: false,
    description: 'Jendela waktu di sekitar pos (jam, 1–168, bawaan 48)',
  })
  @ApiOperation({ summary: 'Posts with the same text (copy-paste campaigns): "N akun memposting teks yang sama"' })
  get(@Param('id') id: string, @Query('windowHours') windowHours?: string): Promise<NearDuplicateGroup> {
    const hours = Math.min(168, Math.max(1, Number.parseInt(windowHours ?? '48', 10) || 48));
    return this.nearDuplicates.groupOf(id, hours);
  }
}
