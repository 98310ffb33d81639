import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type AnalysisJobKind = 'topic-backfill' | 'reanalyze' | 'train-sentiment';
export type AnalysisJobState = 'queued' | 'running' | 'completed' | 'failed' | 'superseded';

/** Progress of a long analysis job, as the API reports it. */
export interface AnalysisJobView {
  id: string;
  kind: AnalysisJobKind;
  topicId: string | null;
  state: AnalysisJobState;
  processed: number;
  total: number;
  matched: number;
  changed: number;
  result: Record<string, unknown> | null;
  error: string | null;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface AnalysisJobRow {
  id: string;
  kind: AnalysisJobKind;
  topic_id: string | null;
  state: AnalysisJobState;
  processed: string;
  total: string;
  matched: string;
  changed: string;
  cursor_post_id: string;
  max_post_id: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
  requested_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const SELECT_JOB = `SELECT j.*, u.username AS requested_by_name FROM analysis_jobs j LEFT JOIN users u ON u.id = j.requested_by`;

/** The analysis_jobs table: one row per backfill, re-analysis or training run. */
@Injectable()
export class AnalysisJobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Creates a queued job. Older queued or running jobs of the same kind (and topic) are marked
   * superseded: the newer one covers the whole history with the newer configuration.
   */
  async create(
    kind: AnalysisJobKind,
    options: { topicId?: string; requestedBy?: string | null } = {},
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE analysis_jobs SET state = 'superseded', finished_at = now(), updated_at = now()
         WHERE kind = $1 AND topic_id IS NOT DISTINCT FROM $2 AND state IN ('queued', 'running')`,
        [kind, options.topicId ?? null],
      );
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO analysis_jobs (kind, topic_id, requested_by) VALUES ($1, $2, $3) RETURNING id`,
        [kind, options.topicId ?? null, options.requestedBy ?? null],
      );
      return row.id;
    });
  }

  async find(id: string): Promise<AnalysisJobRow | undefined> {
    if (!UUID.test(id)) {
      return undefined;
    }
    const [row] = await this.dataSource.query<AnalysisJobRow[]>(`SELECT * FROM analysis_jobs WHERE id = $1`, [id]);
    return row;
  }

  async view(id: string): Promise<AnalysisJobView | undefined> {
    if (!UUID.test(id)) {
      return undefined;
    }
    const [row] = await this.dataSource.query<ViewRow[]>(`${SELECT_JOB} WHERE j.id = $1`, [id]);
    return row ? toView(row) : undefined;
  }

  async latestForTopic(topicId: string): Promise<AnalysisJobView | undefined> {
    const [row] = await this.dataSource.query<ViewRow[]>(
      `${SELECT_JOB} WHERE j.topic_id = $1 AND j.kind = 'topic-backfill' ORDER BY j.created_at DESC LIMIT 1`,
      [topicId],
    );
    return row ? toView(row) : undefined;
  }

  async list(kind: AnalysisJobKind | undefined, limit: number): Promise<AnalysisJobView[]> {
    const rows = await this.dataSource.query<ViewRow[]>(
      `${SELECT_JOB} WHERE ($1::text IS NULL OR j.kind = $1) ORDER BY j.created_at DESC LIMIT $2`,
      [kind ?? null, limit],
    );
    return rows.map(toView);
  }

  /** Marks the job running; returns false when it was superseded or already finished (the worker then skips it). */
  async start(id: string, total: number, maxPostId: string | null): Promise<boolean> {
    // UPDATE returns [rows, count] through TypeORM's PostgreSQL driver.
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE analysis_jobs SET state = 'running', started_at = coalesce(started_at, now()), updated_at = now(),
              total = CASE WHEN state = 'queued' THEN $2 ELSE total END,
              max_post_id = coalesce(max_post_id, $3)
       WHERE id = $1 AND state IN ('queued', 'running') RETURNING id`,
      [id, total, maxPostId],
    );
    return rows.length > 0;
  }

  /** Records a finished batch; returns false when the job has been superseded meanwhile. */
  async advance(
    id: string,
    progress: { cursor: string; processed: number; matched?: number; changed?: number; total?: number },
  ): Promise<boolean> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE analysis_jobs SET cursor_post_id = $2, processed = processed + $3, matched = matched + $4,
              changed = changed + $5, total = greatest(total + $6, processed + $3), updated_at = now()
       WHERE id = $1 AND state = 'running' RETURNING id`,
      [id, progress.cursor, progress.processed, progress.matched ?? 0, progress.changed ?? 0, progress.total ?? 0],
    );
    return rows.length > 0;
  }

  async finish(id: string, result?: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(
      `UPDATE analysis_jobs SET state = 'completed', finished_at = now(), updated_at = now(),
              result = coalesce($2::jsonb, result)
       WHERE id = $1 AND state = 'running'`,
      [id, result ? JSON.stringify(result) : null],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE analysis_jobs SET state = 'failed', error = $2, finished_at = now(), updated_at = now()
       WHERE id = $1 AND state IN ('queued', 'running')`,
      [id, error.slice(0, 2000)],
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

type ViewRow = AnalysisJobRow & { requested_by_name: string | null };

function toView(row: ViewRow): AnalysisJobView {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: row.id,
    kind: row.kind,
    topicId: row.topic_id,
    state: row.state,
    processed: Number(row.processed),
    total: Number(row.total),
    matched: Number(row.matched),
    changed: Number(row.changed),
    result: row.result,
    error: row.error,
    requestedBy: row.requested_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}
