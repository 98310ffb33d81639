import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { Role, Roles } from './roles.decorator.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Log audit, terbaru lebih dulu' })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query.limit ?? 50, query.cursor);
  }
}
