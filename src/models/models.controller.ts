import { Controller, Get, HttpCode, NotFoundException, Optional, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditService } from '../auth/audit.service.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { requestAddress } from '../auth/request-address.js';
import { Role, Roles } from '../auth/roles.decorator.js';
import { userIdOf } from '../topics/actor.js';
import { AnalysisJobsRepository } from '../topics/analysis-jobs.repository.js';
import { AnalyzerRegistry } from '../topics/analyzer-registry.service.js';
import { JobQueues } from '../queue/job-queues.service.js';
import { JobName } from '../queue/queue-names.js';
import { ModelsRepository } from './models.repository.js';

@ApiTags('models')
@ApiBearerAuth()
@Controller('models')
export class ModelsController {
  constructor(
    private readonly models: ModelsRepository,
    private readonly jobs: AnalysisJobsRepository,
    private readonly queues: JobQueues,
    private readonly analyzers: AnalyzerRegistry,
    @Optional() private readonly audit?: AuditService,
  ) {}

  @Get()
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Trained model versions with their held-out metrics; which one is active' })
  @ApiQuery({ name: 'kind', required: false, enum: ['sentiment', 'category'] })
  list(@Query('kind') kind?: string) {
    return this.models.list(kind === 'sentiment' || kind === 'category' ? kind : undefined);
  }

  @Post('sentiment/train')
  @HttpCode(202)
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Retrain the sentiment model from corrections; activated only if it beats the one in use (macro-F1)',
  })
  async train(@CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    const id = await this.jobs.create('train-sentiment', { requestedBy: userIdOf(actor) });
    await this.queues.enqueue(JobName.TrainSentimentModel, { analysisJobId: id, trigger: 'manual' }, { jobId: id });
    await this.audit?.record({
      actor: actor ?? null,
      action: 'model.train',
      targetType: 'analysis-job',
      targetId: id,
      details: { kind: 'sentiment' },
      address: requestAddress(request),
    });
    return this.jobs.view(id);
  }

  @Post('sentiment/deactivate')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Stop using a trained sentiment model: the lexicon decides again' })
  async deactivate(@CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    const changed = await this.models.deactivate('sentiment');
    this.analyzers.invalidate();
    if (changed) {
      await this.audit?.record({
        actor: actor ?? null,
        action: 'model.deactivate',
        targetType: 'model',
        details: { kind: 'sentiment' },
        address: requestAddress(request),
      });
    }
    return { active: null };
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'One model version with its metrics' })
  async get(@Param('id') id: string) {
    const model = await this.models.find(id);
    if (!model) {
      throw new NotFoundException(`Model ${id} tidak ditemukan`);
    }
    return model;
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Use this model version for new posts (an admin decision, whatever its metrics)' })
  async activate(@Param('id') id: string, @CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    const model = await this.models.find(id);
    if (!model) {
      throw new NotFoundException(`Model ${id} tidak ditemukan`);
    }
    const previous = await this.models.active(model.kind);
    await this.models.activate(id);
    this.analyzers.invalidate();
    await this.audit?.record({
      actor: actor ?? null,
      action: 'model.activate',
      targetType: 'model',
      targetId: id,
      details: { kind: model.kind, version: model.version, previousVersion: previous?.version ?? null },
      address: requestAddress(request),
    });
    return this.models.find(id);
  }
}
