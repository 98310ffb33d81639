import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../auth/audit.service.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ALL_ROLES, Role, Roles } from '../auth/roles.decorator.js';
import type { PassSummary } from './detection-engine.service.js';
import { DispositionsService } from './dispositions.service.js';
import {
  DispositionResponseDto,
  DisposeIssueDto,
  ListIssuesQuery,
  MergeIssueDto,
  OutcomeNoteDto,
  RenameIssueDto,
  SplitIssueDto,
} from './dto/issue-requests.dto.js';
import type { DetectionStatusView, IssueDispositionView, IssueListItem, IssueView } from './dto/issue-view.js';
import { IssuesService } from './issues.service.js';

@ApiTags('issues')
@ApiBearerAuth()
@Controller('issues')
export class IssuesController {
  constructor(
    private readonly issues: IssuesService,
    private readonly dispositions: DispositionsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Detected issues, most severe first, filtered by state, severity, category, OPD, region and time',
  })
  async list(
    @Query() q: ListIssuesQuery,
  ): Promise<{ items: IssueListItem[]; meta: { detection: DetectionStatusView } }> {
    const detection = await this.issues.detectionStatus();
    const items = await this.issues.list({
      state: q.state,
      category: q.category,
      severity: q.severity?.split(','),
      opd: q.opd,
      region: q.region,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      limit: q.limit,
    });
    return { items, meta: { detection } };
  }

  @Post('detect')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    summary: "Runs a detection pass now, the clock at the newest stored post's time; returns what changed",
  })
  detect(@CurrentPrincipal() actor: Principal | undefined): Promise<PassSummary> {
    return this.issues.detectNow(actor);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One issue with its timeline, top posts, severity explanation, states and dispositions' })
  get(@Param('id') id: string): Promise<IssueView> {
    return this.issues.view(id);
  }

  @Post(':id/rename')
  @HttpCode(200)
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Gives the issue a fixed label (the detector keeps it)' })
  rename(
    @Param('id') id: string,
    @Body() body: RenameIssueDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<IssueView> {
    return this.issues.rename(id, body.label, actor);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Merges the issue into another; returns the target' })
  merge(
    @Param('id') id: string,
    @Body() body: MergeIssueDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<IssueView> {
    return this.issues.merge(id, body.targetId, actor);
  }

  @Post(':id/split')
  @HttpCode(200)
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Moves the chosen posts into a new issue; returns the new issue' })
  split(
    @Param('id') id: string,
    @Body() body: SplitIssueDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<IssueView> {
    return this.issues.split(id, body.postIds, body.label, actor);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Dismisses the issue (not an issue); the detector does not report it again' })
  dismiss(
    @Param('id') id: string,
    @Body() body: OutcomeNoteDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<IssueView> {
    return this.issues.setOutcome(id, 'dismissed', body?.note, actor);
  }

  @Post(':id/follow-up')
  @HttpCode(200)
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Marks the issue as followed up' })
  followUp(
    @Param('id') id: string,
    @Body() body: OutcomeNoteDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<IssueView> {
    return this.issues.setOutcome(id, 'followed_up', body?.note, actor);
  }

  @Post(':id/dispose')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Forwards the issue to its OPD (disposisi) with due dates in working days' })
  async dispose(
    @Param('id') id: string,
    @Body() body: DisposeIssueDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<IssueDispositionView> {
    const view = await this.dispositions.dispose(id, body, actor?.kind === 'user' ? actor.userId : null);
    await this.audit.record({
      actor: actor ?? null,
      action: 'issue.dispose',
      targetType: 'issue',
      targetId: id,
      details: { disposition: view.id, opd: view.opd, respondDueAt: view.respondDueAt },
    });
    return view;
  }

  @Post(':id/dispositions/:did/respond')
  @HttpCode(200)
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: "Records the OPD's response to a disposition" })
  async respond(
    @Param('id') id: string,
    @Param('did') did: string,
    @Body() body: DispositionResponseDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<IssueDispositionView> {
    const view = await this.dispositions.respond(id, did, body.text, actor?.kind === 'user' ? actor.userId : null);
    await this.audit.record({
      actor: actor ?? null,
      action: 'disposition.respond',
      targetType: 'disposition',
      targetId: did,
    });
    return view;
  }

  @Post(':id/dispositions/:did/complete')
  @HttpCode(200)
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Records that the OPD completed the follow-up of a disposition' })
  async complete(
    @Param('id') id: string,
    @Param('did') did: string,
    @Body() body: DispositionResponseDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<IssueDispositionView> {
    const view = await this.dispositions.complete(id, did, body.text, actor?.kind === 'user' ? actor.userId : null);
    await this.audit.record({
      actor: actor ?? null,
      action: 'disposition.complete',
      targetType: 'disposition',
      targetId: did,
    });
    return view;
  }
}
