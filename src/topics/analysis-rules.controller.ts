import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { requestAddress } from '../auth/request-address.js';
import { ALL_ROLES, Role, Roles } from '../auth/roles.decorator.js';
import { AnalysisJobKind, AnalysisJobsRepository } from './analysis-jobs.repository.js';
import { AnalysisRulesService } from './analysis-rules.service.js';

const JOB_KINDS: readonly AnalysisJobKind[] = ['topic-backfill', 'reanalyze', 'train-sentiment'];

/** `?reanalyze=false` saves without re-analysing history (e.g. before several more edits). */
export function wantsReanalysis(value: string | undefined): boolean {
  return value !== 'false' && value !== '0';
}

@ApiTags('analysis')
@ApiBearerAuth()
@Controller('analysis')
export class AnalysisRulesController {
  constructor(
    private readonly rules: AnalysisRulesService,
    private readonly jobs: AnalysisJobsRepository,
  ) {}

  @Get('lexicon')
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Local sentiment words: {term: weight in [-1, 1]} overriding the built-in lexicon' })
  lexicon() {
    return this.rules.lexicon();
  }

  @Put('lexicon')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Replace the local sentiment words; re-analyses history unless ?reanalyze=false' })
  @ApiBody({ schema: { type: 'object', additionalProperties: { type: 'number' }, example: { mangkrak: -0.8 } } })
  @ApiQuery({ name: 'reanalyze', required: false, type: Boolean })
  replaceLexicon(
    @Body() body: unknown,
    @Query('reanalyze') reanalyze: string | undefined,
    @CurrentPrincipal() actor: Principal | undefined,
    @Req() request: Request,
  ) {
    return this.rules.replaceLexicon(body, actor, wantsReanalysis(reanalyze), requestAddress(request));
  }

  @Get('slang')
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Local slang: {variant: standard form}, added to the built-in slang map' })
  slang() {
    return this.rules.slang();
  }

  @Put('slang')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Replace the local slang; re-analyses history unless ?reanalyze=false' })
  @ApiBody({ schema: { type: 'object', additionalProperties: { type: 'string' }, example: { bubuhan: 'keluarga' } } })
  @ApiQuery({ name: 'reanalyze', required: false, type: Boolean })
  replaceSlang(
    @Body() body: unknown,
    @Query('reanalyze') reanalyze: string | undefined,
    @CurrentPrincipal() actor: Principal | undefined,
    @Req() request: Request,
  ) {
    return this.rules.replaceSlang(body, actor, wantsReanalysis(reanalyze), requestAddress(request));
  }

  @Post('reanalyze')
  @HttpCode(202)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Re-analyse every stored post with the rules and model in force; returns the job' })
  reanalyze(@CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    return this.rules.reanalyze(actor, requestAddress(request));
  }

  @Get('jobs')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Recent analysis jobs (backfills, re-analyses, training) with progress' })
  @ApiQuery({ name: 'kind', required: false, enum: JOB_KINDS })
  listJobs(@Query('kind') kind?: string) {
    return this.jobs.list(JOB_KINDS.includes(kind as AnalysisJobKind) ? (kind as AnalysisJobKind) : undefined, 50);
  }

  @Get('jobs/:id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Progress of one analysis job: state, processed, total, matched, changed' })
  async job(@Param('id') id: string) {
    const job = await this.jobs.view(id);
    if (!job) {
      throw new NotFoundException(`Pekerjaan analisis ${id} tidak ditemukan`);
    }
    return job;
  }
}
