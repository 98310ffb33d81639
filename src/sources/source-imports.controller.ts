import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { RATE_LIMITS, RateLimited } from '../auth/rate-limit.js';
import { Role, Roles } from '../auth/roles.decorator.js';
import { ImportQueryDto } from './dto/import-query.dto.js';
import { ImportView, SourceImportsService } from './source-imports.service.js';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('sources/import')
export class SourceImportsController {
  constructor(private readonly imports: SourceImportsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(Role.Admin)
  @RateLimited(RATE_LIMITS.import)
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiOperation({
    summary:
      'Import a CSV or JSONL export (the raw file as the request body); returns the import id at once, progress at GET /api/sources/import/:id',
  })
  start(
    @Req() request: Request,
    @Query() query: ImportQueryDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<ImportView> {
    const length = Number(request.headers['content-length']);
    return this.imports.start(
      request,
      {
        source: query.source,
        format: query.format,
        fileName: query.fileName,
        map: query.map,
        contentType: request.headers['content-type'],
        contentLength: Number.isFinite(length) ? length : undefined,
      },
      actor,
    );
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Progress and summary of an import: read, stored, duplicates, rejected with line numbers' })
  get(@Param('id') id: string): Promise<ImportView> {
    return this.imports.get(id);
  }
}
