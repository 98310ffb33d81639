/**
 * Read side of the rollups (tables in migrations/1764000001100-StatsRollups.ts, written by RollupWriter). No query
 * here reads `posts`: each filter combination is answered from the one rollup that can answer it, and the filters
 * that rollup cannot apply are reported as `notApplied` (docs/stats.md has the table).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SEVERITY_LEVEL_SQL } from '../issues/issues.repository.js';
import type { RegionLevel } from './dto/stats-query.dto.js';
import { HyperLogLog } from './hyperloglog.js';
import type { StatsWindow } from './stats-window.js';

const DAY = 86_400_000;

/** A top author over a window: posts and reach are lower bounds, short by at most the errors (docs/stats.md). */
export interface TopAuthorRow {
  sourceId: string;
  author: string;
  posts: number;
  reach: number;
  postsError: number;
  reachError: number;
}

export type FilterName = 'source' | 'category' | 'sentiment' | 'region' | 'topic';

export interface StatsFilters {
  source?: string;
  category?: string;
  sentiment?: string;
  region?: string;
  topic?: string;
}

/** Parameterised conditions: `?` in each fragment becomes the next placeholder. */
class Sql {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  where(fragment: string, ...values: unknown[]): this {
    let index = 0;
    this.conditions.push(fragment.replace(/\?/gu, () => this.param(values[index++])));
    return this;
  }

  get clause(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** Which cells table answers the filters, and what it leaves out. */
interface CellsSource {
  table: string;
  sql: Sql;
  notApplied: FilterName[];
}

function cellsSource(filters: StatsFilters, from: Date, to: Date, dimRegion?: RegionLevel): CellsSource {
  const sql = new Sql();
  const notApplied: FilterName[] = [];
  let table = 'stats_volume_hourly';
  if (dimRegion) {
    table = 'stats_region_hourly';
    sql.where('level = ?', dimRegion);
    if (filters.region) {
      sql.where(`(code = ? OR code LIKE ? || '.%')`, filters.region, filters.region);
    }
    if (filters.topic) {
      notApplied.push('topic');
    }
  } else if (filters.topic) {
    table = 'stats_topic_hourly';
    sql.where('topic_id = ?', filters.topic);
    if (filters.region) {
      notApplied.push('region');
    }
  } else if (filters.region) {
    table = 'stats_region_hourly';
    sql.where('code = ?', filters.region);
  }
  sql.where('hour >= ?', from).where('hour < ?', to);
  if (filters.source) {
    sql.where('source_id = ?', filters.source);
  }
  if (filters.category) {
    sql.where('category = ?', filters.category);
  }
  if (filters.sentiment) {
    sql.where('sentiment = ?', filters.sentiment);
  }
  return { table, sql, notApplied };
}

export interface VolumeRow {
  bucket: Date;
  key: string;
  posts: number;
  reach: number;
}

export interface TotalsRow {
  key: string;
  posts: number;
  negative: number;
  previousPosts: number;
  previousNegative: number;
  reach: number;
  previousReach: number;
}

export interface BurstIssueRow {
  id: string;
  label: string;
  first_detected_at: Date;
  severity: number;
  level: string;
}

const GROUP_COLUMNS = { none: `''`, source: 'source_id::text', category: 'category', sentiment: 'sentiment' };
export type VolumeGroup = keyof typeof GROUP_COLUMNS;
export type TotalsGroup = 'none' | 'source' | 'category' | 'sentiment' | 'opd' | 'code';

@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async volume(
    filters: StatsFilters,
    window: StatsWindow,
    interval: 'hour' | 'day',
    by: VolumeGroup,
  ): Promise<{ rows: VolumeRow[]; notApplied: FilterName[] }> {
    const { table, sql, notApplied } = cellsSource(filters, window.from, window.to);
    const bucket = interval === 'hour' ? 'hour' : `date_trunc('day', hour, ${sql.param(window.timeZone)})`;
    const rows = await this.db.query<{ bucket: Date; key: string; posts: string; reach: string }[]>(
      `SELECT ${bucket} AS bucket, ${GROUP_COLUMNS[by]} AS key, sum(posts) AS posts, sum(reach) AS reach
         FROM ${table} ${sql.clause} GROUP BY 1, 2 ORDER BY 1, 2`,
      sql.params,
    );
    return {
      rows: rows.map((r) => ({
        bucket: new Date(r.bucket),
        key: r.key,
        posts: Number(r.posts),
        reach: Number(r.reach),
      })),
      notApplied,
    };
  }

  /** Posts and negative posts per group, in the window and in the previous equal period. */
  async totals(
    filters: StatsFilters,
    window: StatsWindow,
    by: TotalsGroup,
    level?: RegionLevel,
  ): Promise<{ rows: TotalsRow[]; notApplied: FilterName[] }> {
    const { table, sql, notApplied } = cellsSource(filters, window.previousFrom, window.to, level);
    const from = sql.param(window.from);
    const key = by === 'none' ? `''` : by === 'source' ? 'source_id::text' : by;
    const rows = await this.db.query<
      {
        key: string;
        posts: string;
        negative: string;
        previous_posts: string;
        previous_negative: string;
        reach: string;
        previous_reach: string;
      }[]
    >(
      `SELECT ${key} AS key,
              coalesce(sum(posts) FILTER (WHERE hour >= ${from}), 0) AS posts,
              coalesce(sum(posts) FILTER (WHERE hour >= ${from} AND sentiment = 'negative'), 0) AS negative,
              coalesce(sum(posts) FILTER (WHERE hour < ${from}), 0) AS previous_posts,
              coalesce(sum(posts) FILTER (WHERE hour < ${from} AND sentiment = 'negative'), 0) AS previous_negative,
              coalesce(sum(reach) FILTER (WHERE hour >= ${from}), 0) AS reach,
              coalesce(sum(reach) FILTER (WHERE hour < ${from}), 0) AS previous_reach
         FROM ${table} ${sql.clause} GROUP BY 1`,
      sql.params,
    );
    return {
      rows: rows.map((r) => ({
        key: r.key,
        posts: Number(r.posts),
        negative: Number(r.negative),
        previousPosts: Number(r.previous_posts),
        previousNegative: Number(r.previous_negative),
        reach: Number(r.reach),
        previousReach: Number(r.previous_reach),
      })),
      notApplied,
    };
  }

  /** Distinct authors (HyperLogLog estimate) in the window and in the previous equal period. */
  async distinctAuthors(
    filters: StatsFilters,
    window: StatsWindow,
  ): Promise<{ current: number; previous: number; notApplied: FilterName[] }> {
    const sql = new Sql();
    const notApplied: FilterName[] = [];
    const cellFilters = (['source', 'category', 'sentiment'] as const).filter((name) => filters[name]);
    sql.where('hour >= ?', window.previousFrom).where('hour < ?', window.to);
    // Provinces and regencies have sketches of their own; districts do not (docs/stats.md).
    const regionSketch = filters.region !== undefined && filters.region.length <= 5;
    if (filters.topic) {
      sql.where(`dim = 'topic' AND key = ?`, filters.topic);
      notApplied.push(...(filters.region ? (['region'] as const) : []), ...cellFilters);
    } else if (regionSketch) {
      sql.where(`dim = 'region' AND key = ?`, filters.region);
      notApplied.push(...cellFilters);
    } else {
      if (filters.region) {
        notApplied.push('region');
      }
      if (cellFilters.length > 0) {
        sql.where(`dim = 'cell'`);
        cellFilters.forEach((name) => {
          const part = { source: 1, category: 2, sentiment: 3 }[name];
          sql.where(`split_part(key, '|', ${part}) = ?`, filters[name]);
        });
      } else {
        sql.where(`dim = 'all'`);
      }
    }
    const from = sql.param(window.from);
    const rows = await this.db.query<{ current: boolean; sketch: Buffer }[]>(
      `SELECT hour >= ${from} AS current, sketch FROM stats_author_sketches ${sql.clause}`,
      sql.params,
    );
    return {
      current: HyperLogLog.countOf(rows.filter((r) => r.current).map((r) => r.sketch)),
      previous: HyperLogLog.countOf(rows.filter((r) => !r.current).map((r) => r.sketch)),
      notApplied,
    };
  }

  async topTerms(
    filters: StatsFilters,
    window: StatsWindow,
    limit: number,
  ): Promise<{ rows: { term: string; posts: number; previousPosts: number }[]; notApplied: FilterName[] }> {
    const sql = new Sql();
    const notApplied: FilterName[] = (['source', 'sentiment', 'region'] as const).filter((name) => filters[name]);
    sql.where('hour >= ?', window.previousFrom).where('hour < ?', window.to);
    if (filters.topic) {
      sql.where(`dim = 'topic' AND key = ?`, filters.topic);
      if (filters.category) {
        notApplied.push('category');
      }
    } else if (filters.category) {
      sql.where(`dim = 'category' AND key = ?`, filters.category);
    } else {
      sql.where(`dim = 'all'`);
    }
    const from = sql.param(window.from);
    const rows = await this.db.query<{ term: string; posts: string; previous_posts: string }[]>(
      `SELECT term, coalesce(sum(posts) FILTER (WHERE hour >= ${from}), 0) AS posts,
              coalesce(sum(posts) FILTER (WHERE hour < ${from}), 0) AS previous_posts
         FROM stats_terms_hourly ${sql.clause}
        GROUP BY term HAVING sum(posts) FILTER (WHERE hour >= ${from}) > 0
        ORDER BY 2 DESC, term LIMIT ${sql.param(limit)}`,
      sql.params,
    );
    return {
      rows: rows.map((r) => ({ term: r.term, posts: Number(r.posts), previousPosts: Number(r.previous_posts) })),
      notApplied,
    };
  }

  async topAuthors(
    filters: StatsFilters,
    window: StatsWindow,
    by: 'posts' | 'reach',
    limit: number,
  ): Promise<{ rows: TopAuthorRow[]; notApplied: FilterName[] }> {
    const sql = new Sql();
    const notApplied: FilterName[] = (['category', 'sentiment', 'region', 'topic'] as const).filter(
      (name) => filters[name],
    );
    // Whole UTC days from the day summaries, the hours before the first and after the last from the hour summaries.
    const dayFrom = Math.ceil(window.from.getTime() / DAY) * DAY;
    const dayTo = Math.floor(window.to.getTime() / DAY) * DAY;
    const [daysFrom, daysTo] = dayFrom < dayTo ? [new Date(dayFrom), new Date(dayTo)] : [window.to, window.to];
    const source = filters.source ? `AND source_id = ${sql.param(filters.source)}` : '';
    const [pFrom, pTo, pDaysFrom, pDaysTo] = [window.from, window.to, daysFrom, daysTo].map((v) => sql.param(v));
    const order = by === 'posts' ? 'posts DESC, reach DESC' : 'reach DESC, posts DESC';
    const rows = await this.db.query<
      { source_id: string; author: string; posts: string; reach: string; floor_posts: string; floor_reach: string }[]
    >(
      `WITH parts AS (
         SELECT source_id, authors, posts, reach, floor_posts, floor_reach FROM stats_top_authors_daily
          WHERE day >= ${pDaysFrom} AND day < ${pDaysTo} ${source}
         UNION ALL
         SELECT source_id, authors, posts, reach, floor_posts, floor_reach FROM stats_top_authors_hourly
          WHERE ((hour >= ${pFrom} AND hour < ${pDaysFrom}) OR (hour >= ${pDaysTo} AND hour < ${pTo})) ${source}
       ), floors AS (
         SELECT source_id, sum(floor_posts) AS floor_posts, sum(floor_reach) AS floor_reach FROM parts GROUP BY 1
       ), top AS (
         SELECT p.source_id, u.author, sum(u.posts) AS posts, sum(u.reach) AS reach
           FROM parts p, unnest(p.authors, p.posts, p.reach) AS u(author, posts, reach)
          GROUP BY 1, 2 ORDER BY ${order}, author LIMIT ${sql.param(limit)}
       )
       SELECT top.*, floors.floor_posts, floors.floor_reach FROM top JOIN floors USING (source_id)
        ORDER BY ${order}, author`,
      sql.params,
    );
    return {
      rows: rows.map((r) => ({
        sourceId: r.source_id,
        author: r.author,
        posts: Number(r.posts),
        reach: Number(r.reach),
        postsError: Number(r.floor_posts),
        reachError: Number(r.floor_reach),
      })),
      notApplied,
    };
  }

  /** Issues the detector first reported in the window: the volume chart's burst markers. */
  async detectedIssues(filters: StatsFilters, window: StatsWindow): Promise<BurstIssueRow[]> {
    const sql = issueFilters(filters);
    sql.where('first_detected_at >= ?', window.from).where('first_detected_at < ?', window.to);
    sql.where(`(outcome IS NULL OR outcome = 'followed_up')`);
    return this.db.query<BurstIssueRow[]>(
      `SELECT id, label, first_detected_at, severity, ${SEVERITY_LEVEL_SQL} AS level FROM issues ${sql.clause}
        ORDER BY first_detected_at, id LIMIT 500`,
      sql.params,
    );
  }

  /** Issues open now (no analyst outcome, not dormant) by severity level. */
  async openIssuesBySeverity(filters: StatsFilters): Promise<Record<string, number>> {
    const sql = issueFilters(filters);
    sql.where(`outcome IS NULL AND lifecycle <> 'dormant'`);
    const rows = await this.db.query<{ level: string; n: number }[]>(
      `SELECT ${SEVERITY_LEVEL_SQL} AS level, count(*)::int AS n FROM issues ${sql.clause} GROUP BY 1`,
      sql.params,
    );
    return Object.fromEntries(rows.map((r) => [r.level, r.n]));
  }

  async alertCounts(window: StatsWindow): Promise<{ current: number; previous: number; unacknowledged: number }> {
    const [row] = await this.db.query<{ current: number; previous: number; unacknowledged: number }[]>(
      `SELECT count(*) FILTER (WHERE created_at >= $2)::int AS current,
              count(*) FILTER (WHERE created_at < $2)::int AS previous,
              count(*) FILTER (WHERE created_at >= $2 AND acknowledged_at IS NULL AND NOT false_positive)::int
                AS unacknowledged
         FROM alerts WHERE created_at >= $1 AND created_at < $3`,
      [window.previousFrom, window.from, window.to],
    );
    return row;
  }

  async sourceNames(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; name: string }[]>(`SELECT id, name FROM sources`);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async categoryNames(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ slug: string; name: string }[]>(`SELECT slug, name FROM categories`);
    return new Map(rows.map((r) => [r.slug, r.name]));
  }
}

/** The stats filters an issue row can answer: category and region (issues have no source or sentiment). */
function issueFilters(filters: StatsFilters): Sql {
  const sql = new Sql();
  if (filters.category) {
    sql.where('category = ?', filters.category);
  }
  if (filters.region) {
    sql.where(
      `EXISTS (SELECT 1 FROM unnest(region_codes) r WHERE r = ? OR r LIKE ? || '.%')`,
      filters.region,
      filters.region,
    );
  }
  return sql;
}
