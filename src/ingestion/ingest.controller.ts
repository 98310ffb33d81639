import { Body, Controller, ForbiddenException, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role, RolesOrApiKey } from '../auth/roles.decorator.js';
import { AuditService } from '../auth/audit.service.js';
import { IngestRequestDto } from './dto/ingest-request.dto.js';
import { pushSourceCreated } from './push-source-audit.js';
import type { IngestRequest } from './dto/ingest-request.pipe.js';
import { IngestRequestPipe } from './dto/ingest-request.pipe.js';
import { IngestJobStatus, IngestService } from './ingest.service.js';

@ApiTags('ingest')
@ApiSecurity('api-key')
@Controller('ingest')
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RolesOrApiKey(Role.Admin)
  @ApiOperation({
    summary: 'Queue 1 to 1,000 posts of one source; an admin naming an unknown source creates a push source',
  })
  @ApiBody({ type: IngestRequestDto })
  async submit(
    @Body(IngestRequestPipe) request: IngestRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ jobId: string; accepted: number }> {
    const sourceId = await this.resolveSource(request.source, principal);
    const jobId = await this.ingest.enqueueBatch(sourceId, request.posts);
    return { jobId, accepted: request.posts.length };
  }

  @Get(':jobId')
  @RolesOrApiKey(Role.Admin)
  @ApiOperation({
    summary: 'State of an ingest job: waiting, active, completed (with stored and duplicates) or failed',
  })
  async status(@Param('jobId') jobId: string, @CurrentPrincipal() principal: Principal): Promise<IngestJobStatus> {
    const { sourceId, ...status } = await this.ingest.jobStatus(jobId);
    if (principal.kind === 'source' && principal.sourceId !== sourceId) {
      throw new ForbiddenException('Kunci API ini tidak berhak atas pekerjaan tersebut');
    }
    return status;
  }

  private async resolveSource(name: string, principal: Principal): Promise<string> {
    if (principal.kind === 'source') {
      const source = await this.ingest.findActiveSourceByName(name);
      if (!source || source.id !== principal.sourceId) {
        throw new ForbiddenException(`Kunci API ini bukan milik sumber "${name}"`);
      }
      return source.id;
    }
    const existing = await this.ingest.findActiveSourceByName(name);
    if (existing) {
      return existing.id;
    }
    const source = await this.ingest.findOrCreatePushSource(name);
    if (source.created) {
      await this.audit.record(pushSourceCreated(principal, source, 'ingest'));
    }
    return source.id;
  }
}
