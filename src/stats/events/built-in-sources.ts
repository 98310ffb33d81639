/**
 * The live event sources this module provides: stored posts (ingest_batches), new and changed issues (issues by
 * updated_at), new alerts. Each looks back LOOKBACK_MS with a memory of what it already reported, because the
 * timestamps are those of the writing transaction's start and a transaction may commit a little later.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ALL_ROLES } from '../../auth/roles.decorator.js';
import { SEVERITY_LEVEL_SQL } from '../../issues/issues.repository.js';
import { LiveEventHub } from './live-event-hub.js';
import type { LiveEvent, LiveEventSource } from './live-event.types.js';

const LOOKBACK_MS = 5 * 60_000;

/** What a source has reported, by id, forgotten once older than the look-back. */
class Seen<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  get(id: string): T | undefined {
    return this.entries.get(id)?.value;
  }

  set(id: string, value: T, at: number): void {
    this.entries.set(id, { value, at });
  }

  forgetBefore(cutoff: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.at < cutoff) {
        this.entries.delete(id);
      }
    }
  }
}

abstract class LookBackSource<Row extends { id: string; at: Date }, Mark> implements LiveEventSource {
  abstract readonly name: string;
  private readonly seen = new Seen<Mark>();

  constructor(protected readonly db: DataSource) {}

  protected abstract rows(since: Date): Promise<Row[]>;
  protected abstract mark(row: Row): Mark;
  /** Events for rows that are new or whose mark changed (`before` undefined when new). */
  protected abstract events(changed: { row: Row; before: Mark | undefined }[]): LiveEvent[];

  async prime(): Promise<void> {
    await this.collect();
  }

  async poll(): Promise<LiveEvent[]> {
    const changed = await this.collect();
    return changed.length > 0 ? this.events(changed) : [];
  }

  private async collect(): Promise<{ row: Row; before: Mark | undefined }[]> {
    const since = Date.now() - LOOKBACK_MS;
    this.seen.forgetBefore(since - LOOKBACK_MS);
    const changed: { row: Row; before: Mark | undefined }[] = [];
    for (const row of await this.rows(new Date(since))) {
      const mark = this.mark(row);
      const before = this.seen.get(row.id);
      if (before === undefined || JSON.stringify(before) !== JSON.stringify(mark)) {
        changed.push({ row, before });
      }
      this.seen.set(row.id, mark, new Date(row.at).getTime());
    }
    return changed;
  }
}

interface BatchRow {
  id: string;
  at: Date;
  source_id: string;
  stored: number;
}

class StoredPostsSource extends LookBackSource<BatchRow, number> {
  readonly name = 'posts';

  protected rows(since: Date): Promise<BatchRow[]> {
    return this.db.query<BatchRow[]>(
      `SELECT job_id AS id, completed_at AS at, source_id, stored FROM ingest_batches WHERE completed_at >= $1`,
      [since],
    );
  }

  protected mark(row: BatchRow): number {
    return row.stored;
  }

  protected events(changed: { row: BatchRow }[]): LiveEvent[] {
    const bySource: Record<string, number> = {};
    let posts = 0;
    for (const { row } of changed) {
      posts += row.stored;
      bySource[row.source_id] = (bySource[row.source_id] ?? 0) + row.stored;
    }
    if (posts === 0) {
      return [];
    }
    return [{ type: 'posts', at: new Date().toISOString(), data: { posts, bySource }, roles: ALL_ROLES }];
  }
}

interface IssueRow {
  id: string;
  at: Date;
  created_at: Date;
  label: string;
  state: string;
  severity: number;
  level: string;
  post_count: number;
  category: string | null;
  opd: string | null;
}

class IssuesSource extends LookBackSource<IssueRow, string> {
  readonly name = 'issues';
  private primedAt = 0;

  override async prime(): Promise<void> {
    this.primedAt = Date.now();
    await super.prime();
  }

  protected rows(since: Date): Promise<IssueRow[]> {
    return this.db.query<IssueRow[]>(
      `SELECT id, updated_at AS at, created_at, label, state, severity, ${SEVERITY_LEVEL_SQL} AS level, post_count,
              category, opd
         FROM issues WHERE updated_at >= $1 ORDER BY updated_at LIMIT 1000`,
      [since],
    );
  }

  /** What the dashboard shows of an issue: a pass that touches nothing of it sends nothing. */
  protected mark(row: IssueRow): string {
    return `${row.label}|${row.state}|${Math.round(row.severity * 10)}|${row.post_count}`;
  }

  protected events(changed: { row: IssueRow; before: string | undefined }[]): LiveEvent[] {
    return changed.map(({ row, before }) => ({
      type:
        before === undefined && new Date(row.created_at).getTime() >= this.primedAt - LOOKBACK_MS
          ? 'issue.created'
          : 'issue.changed',
      at: new Date().toISOString(),
      data: {
        id: row.id,
        label: row.label,
        state: row.state,
        severity: Math.round(row.severity * 10) / 10,
        severityLevel: row.level,
        postCount: row.post_count,
        category: row.category,
        opd: row.opd,
      },
      roles: ALL_ROLES,
    }));
  }
}

interface AlertRow {
  id: string;
  at: Date;
  issue_id: string;
  issue_label: string;
  event_type: string;
  rule_name: string;
}

class AlertsSource extends LookBackSource<AlertRow, true> {
  readonly name = 'alerts';

  protected rows(since: Date): Promise<AlertRow[]> {
    return this.db.query<AlertRow[]>(
      `SELECT a.id, a.created_at AS at, a.issue_id, i.label AS issue_label, a.event_type, r.name AS rule_name
         FROM alerts a JOIN issues i ON i.id = a.issue_id JOIN alert_rules r ON r.id = a.rule_id
        WHERE a.created_at >= $1 ORDER BY a.created_at LIMIT 1000`,
      [since],
    );
  }

  protected mark(): true {
    return true;
  }

  protected events(changed: { row: AlertRow }[]): LiveEvent[] {
    return changed.map(({ row }) => ({
      type: 'alert.created',
      at: new Date().toISOString(),
      data: {
        id: row.id,
        issueId: row.issue_id,
        issueLabel: row.issue_label,
        eventType: row.event_type,
        rule: row.rule_name,
        createdAt: new Date(row.at).toISOString(),
      },
      roles: ALL_ROLES,
    }));
  }
}

/** Registers the built-in sources with the hub. */
@Injectable()
export class BuiltInLiveEventSources implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hub: LiveEventHub,
  ) {}

  onModuleInit(): void {
    this.hub.register(new StoredPostsSource(this.db));
    this.hub.register(new IssuesSource(this.db));
    this.hub.register(new AlertsSource(this.db));
  }
}
