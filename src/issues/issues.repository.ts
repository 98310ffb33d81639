/**
 * Issue rows: written by the detection pass (from detector snapshots) and by analysts (outcomes, labels, splits),
 * read by the issues API. The analyst's outcome lives apart from the detector's lifecycle: `state` is the outcome when
 * one is set, else the lifecycle.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IssueSnapshot } from './detection/detection.types.js';
import type { IssueSummary } from './dto/issue-figures.js';
import type { IssueDispositionView, IssueListItem, IssueTopPostView, IssueView } from './dto/issue-view.js';

export interface IssueRow {
  id: string;
  label: string;
  state: string;
  lifecycle: string;
  outcome: string | null;
  outcome_at: Date | null;
  severity: number;
  category: string | null;
  opd: string | null;
  post_count: number;
  author_count: number;
  campaign: boolean;
  first_seen_at: Date;
  first_detected_at: Date;
  last_activity_at: Date;
  merged_into: string | null;
  split_from: string | null;
  label_fixed: boolean;
  region_codes: string[];
  negative_share: number;
  details: IssueDetails;
  updated_at: Date;
}

/** What `issues.details` holds (jsonb). */
export interface IssueDetails {
  keys?: IssueSnapshot['keys'];
  timeline?: IssueSnapshot['timeline'];
  sentiment?: IssueSnapshot['sentiment'];
  places?: IssueSnapshot['places'];
  topPosts?: IssueSnapshot['topPosts'];
  severity?: IssueSnapshot['severity'];
  stateHistory?: { state: string; at: number }[];
  nearDuplicateShare?: number;
  voices?: number;
}

export interface IssueListFilter {
  state?: string;
  category?: string;
  /** Severity levels (rendah, sedang, tinggi, kritis): any of them. */
  severity?: string[];
  opd?: string;
  region?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

const ISSUE_COLUMNS = `id, label, state, lifecycle, outcome, outcome_at, severity, category, opd, post_count, author_count,
  campaign, first_seen_at, first_detected_at, last_activity_at, merged_into, split_from, label_fixed, region_codes,
  negative_share, details, updated_at`;

@Injectable()
export class IssuesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findRow(id: string, manager: EntityManager = this.db.manager): Promise<IssueRow | null> {
    if (!isUuid(id)) {
      return null;
    }
    const [row] = await manager.query<IssueRow[]>(`SELECT ${ISSUE_COLUMNS} FROM issues WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Follows merged_into to the issue that finally holds the story. */
  async resolveTarget(id: string, manager: EntityManager = this.db.manager): Promise<IssueRow | null> {
    let row = await this.findRow(id, manager);
    for (let hops = 0; row?.merged_into && hops < 20; hops++) {
      row = await this.findRow(row.merged_into, manager);
    }
    return row;
  }

  /** The issue already holding a good share of these posts (a restarted detector re-finding a known story), if any. */
  async issueHolding(manager: EntityManager, postIds: string[]): Promise<string | null> {
    if (postIds.length === 0) {
      return null;
    }
    const [row] = await manager.query<{ issue_id: string; n: number }[]>(
      `SELECT issue_id, count(*)::int AS n FROM issue_posts WHERE post_id = ANY($1::bigint[])
        GROUP BY issue_id ORDER BY n DESC LIMIT 1`,
      [postIds],
    );
    // A story that went on after a restart holds its old posts plus many new ones: a fifth is enough (and 3 posts).
    return row && row.n >= 3 && row.n * 5 >= postIds.length ? row.issue_id : null;
  }

  /**
   * Writes a detector snapshot onto the issue row `id` (created when absent). Keeps the analyst's outcome and fixed
   * label; posts an analyst split away into another issue stay there.
   */
  async upsertSnapshot(manager: EntityManager, id: string, s: IssueSnapshot): Promise<void> {
    const negTotal = s.sentiment.negative + s.sentiment.neutral + s.sentiment.positive;
    const details: IssueDetails = {
      keys: s.keys.slice(0, 30),
      timeline: s.timeline,
      sentiment: s.sentiment,
      places: s.places,
      topPosts: s.topPosts.slice(0, 20),
      severity: s.severity,
      stateHistory: s.stateHistory.filter((h) => isLifecycle(h.state)),
      nearDuplicateShare: s.nearDuplicateShare,
      voices: s.voices,
    };
    const regions = [...s.places].sort((a, b) => b.posts - a.posts).map((p) => p.code);
    await manager.query(
      `INSERT INTO issues (id, label, state, lifecycle, severity, category, opd, post_count, author_count, campaign,
                           first_seen_at, first_detected_at, last_activity_at, state_changed_at, region_codes,
                           negative_share, details)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (id) DO UPDATE SET
         label = CASE WHEN issues.label_fixed THEN issues.label ELSE excluded.label END,
         lifecycle = excluded.lifecycle,
         state = COALESCE(issues.outcome, excluded.lifecycle),
         state_changed_at = CASE WHEN issues.lifecycle <> excluded.lifecycle AND issues.outcome IS NULL
                                 THEN excluded.state_changed_at ELSE issues.state_changed_at END,
         severity = excluded.severity, category = excluded.category, opd = excluded.opd,
         author_count = excluded.author_count, campaign = excluded.campaign,
         first_seen_at = LEAST(issues.first_seen_at, excluded.first_seen_at),
         last_activity_at = GREATEST(issues.last_activity_at, excluded.last_activity_at),
         region_codes = excluded.region_codes, negative_share = excluded.negative_share,
         details = excluded.details, updated_at = now()`,
      [
        id,
        s.label || '(tanpa label)',
        s.lifecycle,
        s.severity.score,
        s.category,
        s.opd,
        s.postCount,
        s.authors,
        s.campaign,
        new Date(s.firstSeenAt),
        new Date(s.firstDetectedAt),
        new Date(Number.isFinite(s.lastActivityAt) ? s.lastActivityAt : s.firstDetectedAt),
        new Date(s.stateHistory.at(-1)?.at ?? s.firstDetectedAt),
        regions,
        negTotal ? s.sentiment.negative / negTotal : 0,
        JSON.stringify(details),
      ],
    );
    await this.addPosts(manager, id, s.postIds);
  }

  /** Adds posts to an issue (not those an analyst split away from it) and refreshes its post count. */
  async addPosts(manager: EntityManager, id: string, postIds: string[]): Promise<void> {
    if (postIds.length > 0) {
      await manager.query(
        `INSERT INTO issue_posts (issue_id, post_id, post_created_at)
         SELECT $1, p.id, p.created_at FROM posts p
          WHERE p.id = ANY($2::bigint[])
            AND NOT EXISTS (SELECT 1 FROM issue_posts ip JOIN issues c ON c.id = ip.issue_id
                             WHERE c.split_from = $1 AND ip.post_id = p.id)
         ON CONFLICT DO NOTHING`,
        [id, postIds],
      );
    }
    await manager.query(
      `UPDATE issues SET post_count = (SELECT count(*) FROM issue_posts WHERE issue_id = $1) WHERE id = $1`,
      [id],
    );
  }

  async list(filter: IssueListFilter): Promise<IssueListItem[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter.state) {
      add('state = ?', filter.state);
    }
    if (filter.category) {
      add('category = ?', filter.category);
    }
    if (filter.severity?.length) {
      add(`${SEVERITY_LEVEL_SQL} = ANY(?::text[])`, filter.severity);
    }
    if (filter.opd) {
      add('opd = ?', filter.opd);
    }
    if (filter.region) {
      add(`EXISTS (SELECT 1 FROM unnest(region_codes) r WHERE r = ? OR r LIKE ? || '.%')`, filter.region);
    }
    if (filter.from) {
      add('last_activity_at >= ?', filter.from);
    }
    if (filter.to) {
      add('first_seen_at < ?', filter.to);
    }
    const sqlWhere = where;
    params.push(Math.min(filter.limit ?? 200, 1000));
    const rows = await this.db.query<IssueRow[]>(
      `SELECT ${ISSUE_COLUMNS} FROM issues ${sqlWhere.length ? `WHERE ${sqlWhere.join(' AND ')}` : ''}
        ORDER BY severity DESC, first_detected_at DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toListItem);
  }

  async view(id: string, publicUrl: string, dispositions: IssueDispositionView[]): Promise<IssueView | null> {
    const row = await this.findRow(id);
    if (!row) {
      return null;
    }
    const d = row.details ?? {};
    const topIds = (d.topPosts ?? []).map((p) => p.id);
    const top = await this.topPosts(row.id, topIds);
    const mergedFrom = await this.db.query<{ id: string }[]>(`SELECT id FROM issues WHERE merged_into = $1`, [row.id]);
    return {
      ...toListItem(row),
      keys: d.keys ?? [],
      timeline: (d.timeline ?? []).map((t) => ({
        bucketStart: new Date(t.bucketStart).toISOString(),
        posts: t.posts,
        authors: t.authors,
      })),
      sentiment: d.sentiment ?? { positive: 0, neutral: 0, negative: 0 },
      places: d.places ?? [],
      topPosts: top,
      severityDetail: d.severity ?? { score: row.severity, level: levelOf(row.severity), factors: [] },
      stateHistory: [
        ...(d.stateHistory ?? []).map((h) => ({
          state: h.state as IssueView['state'],
          at: new Date(h.at).toISOString(),
        })),
        ...(row.outcome && row.outcome_at
          ? [{ state: row.outcome as IssueView['state'], at: new Date(row.outcome_at).toISOString() }]
          : []),
      ],
      mergedFrom: mergedFrom.map((m) => m.id),
      splitFrom: row.split_from,
      dispositions,
      link: `${publicUrl.replace(/\/+$/u, '')}/issues/${row.id}`,
    };
  }

  /**
   * Summaries of the issues `ids` in that order (missing ids left out): the list item, the detector's sentiment
   * counts, open or not, and the count of dispositions past their response deadline without a response. One
   * statement for all, not a view per issue (the daily report sorts 30 issues).
   */
  async summaries(ids: string[], publicUrl: string): Promise<IssueSummary[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await this.db.query<(IssueRow & { overdue: number })[]>(
      `SELECT ${ISSUE_COLUMNS},
              (SELECT count(*) FROM issue_dispositions d
                WHERE d.issue_id = issues.id AND d.responded_at IS NULL AND d.respond_due_at < now())::int AS overdue
         FROM issues WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const base = publicUrl.replace(/\/+$/u, '');
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) {
        return [];
      }
      return [
        {
          ...toListItem(row),
          open: row.outcome === null,
          sentiment: row.details?.sentiment ?? { positive: 0, neutral: 0, negative: 0 },
          overdueDispositions: row.overdue,
          link: `${base}/issues/${row.id}`,
        },
      ];
    });
  }

  /** The issue's top posts by reach: the detector's picks first, else the issue's posts with most reach. */
  private async topPosts(issueId: string, ids: string[]): Promise<IssueTopPostView[]> {
    const rows = await this.db.query<
      {
        id: string;
        external_id: string;
        source_id: string;
        author: string | null;
        text: string;
        url: string | null;
        reach: number;
        created_at: Date;
        sentiment: string | null;
      }[]
    >(
      `SELECT p.id::text, p.external_id, p.source_id, p.author, p.text, p.url, (p.likes + p.replies + p.reposts)::int AS reach,
              p.created_at, p.sentiment
         FROM issue_posts ip JOIN posts p ON p.id = ip.post_id
        WHERE ip.issue_id = $1
        ORDER BY (p.id = ANY($2::bigint[])) DESC, (p.likes + p.replies + p.reposts) DESC, p.created_at
        LIMIT 10`,
      [issueId, ids],
    );
    return rows.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      sourceId: r.source_id,
      author: r.author,
      text: r.text,
      url: r.url,
      reach: r.reach,
      createdAt: new Date(r.created_at).toISOString(),
      sentiment: r.sentiment,
    }));
  }
}

export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu.test(id);
}

function isLifecycle(state: string): boolean {
  return state === 'emerging' || state === 'trending' || state === 'declining' || state === 'dormant';
}

/** The severity level of an issue row in SQL, as `toListItem` gives it (the detector's level, else by score). */
export const SEVERITY_LEVEL_SQL = `coalesce(details->'severity'->>'level',
  CASE WHEN severity >= 75 THEN 'kritis' WHEN severity >= 50 THEN 'tinggi' WHEN severity >= 25 THEN 'sedang' ELSE 'rendah' END)`;

function levelOf(score: number): IssueView['severityLevel'] {
  return score >= 75 ? 'kritis' : score >= 50 ? 'tinggi' : score >= 25 ? 'sedang' : 'rendah';
}

export function toListItem(row: IssueRow): IssueListItem {
  return {
    id: row.id,
    label: row.label,
    state: row.state as IssueListItem['state'],
    lifecycle: row.lifecycle as IssueListItem['lifecycle'],
    outcome: row.outcome as IssueListItem['outcome'],
    severity: Math.round(row.severity * 10) / 10,
    severityLevel: row.details?.severity?.level ?? levelOf(row.severity),
    category: row.category ?? 'lainnya',
    opd: row.opd ?? 'Diskominfo',
    postCount: row.post_count,
    authors: row.author_count,
    firstSeenAt: new Date(row.first_seen_at).toISOString(),
    firstDetectedAt: new Date(row.first_detected_at).toISOString(),
    lastActivityAt: new Date(row.last_activity_at).toISOString(),
    campaign: row.campaign,
    nearDuplicateShare: row.details?.nearDuplicateShare ?? 0,
    negativeShare: row.negative_share,
    regions: row.region_codes ?? [],
    mergedInto: row.merged_into,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
