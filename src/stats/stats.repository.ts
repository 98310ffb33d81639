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
import { localMidnight, type StatsWindow } from './stats-window.js';

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

/** Which cells table answers the filters (its name without `_hourly` / `_daily`), and what it leaves out. */
interface CellsSource {
  table: string;
  columns: string;
  sql: Sql;
  notApplied: FilterName[];
}

const CELL_COLUMNS = 'source_id, category, sentiment, opd, posts, reach';

/**
 * The filters' conditions on the cells table that answers them (no time condition: see `timeSpan`). Places without
 * a source or category filter, grouped by nothing, sentiment or place, come from the narrow places-by-sentiment table.
 */
function cellsSource(
  filters: StatsFilters,
  dimRegion: RegionLevel | undefined,
  by: TotalsGroup,
  derivedRows: boolean,
): CellsSource {
  const sql = new Sql();
  const notApplied: FilterName[] = [];
  let table = 'stats_volume';
  let columns = CELL_COLUMNS;
  const places = dimRegion !== undefined || (filters.region !== undefined && !filters.topic);
  const narrow =
    derivedRows && places && !filters.source && !filters.category && ['none', 'sentiment', 'code'].includes(by);
  if (dimRegion) {
    table = narrow ? 'stats_region_sentiment' : 'stats_region';
    columns = narrow ? 'code, sentiment, posts, reach' : `code, ${CELL_COLUMNS}`;
    sql.where('level = ?', dimRegion);
    if (filters.region) {
      sql.where(`(code = ? OR code LIKE ? || '.%')`, filters.region, filters.region);
    }
    if (filters.topic) {
      notApplied.push('topic');
    }
  } else if (filters.topic) {
    table = 'stats_topic';
    sql.where('topic_id = ?', filters.topic);
    if (filters.region) {
      notApplied.push('region');
    }
  } else if (filters.region) {
    table = narrow ? 'stats_region_sentiment' : 'stats_region';
    columns = narrow ? 'sentiment, posts, reach' : CELL_COLUMNS;
    sql.where('code = ?', filters.region);
  }
  if (filters.source) {
    sql.where('source_id = ?', filters.source);
  }
  if (filters.category) {
    sql.where('category = ?', filters.category);
  }
  if (filters.sentiment) {
    sql.where('sentiment = ?', filters.sentiment);
  }
  return { table, columns, sql, notApplied };
}

/** Periods as whole UTC days (read from day rows) and the hours outside them (read from hour rows). */
export interface PeriodSplit {
  days: [number, number][];
  hours: [number, number][];
}

/**
 * Splits each period [from, to) (whole hours, in ms) into its whole UTC days and the hours before the first and
 * after the last of them; adjacent hour ranges are joined. A day never straddles two periods, so a row's period
 * follows from its start (`hour >= from` holds for day rows too).
 */
export function splitPeriods(periods: [number, number][], dayRows = true): PeriodSplit {
  const days: [number, number][] = [];
  const hours: [number, number][] = [];
  const addHours = (from: number, to: number) => {
    if (from >= to) {
      return;
    }
    const last = hours[hours.length - 1];
    if (last && last[1] === from) {
      last[1] = to;
    } else {
      hours.push([from, to]);
    }
  };
  for (const [from, to] of periods) {
    const first = Math.ceil(from / DAY) * DAY;
    const end = Math.floor(to / DAY) * DAY;
    if (dayRows && first < end) {
      addHours(from, first);
      days.push([first, end]);
      addHours(end, to);
    } else {
      addHours(from, to);
    }
  }
  return { days, hours };
}

/** `(column >= $a AND column < $b OR …)` over the ranges; `false` for none. */
function rangesCondition(sql: Sql, column: string, ranges: [number, number][]): string {
  if (ranges.length === 0) {
    return 'false';
  }
  const parts = ranges.map(
    ([from, to]) => `(${column} >= ${sql.param(new Date(from))} AND ${column} < ${sql.param(new Date(to))})`,
  );
  return `(${parts.join(' OR ')})`;
}

/**
 * The rows of a rollup over the periods: hour rows of `<table>_hourly` (or `hourTable`) for the hours outside whole
 * UTC days, day rows of `<table>_daily` (their `day` as `hour`) for the days; `columns` are selected from both.
 * `sql` holds the filter conditions, shared by both parts.
 */
function timeSpan(
  sql: Sql,
  tables: { hour: string; day: string },
  columns: string,
  periods: [number, number][],
  dayRows: boolean,
): string {
  const split = splitPeriods(periods, dayRows);
  const filters = sql.conditions.map((condition) => `${condition} AND `).join('');
  const hourPart = `SELECT hour, ${columns} FROM ${tables.hour}
                     WHERE ${filters}${rangesCondition(sql, 'hour', split.hours)}`;
  if (split.days.length === 0) {
    return `(${hourPart}) AS span`;
  }
  return `(${hourPart}
           UNION ALL
           SELECT day, ${columns} FROM ${tables.day} WHERE ${filters}${rangesCondition(sql, 'day', split.days)}) AS span`;
}

function periodsOf(window: StatsWindow): [number, number][] {
  return [
    [window.previousFrom.getTime(), window.from.getTime()],
    [window.from.getTime(), window.to.getTime()],
  ];
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
  /**
   * Whether whole UTC days are read from the day rows and places without source or category filters from the
   * places-by-sentiment rows (docs/stats.md, "Day rows"). Always true in the product; tests and bench:stats set it
   * false to compare with the read path before them (the hour rows of the full cell tables alone).
   */
  derivedRows = true;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async volume(
    filters: StatsFilters,
    window: StatsWindow,
    interval: 'hour' | 'day',
    by: VolumeGroup,
  ): Promise<{ rows: VolumeRow[]; notApplied: FilterName[] }> {
    // Hour rows only: day buckets start at midnight in the home zone, UTC day rows do not fit them.
    const { table, sql, notApplied } = cellsSource(filters, undefined, by, this.derivedRows);
    sql.where('hour >= ?', window.from).where('hour < ?', window.to);
    // Day buckets by the zone's fixed offset (no daylight saving time in Indonesia): date_bin from a local midnight
    // gives date_trunc('day', hour, zone) at about half its cost per row.
    const bucket =
      interval === 'hour' ? 'hour' : `date_bin('1 day', hour, ${sql.param(localMidnight(window.timeZone))})`;
    const rows = await this.db.query<{ bucket: Date; key: string; posts: string; reach: string }[]>(
      `SELECT ${bucket} AS bucket, ${GROUP_COLUMNS[by]} AS key, sum(posts) AS posts, sum(reach) AS reach
         FROM ${table}_hourly ${sql.clause} GROUP BY 1, 2 ORDER BY 1, 2`,
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
    const { table, columns, sql, notApplied } = cellsSource(filters, level, by, this.derivedRows);
    const span = timeSpan(
      sql,
      { hour: `${table}_hourly`, day: `${table}_daily` },
      columns,
      periodsOf(window),
      this.derivedRows,
    );
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
         FROM ${span} GROUP BY 1`,
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
    const span = timeSpan(
      sql,
      { hour: 'stats_author_sketches', day: 'stats_author_sketches_daily' },
      'sketch',
      periodsOf(window),
      this.derivedRows,
    );
    const from = sql.param(window.from);
    const rows = await this.db.query<{ current: boolean; sketch: Buffer }[]>(
      `SELECT hour >= ${from} AS current, sketch FROM ${span}`,
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
    const span = timeSpan(
      sql,
      { hour: 'stats_terms_hourly', day: 'stats_terms_daily' },
      'term, posts',
      periodsOf(window),
      this.derivedRows,
    );
    const from = sql.param(window.from);
    const rows = await this.db.query<{ term: string; posts: string; previous_posts: string }[]>(
      `SELECT term, coalesce(sum(posts) FILTER (WHERE hour >= ${from}), 0) AS posts,
              coalesce(sum(posts) FILTER (WHERE hour < ${from}), 0) AS previous_posts
         FROM ${span}
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
    if (filters.source) {
      sql.where('source_id = ?', filters.source);
    }
    // Whole UTC days from the day summaries, the hours before the first and after the last from the hour summaries.
    const span = timeSpan(
      sql,
      { hour: 'stats_top_authors_hourly', day: 'stats_top_authors_daily' },
      'source_id, authors, posts, reach, floor_posts, floor_reach',
      [[window.from.getTime(), window.to.getTime()]],
      true,
    );
    const order = by === 'posts' ? 'posts DESC, reach DESC' : 'reach DESC, posts DESC';
    const rows = await this.db.query<
      { source_id: string; author: string; posts: string; reach: string; floor_posts: string; floor_reach: string }[]
    >(
      `WITH parts AS (
         SELECT * FROM ${span}
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
