/**
 * Analysts' work on issues (rename, merge, split, dismiss, follow up) and the on-demand detection pass. Outcomes are
 * written to the issue rows; the detection worker applies them to its detector before its next pass, so a dismissed
 * story is not reported again as new and a merged one feeds its target.
 */
import {
  BadRequestException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { JobQueues } from '../queue/job-queues.service.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import type { PassSummary } from './detection-engine.service.js';
import { DETECTION_STATUS_STATE, DetectionStateRepository } from './detection-state.repository.js';
import type { DetectionStatus } from './detection/detection.types.js';
import { DispositionsService } from './dispositions.service.js';
import type {
  IssueFigures,
  IssueOfficialStatement,
  IssueSummary,
  IssueWindowFigures,
  RelatedIssue,
} from './dto/issue-figures.js';
import type { DetectionStatusView, IssueListItem, IssueView } from './dto/issue-view.js';
import { IssueFiguresRepository } from './issue-figures.repository.js';
import { IssueListFilter, IssuesRepository, isUuid } from './issues.repository.js';

const DETECT_TIMEOUT_MS = 120_000;

@Injectable()
export class IssuesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issues: IssuesRepository,
    private readonly dispositions: DispositionsService,
    private readonly state: DetectionStateRepository,
    private readonly queues: JobQueues,
    private readonly audit: AuditService,
    private readonly figuresOf: IssueFiguresRepository,
  ) {}

  list(filter: IssueListFilter): Promise<IssueListItem[]> {
    return this.issues.list(filter);
  }

  /**
   * Whether detection is still learning, as the detect worker recorded after its last pass; before any pass, learning
   * with no history.
   */
  async detectionStatus(): Promise<DetectionStatusView> {
    const status = await this.state.loadState<DetectionStatus>(DETECTION_STATUS_STATE);
    const iso = (ms: number | null | undefined) =>
      ms === null || ms === undefined ? null : new Date(ms).toISOString();
    return {
      learning: status?.learning ?? true,
      historyHours: status?.historyHours ?? 0,
      learningUntil: iso(status?.learningUntil),
      processedUntil: iso(status?.processedUntil),
    };
  }

  async view(id: string): Promise<IssueView> {
    const view = isUuid(id)
      ? await this.issues.view(id, this.config.publicUrl, await this.dispositions.listFor(id))
      : null;
    if (!view) {
      throw new NotFoundException(`Isu ${id} tidak ditemukan`);
    }
    return view;
  }

  /** Figures of the issue recomputed from its posts (volume, change over `periodHours`, peak, places, quotes…). */
  async figures(id: string, periodHours: number): Promise<IssueFigures> {
    await this.mustFind(id);
    return this.figuresOf.figures(id, periodHours);
  }

  /** Summaries of the issues `ids`, in that order (see IssuesRepository.summaries). */
  summary(ids: string[]): Promise<IssueSummary[]> {
    return this.issues.summaries(ids, this.config.publicUrl);
  }

  /** Each issue's posts in [from, to) and the equal window before, with the window's sentiment and places. */
  postsInWindows(ids: string[], window: { from: Date; to: Date }, places = 3): Promise<IssueWindowFigures[]> {
    return this.figuresOf.postsInWindows(ids, window.from, window.to, places);
  }

  /** The first official statement of each issue in the window and the posts after it (IssueOfficialStatement). */
  officialStatements(
    ids: string[],
    window: { from: Date; to: Date },
    official: { sources: string[]; accounts: string[] },
    patterns: { statement: string; claim: string },
  ): Promise<IssueOfficialStatement[]> {
    return this.figuresOf.officialStatements(ids, window, official, patterns);
  }

  /** Earlier issues of the same category sharing a place, first detected within `days` before this one. */
  relatedEarlier(id: string, days: number): Promise<RelatedIssue[]> {
    return this.figuresOf.relatedEarlier(id, days);
  }

  async rename(id: string, label: string, actor: Principal | undefined): Promise<IssueView> {
    const before = await this.mustFind(id);
    await this.db.query(`UPDATE issues SET label = $2, label_fixed = true, updated_at = now() WHERE id = $1`, [
      id,
      label.trim(),
    ]);
    await this.audit.record({
      actor: actor ?? null,
      action: 'issue.rename',
      targetType: 'issue',
      targetId: id,
      details: { from: before.label, to: label.trim() },
    });
    return this.view(id);
  }

  async setOutcome(
    id: string,
    outcome: 'dismissed' | 'followed_up',
    note: string | undefined,
    actor: Principal | undefined,
  ): Promise<IssueView> {
    const row = await this.mustFind(id);
    if (row.merged_into) {
      throw new BadRequestException(`Isu ini sudah digabungkan ke isu ${row.merged_into}`);
    }
    await this.db.query(
      `UPDATE issues SET outcome = $2, state = $2, outcome_at = now(), outcome_by = $3, state_changed_at = now(),
              updated_at = now() WHERE id = $1`,
      [id, outcome, userIdOf(actor)],
    );
    await this.audit.record({
      actor: actor ?? null,
      action: outcome === 'dismissed' ? 'issue.dismiss' : 'issue.follow-up',
      targetType: 'issue',
      targetId: id,
      details: note ? { note: note.slice(0, 500) } : {},
    });
    return this.view(id);
  }

  async merge(id: string, targetId: string, actor: Principal | undefined): Promise<IssueView> {
    const row = await this.mustFind(id);
    if (row.merged_into) {
      throw new BadRequestException(`Isu ini sudah digabungkan ke isu ${row.merged_into}`);
    }
    if (targetId === id) {
      throw new BadRequestException('Isu tidak dapat digabungkan ke dirinya sendiri');
    }
    const target = await this.issues.resolveTarget(targetId);
    if (!target) {
      throw new NotFoundException(`Isu tujuan ${targetId} tidak ditemukan`);
    }
    if (target.id === id) {
      throw new BadRequestException('Isu tujuan sudah digabungkan ke isu ini');
    }
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE issues SET outcome = 'merged', state = 'merged', merged_into = $2, outcome_at = now(), outcome_by = $3,
                state_changed_at = now(), updated_at = now() WHERE id = $1`,
        [id, target.id, userIdOf(actor)],
      );
      await manager.query(
        `INSERT INTO issue_posts (issue_id, post_id, post_created_at)
         SELECT $2, post_id, post_created_at FROM issue_posts WHERE issue_id = $1 ON CONFLICT DO NOTHING`,
        [id, target.id],
      );
      await manager.query(
        `UPDATE issues t SET post_count = (SELECT count(*) FROM issue_posts WHERE issue_id = t.id),
                first_seen_at = LEAST(t.first_seen_at, s.first_seen_at),
                first_detected_at = LEAST(t.first_detected_at, s.first_detected_at),
                last_activity_at = GREATEST(t.last_activity_at, s.last_activity_at),
                severity = GREATEST(t.severity, s.severity), updated_at = now()
           FROM issues s WHERE t.id = $2 AND s.id = $1`,
        [id, target.id],
      );
    });
    await this.audit.record({
      actor: actor ?? null,
      action: 'issue.merge',
      targetType: 'issue',
      targetId: id,
      details: { into: target.id },
    });
    return this.view(target.id);
  }

  /** Moves some of an issue's posts into a new issue (split_from = the original). */
  async split(
    id: string,
    postIds: string[],
    label: string | undefined,
    actor: Principal | undefined,
  ): Promise<IssueView> {
    const row = await this.mustFind(id);
    if (row.merged_into) {
      throw new BadRequestException(`Isu ini sudah digabungkan ke isu ${row.merged_into}`);
    }
    const newId = await this.db.transaction(async (manager) => {
      const moving = await manager.query<{ post_id: string }[]>(
        `SELECT post_id::text FROM issue_posts WHERE issue_id = $1 AND post_id = ANY($2::bigint[])`,
        [id, postIds],
      );
      if (moving.length === 0) {
        throw new BadRequestException('Tidak ada unggahan terpilih yang termasuk isu ini');
      }
      const [{ total }] = await manager.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM issue_posts WHERE issue_id = $1`,
        [id],
      );
      if (moving.length >= total) {
        throw new BadRequestException('Pemecahan harus menyisakan sebagian unggahan pada isu asal');
      }
      const ids = moving.map((m) => m.post_id);
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO issues (label, state, lifecycle, severity, category, opd, campaign, first_seen_at, first_detected_at,
                             last_activity_at, label_fixed, split_from, region_codes)
         SELECT $2, lifecycle, lifecycle, severity, category, opd, false, now(), now(), now(), true, id, region_codes
           FROM issues WHERE id = $1 RETURNING id`,
        [id, label?.trim() || `${row.label} (pecahan)`],
      );
      await manager.query(`DELETE FROM issue_posts WHERE issue_id = $1 AND post_id = ANY($2::bigint[])`, [id, ids]);
      await manager.query(
        `INSERT INTO issue_posts (issue_id, post_id, post_created_at)
         SELECT $1, id, created_at FROM posts WHERE id = ANY($2::bigint[])`,
        [created.id, ids],
      );
      for (const issueId of [id, created.id]) {
        await this.refreshFromPosts(manager, issueId);
      }
      return created.id;
    });
    await this.audit.record({
      actor: actor ?? null,
      action: 'issue.split',
      targetType: 'issue',
      targetId: id,
      details: { into: newId, posts: postIds.length },
    });
    return this.view(newId);
  }

  /** Counts, times, sentiment and timeline of an issue recomputed from its posts (after a split). */
  private async refreshFromPosts(manager: DataSource['manager'], id: string): Promise<void> {
    const [stats] = await manager.query<
      { posts: number; authors: number; first: Date; last: Date; pos: number; neu: number; neg: number }[]
    >(
      `SELECT count(*)::int AS posts, count(DISTINCT coalesce(p.author, p.id::text))::int AS authors,
              min(p.created_at) AS first, max(p.created_at) AS last,
              count(*) FILTER (WHERE p.sentiment = 'positive')::int AS pos,
              count(*) FILTER (WHERE p.sentiment = 'neutral')::int AS neu,
              count(*) FILTER (WHERE p.sentiment = 'negative')::int AS neg
         FROM issue_posts ip JOIN posts p ON p.id = ip.post_id WHERE ip.issue_id = $1`,
      [id],
    );
    const timeline = await manager.query<{ b: string; posts: number; authors: number }[]>(
      `SELECT (floor(extract(epoch FROM p.created_at) / 900) * 900000)::bigint::text AS b, count(*)::int AS posts,
              count(DISTINCT coalesce(p.author, p.id::text))::int AS authors
         FROM issue_posts ip JOIN posts p ON p.id = ip.post_id WHERE ip.issue_id = $1 GROUP BY 1 ORDER BY 1`,
      [id],
    );
    const total = stats.pos + stats.neu + stats.neg;
    await manager.query(
      `UPDATE issues SET post_count = $2, author_count = $3, first_seen_at = $4, last_activity_at = $5,
              negative_share = $6,
              details = details || jsonb_build_object('sentiment', $7::jsonb, 'timeline', $8::jsonb),
              updated_at = now()
        WHERE id = $1`,
      [
        id,
        stats.posts,
        stats.authors,
        stats.first,
        stats.last,
        total ? stats.neg / total : 0,
        JSON.stringify({ positive: stats.pos, neutral: stats.neu, negative: stats.neg }),
        JSON.stringify(timeline.map((t) => ({ bucketStart: Number(t.b), posts: t.posts, authors: t.authors }))),
      ],
    );
  }

  /**
   * Runs a detection pass now through the detection worker, with the clock at the newest stored post's time
   * (replays and tests see the stream's own time), and returns what changed.
   */
  async detectNow(actor: Principal | undefined): Promise<PassSummary> {
    const newest = await this.state.newestPostTime();
    const now = newest ? newest.getTime() : Date.now();
    const jobId = await this.queues.enqueue(JobName.DetectionPass, { now, trigger: 'manual' }, { attempts: 1 });
    const deadline = Date.now() + DETECT_TIMEOUT_MS;
    for (;;) {
      const { job, state } = (await this.queues.jobWithState(QueueName.Detection, jobId)) ?? {};
      if (job && state === 'completed') {
        await this.audit.record({
          actor: actor ?? null,
          action: 'issue.detect',
          targetType: 'detection',
          targetId: jobId,
        });
        return job.returnvalue as PassSummary;
      }
      if (job && state === 'failed') {
        throw new ServiceUnavailableException(`Deteksi isu gagal: ${job.failedReason ?? 'tanpa keterangan'}`);
      }
      if (Date.now() > deadline) {
        throw new ServiceUnavailableException('Deteksi isu belum selesai: pastikan proses worker berjalan');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async mustFind(id: string) {
    const row = await this.issues.findRow(id);
    if (!row) {
      throw new NotFoundException(`Isu ${id} tidak ditemukan`);
    }
    return row;
  }
}

function userIdOf(actor: Principal | undefined): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}
