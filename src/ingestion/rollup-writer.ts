/**
 * The dashboard's rollups, written in the ingest batch's transaction (PostStore calls `record` once per batch).
 * Everything is aggregated in memory first; each table then gets one statement for all the batch's distinct keys,
 * in sorted key order, so concurrent batches lock rows in the same order and cannot deadlock. Never per post.
 * The tables are described in migrations/1764000001100-StatsRollups.ts and read by src/stats.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PostAnalysis } from '../analysis/index.js';
import { isStopword } from '../issues/detection/stopwords.js';
import { hashAuthor, HyperLogLog, type AuthorHash } from '../stats/hyperloglog.js';
import { TOP_AUTHORS_KEPT, TopAuthorsSummary } from '../stats/top-authors-summary.js';
import type { AnalysedPost, StoredPost } from './stored-post.js';

/** Terms kept per batch: the most frequent overall, and per category and per topic (see docs/stats.md). */
export const TERMS_PER_BATCH = { all: 60, category: 10, topic: 10 } as const;

/** Advisory-lock class of the sketch merge (pg_advisory_xact_lock(class, hour)); the job lock uses one int key. */
const SKETCH_LOCK_CLASS = 0x5354;
/** Advisory-lock class of the day sketches' merge (pg_advisory_xact_lock(class, UTC day number)). */
const DAY_SKETCH_LOCK_CLASS = 0x5344;
/** Advisory-lock class of the top-authors merge (pg_advisory_xact_lock(class, UTC day number)). */
const AUTHORS_LOCK_CLASS = 0x5341;

/** Top-authors summaries by period (the key column is named after the period). */
export const TOP_AUTHORS_TABLES = { hour: 'stats_top_authors_hourly', day: 'stats_top_authors_daily' } as const;

interface SummaryRow {
  start: Date;
  source_id: string;
  authors: string[];
  posts: number[];
  reach: string[];
  floor_posts: number;
  floor_reach: string;
}

type Level = 'province' | 'regency' | 'district';
const LEVELS: Level[] = ['province', 'regency', 'district'];

interface Cells {
  posts: number;
  reach: number;
}

/** What a post counts under in the additive rollups. */
export interface RollupLabels {
  category: string;
  sentiment: string;
  opd: string;
  /** Place codes as `placesOf` gives them (each named place and its ancestors, once). */
  places: string[];
  /** Tracked topic ids, each once. */
  topics: string[];
}

/** A stored post whose rollup cells change; `before` null when it was not counted under any labels yet. */
export interface RollupChange {
  sourceId: string;
  createdAt: Date;
  author?: string | null;
  /** likes + replies + reposts. */
  reach: number;
  before: RollupLabels | null;
  after: RollupLabels;
}

export function labelsOf(analysis: PostAnalysis): RollupLabels {
  return {
    category: analysis.category.slug,
    sentiment: analysis.sentiment.label,
    opd: analysis.category.opd,
    places: placesOf(analysis.locations.map((location) => location.code)),
    topics: [...new Set(analysis.topics.map((topic) => topic.id))],
  };
}

/** A stored post leaving the additive rollups, under the labels it counts under now. */
export interface RollupRemoval {
  sourceId: string;
  createdAt: Date;
  /** likes + replies + reposts. */
  reach: number;
  labels: RollupLabels;
}

/** One batch's rollups, keyed by `|`-joined key columns (none of the key values can contain `|` but the author). */
export class BatchRollup {
  readonly volume = new Map<string, Cells>();
  readonly legacyHourly = new Map<string, number>();
  readonly regions = new Map<string, Cells>();
  /** Places by sentiment only (`code|hour|sentiment`). */
  readonly regionSentiments = new Map<string, Cells>();
  readonly topics = new Map<string, Cells>();
  readonly sketches = new Map<string, HyperLogLog>();
  readonly terms = new Map<string, Map<string, number>>();
  readonly authors = new Map<string, Cells>();
  private readonly hours = new Map<number, string>();

  constructor(private readonly sourceId: string) {}

  add(createdAt: Date, post: AnalysedPost): void {
    const { analysis } = post;
    const hour = this.hourOf(createdAt);
    const labels = labelsOf(analysis);
    const cell = `${this.sourceId}|${labels.category}|${labels.sentiment}`;
    this.count(1, hour, cell, labels, reachOf(post));
    const author = post.post.author?.trim();
    if (author) {
      this.sketchAuthor(this.sourceId, author, hour, cell, labels);
      bump(this.authors, `${hour}|${this.sourceId}|${author}`, reachOf(post));
    }
    const words = termsOf(analysis.tokens);
    this.countTerms(`${hour}|all|`, words);
    this.countTerms(`${hour}|category|${analysis.category.slug}`, words);
    for (const topic of labels.topics) {
      this.countTerms(`${hour}|topic|${topic}`, words);
    }
  }

  /**
   * A stored post whose labels changed (re-analysis, correction) or that gained topics (a topic's history backfill):
   * its posts and reach move from the old cells to the new ones. Distinct-author sketches can only grow (the author
   * is added to the new cells and stays in the old); terms stay with the labels the post had at ingest.
   */
  change(change: RollupChange): void {
    const hour = this.hourOf(change.createdAt);
    if (change.before) {
      const before = change.before;
      this.count(-1, hour, `${change.sourceId}|${before.category}|${before.sentiment}`, before, change.reach);
    }
    const after = change.after;
    const cell = `${change.sourceId}|${after.category}|${after.sentiment}`;
    this.count(1, hour, cell, after, change.reach);
    const author = change.author?.trim();
    if (author) {
      // Only the sketches the post was not counted in before: the author is in the others already.
      const before = change.before && {
        cell: `${change.sourceId}|${change.before.category}|${change.before.sentiment}`,
        labels: change.before,
      };
      this.sketchAuthor(change.sourceId, author, hour, cell, after, before);
    }
  }

  /** The hour's ISO name, computed once per hour of the batch (a batch of an import spans up to 180 hours). */
  private hourOf(at: Date): string {
    const slot = Math.floor(at.getTime() / 3600_000);
    let name = this.hours.get(slot);
    if (name === undefined) {
      name = new Date(slot * 3600_000).toISOString();
      this.hours.set(slot, name);
    }
    return name;
  }

  /**
   * A stored post that is deleted (a data subject's erasure): its posts and reach leave its cells. Sketches and terms
   * cannot give a post back (a HyperLogLog register keeps no member; terms keep a batch's top words only).
   */
  remove(removal: RollupRemoval): void {
    const cell = `${removal.sourceId}|${removal.labels.category}|${removal.labels.sentiment}`;
    this.count(-1, this.hourOf(removal.createdAt), cell, removal.labels, removal.reach);
  }

  /** `cell` is `source|category|sentiment` of the labels. */
  private count(sign: 1 | -1, hour: string, cell: string, labels: RollupLabels, reach: number): void {
    const key = `${cell}|${labels.opd}`;
    bump(this.volume, `${hour}|${key}`, reach, sign);
    const legacy = `${hour}|${cell}`;
    this.legacyHourly.set(legacy, (this.legacyHourly.get(legacy) ?? 0) + sign);
    for (const code of labels.places) {
      bump(this.regions, `${code}|${hour}|${key}`, reach, sign);
      bump(this.regionSentiments, `${code}|${hour}|${labels.sentiment}`, reach, sign);
    }
    for (const topic of labels.topics) {
      bump(this.topics, `${topic}|${hour}|${key}`, reach, sign);
    }
  }

  /** Adds the author to the sketches of `labels`, except those it is in already (`before`, for a change). */
  private sketchAuthor(
    sourceId: string,
    author: string,
    hour: string,
    cell: string,
    labels: RollupLabels,
    before?: { cell: string; labels: RollupLabels } | null,
  ): void {
    const hashed = hashAuthor(`${sourceId}|${author}`);
    if (!before) {
      this.sketch(`${hour}|all|`, hashed);
    }
    if (before?.cell !== cell) {
      this.sketch(`${hour}|cell|${cell}`, hashed);
    }
    for (const code of labels.places) {
      // Provinces and regencies only: district sketches would be most of the sketch writes for a rare filter.
      if (code.length <= 5 && !before?.labels.places.includes(code)) {
        this.sketch(`${hour}|region|${code}`, hashed);
      }
    }
    for (const topic of labels.topics) {
      if (!before?.labels.topics.includes(topic)) {
        this.sketch(`${hour}|topic|${topic}`, hashed);
      }
    }
  }

  /** Terms rows to write: per scope, the TERMS_PER_BATCH most frequent (ties by term), as [scopeKey, term, posts]. */
  termRows(): [string, string, number][] {
    const rows: [string, string, number][] = [];
    for (const [scope, counts] of this.terms) {
      const dim = scope.split('|')[1] as keyof typeof TERMS_PER_BATCH;
      const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TERMS_PER_BATCH[dim]);
      for (const [term, posts] of top) {
        rows.push([scope, term, posts]);
      }
    }
    return rows;
  }

  private sketch(key: string, author: AuthorHash): void {
    let sketch = this.sketches.get(key);
    if (!sketch) {
      sketch = new HyperLogLog();
      this.sketches.set(key, sketch);
    }
    sketch.add(author);
  }

  private countTerms(scope: string, words: string[]): void {
    let counts = this.terms.get(scope);
    if (!counts) {
      counts = new Map();
      this.terms.set(scope, counts);
    }
    for (const word of words) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
}

@Injectable()
export class RollupWriter {
  /** Adds the posts this batch inserted to every rollup. `posts` are the batch's posts (authors, metrics). */
  async record(manager: EntityManager, sourceId: string, inserted: StoredPost[], posts: AnalysedPost[]): Promise<void> {
    if (inserted.length === 0) {
      return;
    }
    const byExternalId = new Map(posts.map((item) => [item.post.externalId, item]));
    const rollup = new BatchRollup(sourceId);
    for (const stored of inserted) {
      const post = byExternalId.get(stored.externalId);
      if (post) {
        rollup.add(stored.createdAt, post);
      }
    }
    await this.write(manager, rollup);
  }

  /**
   * Moves stored posts between rollup cells (see BatchRollup.change): PostStore calls it for a re-analysis, an
   * analyst's correction and a topic's history backfill, with the posts locked. Same statements and lock order as
   * `record`.
   */
  async applyChanges(manager: EntityManager, changes: RollupChange[]): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    const rollup = new BatchRollup('');
    for (const change of changes) {
      rollup.change(change);
    }
    await this.write(manager, rollup);
  }

  /**
   * Erasure of one author's posts (src/privacy): their posts and reach leave the volume, region, topic and legacy
   * hourly cells, and the author leaves the top-authors summaries (keyed by the handle in clear).
   * `authors` are the author values as stored (one handle may have been stored as `@Budi` and `budi`).
   */
  async removePosts(
    manager: EntityManager,
    sourceId: string,
    authors: string[],
    removals: RollupRemoval[],
  ): Promise<{ authorRows: number }> {
    if (removals.length > 0) {
      const rollup = new BatchRollup(sourceId);
      for (const removal of removals) {
        rollup.remove(removal);
      }
      await this.write(manager, rollup);
    }
    return this.removeAuthors(manager, sourceId, authors);
  }

  /** Deletes an author's rows of the top-authors rollup (anonymisation keeps the posts but not who wrote them). */
  async removeAuthors(manager: EntityManager, sourceId: string, authors: string[]): Promise<{ authorRows: number }> {
    const trimmed = [...new Set(authors.map((author) => author.trim()).filter((author) => author !== ''))];
    if (trimmed.length === 0) {
      return { authorRows: 0 };
    }
    let authorRows = 0;
    for (const period of ['hour', 'day'] as const) {
      const table = TOP_AUTHORS_TABLES[period];
      const touched = await manager.query<{ start: Date }[]>(
        `SELECT DISTINCT date_trunc('day', ${period}, 'UTC') AS start FROM ${table}
          WHERE source_id = $1 AND authors && $2::text[]`,
        [sourceId, trimmed],
      );
      // The writers' day locks: a batch merging a summary read before this change cannot write the author back.
      await lockDays(
        manager,
        touched.map((row) => new Date(row.start).toISOString()),
      );
      const rows = await manager.query<SummaryRow[]>(
        `SELECT ${period} AS start, source_id, authors, posts, reach, floor_posts, floor_reach FROM ${table}
          WHERE source_id = $1 AND authors && $2::text[] ORDER BY 1`,
        [sourceId, trimmed],
      );
      const erased = new Set(trimmed);
      const summaries = rows.map((row) => {
        const summary = TopAuthorsSummary.fromRow(row);
        authorRows += summary.remove(erased);
        return summary;
      });
      await writeSummaries(
        manager,
        period,
        rows.map((row) => [new Date(row.start).toISOString(), row.source_id]),
        summaries,
      );
    }
    return { authorRows };
  }

  /**
   * Every table, hourly and then its UTC-day twin (docs/stats.md, "Day rows"): a day row receives the sum of the
   * batch's hour rows of that day, so it always equals the sum of its stored hour rows.
   */
  private async write(manager: EntityManager, rollup: BatchRollup): Promise<void> {
    await this.writeLegacyHourly(manager, rollup.legacyHourly);
    for (const { table, lead, rest, entries, withLevel } of [
      { table: 'stats_volume', lead: [], rest: CELL_COLUMNS, entries: rollup.volume, withLevel: false },
      { table: 'stats_region', lead: ['code'], rest: CELL_COLUMNS, entries: rollup.regions, withLevel: true },
      { table: 'stats_topic', lead: ['topic_id'], rest: CELL_COLUMNS, entries: rollup.topics, withLevel: false },
      {
        table: 'stats_region_sentiment',
        lead: ['code'],
        rest: ['sentiment'],
        entries: rollup.regionSentiments,
        withLevel: true,
      },
    ]) {
      for (const period of ['hour', 'day'] as const) {
        await this.writeCells(
          manager,
          `${table}_${PERIOD_SUFFIX[period]}`,
          [...lead, period, ...rest],
          [...(period === 'hour' ? entries : byDay(entries, lead.length))],
          withLevel,
        );
      }
    }
    const terms = rollup.termRows();
    await this.writeTerms(manager, 'hour', terms);
    await this.writeTerms(manager, 'day', termsByDay(terms));
    await this.writeAuthors(manager, rollup.authors);
    const daySketches = sketchesByDay(rollup.sketches);
    await this.writeSketches(manager, 'hour', rollup.sketches);
    await this.writeSketches(manager, 'day', daySketches);
  }

  /** rollup_hourly (legacy: posts per hour, source, category and sentiment). */
  private async writeLegacyHourly(manager: EntityManager, counts: Map<string, number>): Promise<void> {
    const keys = [...counts.keys()].filter((key) => counts.get(key) !== 0).sort();
    if (keys.length === 0) {
      return;
    }
    const parts = keys.map((key) => key.split('|'));
    await manager.query(
      `INSERT INTO rollup_hourly (hour, source_id, category, sentiment, posts)
       SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::int[])
       ON CONFLICT (hour, source_id, category, sentiment) DO UPDATE SET posts = rollup_hourly.posts + excluded.posts`,
      [...[0, 1, 2, 3].map((index) => parts.map((p) => p[index])), keys.map((k) => counts.get(k))],
    );
  }

  /** Additive posts/reach cells; `withLevel` adds the place level (from the code's depth). */
  private async writeCells(
    manager: EntityManager,
    table: string,
    keyColumns: string[],
    entries: [string, Cells][],
    withLevel = false,
  ): Promise<void> {
    entries = entries.filter(([, cells]) => cells.posts !== 0 || cells.reach !== 0);
    if (entries.length === 0) {
      return;
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const parts = entries.map(([key]) => key.split('|'));
    const types = keyColumns.map((column) => COLUMN_TYPES[column]);
    const columns = keyColumns.map((_, index) => parts.map((p) => p[index]));
    const params: unknown[] = [...columns, entries.map(([, c]) => c.posts), entries.map(([, c]) => c.reach)];
    const arrays = types.map((type, index) => `$${index + 1}::${type}[]`);
    arrays.push(`$${types.length + 1}::int[]`, `$${types.length + 2}::bigint[]`);
    const names = [...keyColumns, 'posts', 'reach'];
    let select = names.join(', ');
    let insertColumns = names.join(', ');
    if (withLevel) {
      params.push(LEVELS);
      select += `, ($${params.length}::text[])[array_length(string_to_array(code, '.'), 1)]`;
      insertColumns += ', level';
    }
    await manager.query(
      `INSERT INTO ${table} (${insertColumns})
       SELECT ${select} FROM unnest(${arrays.join(', ')}) AS r(${names.join(', ')})
       ON CONFLICT (${keyColumns.join(', ')})
       DO UPDATE SET posts = ${table}.posts + excluded.posts, reach = ${table}.reach + excluded.reach`,
      params,
    );
  }

  /** Terms rows `[period start|dim|key, term, posts]` of one period. */
  private async writeTerms(
    manager: EntityManager,
    period: 'hour' | 'day',
    rows: [string, string, number][],
  ): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    const keyed = rows.map(([scope, term, posts]) => ({
      key: `${scope}|${term}`,
      scope: scope.split('|'),
      term,
      posts,
    }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const table = `stats_terms_${PERIOD_SUFFIX[period]}`;
    await manager.query(
      `INSERT INTO ${table} (${period}, dim, key, term, posts)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::int[])
       ON CONFLICT (${period}, dim, key, term) DO UPDATE SET posts = ${table}.posts + excluded.posts`,
      [
        keyed.map((row) => row.scope[0]),
        keyed.map((row) => row.scope[1]),
        keyed.map((row) => row.scope[2]),
        keyed.map((row) => row.term),
        keyed.map((row) => row.posts),
      ],
    );
  }

  /**
   * Top authors (src/stats/top-authors-summary.ts): one bounded summary per hour × source and per UTC day × source,
   * read, merged with the batch's exact counts, truncated and written back. Summaries merge in memory, so the batch
   * takes a transaction-level advisory lock per UTC day it touches (in day order, before the hour locks of the
   * sketches); writers of the same day serialise on it, readers never wait.
   */
  private async writeAuthors(manager: EntityManager, authors: Map<string, Cells>): Promise<void> {
    if (authors.size === 0) {
      return;
    }
    const batch = new Map<string, TopAuthorsSummary>();
    const summary = (key: string) => {
      let found = batch.get(key);
      if (!found) {
        found = new TopAuthorsSummary();
        batch.set(key, found);
      }
      return found;
    };
    for (const [key, cells] of authors) {
      const first = key.indexOf('|');
      const second = key.indexOf('|', first + 1);
      const hour = key.slice(0, first);
      const rest = key.slice(first + 1, second);
      const author = key.slice(second + 1);
      summary(`hour|${hour}|${rest}`).add(author, cells.posts, cells.reach);
      summary(`day|${dayOf(hour)}|${rest}`).add(author, cells.posts, cells.reach);
    }
    const days = [...new Set([...batch.keys()].filter((k) => k.startsWith('day|')).map((k) => k.split('|')[1]))];
    await lockDays(manager, days);
    for (const period of ['hour', 'day'] as const) {
      const keys = [...batch.keys()].filter((key) => key.startsWith(`${period}|`)).sort();
      const parts = keys.map((key) => key.split('|'));
      const table = TOP_AUTHORS_TABLES[period];
      const stored = await manager.query<SummaryRow[]>(
        `SELECT t.${period} AS start, t.source_id, t.authors, t.posts, t.reach, t.floor_posts, t.floor_reach
           FROM ${table} t JOIN unnest($1::timestamptz[], $2::uuid[]) AS k(start, source_id)
             ON t.${period} = k.start AND t.source_id = k.source_id`,
        [parts.map((p) => p[1]), parts.map((p) => p[2])],
      );
      for (const row of stored) {
        batch
          .get(`${period}|${new Date(row.start).toISOString()}|${row.source_id}`)
          ?.merge(TopAuthorsSummary.fromRow(row));
      }
      const columns = keys.map((key) => (batch.get(key) as TopAuthorsSummary).truncate(TOP_AUTHORS_KEPT[period]));
      await writeSummaries(
        manager,
        period,
        parts.map((p) => [p[1], p[2]]),
        columns,
      );
    }
  }

  /**
   * Sketches merge register-wise (maximum), which SQL has no cheap operator for: the batch takes a transaction-level
   * advisory lock per hour it touches (in hour order; then, for the day sketches, per UTC day in day order), reads the
   * stored sketches of its keys, merges in memory and writes them back. Writers of the same hour (day) serialise on
   * that lock; readers never wait. Every writer takes its hour locks before its day locks, so none can deadlock.
   */
  private async writeSketches(
    manager: EntityManager,
    period: 'hour' | 'day',
    sketches: Map<string, HyperLogLog>,
  ): Promise<void> {
    if (sketches.size === 0) {
      return;
    }
    const table = period === 'hour' ? 'stats_author_sketches' : 'stats_author_sketches_daily';
    const size = period === 'hour' ? 3600_000 : 86_400_000;
    const lockClass = period === 'hour' ? SKETCH_LOCK_CLASS : DAY_SKETCH_LOCK_CLASS;
    const keys = [...sketches.keys()].sort();
    const parts = keys.map((key) => splitSketchKey(key));
    const slots = [...new Set(parts.map((p) => Date.parse(p.hour) / size))].sort((a, b) => a - b);
    await manager.query(
      `SELECT pg_advisory_xact_lock(${lockClass}, h) FROM (SELECT unnest($1::int[]) AS h ORDER BY 1) AS slots`,
      [slots],
    );
    const stored = await manager.query<{ start: Date; dim: string; key: string; sketch: Buffer }[]>(
      `SELECT s.${period} AS start, s.dim, s.key, s.sketch FROM ${table} s
       JOIN unnest($1::timestamptz[], $2::text[], $3::text[]) AS k(start, dim, key)
         ON s.${period} = k.start AND s.dim = k.dim AND s.key = k.key`,
      [parts.map((p) => p.hour), parts.map((p) => p.dim), parts.map((p) => p.key)],
    );
    for (const row of stored) {
      const key = `${new Date(row.start).toISOString()}|${row.dim}|${row.key}`;
      sketches.get(key)?.merge(HyperLogLog.fromBytes(row.sketch));
    }
    await manager.query(
      `INSERT INTO ${table} (${period}, dim, key, sketch)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::bytea[])
       ON CONFLICT (${period}, dim, key) DO UPDATE SET sketch = excluded.sketch`,
      [
        parts.map((p) => p.hour),
        parts.map((p) => p.dim),
        parts.map((p) => p.key),
        keys.map((key) => (sketches.get(key) as HyperLogLog).toBytes()),
      ],
    );
  }
}

/** Table name suffix of a period. */
const PERIOD_SUFFIX = { hour: 'hourly', day: 'daily' } as const;

/** The key columns of an additive cell after its place/topic and its period. */
const CELL_COLUMNS = ['source_id', 'category', 'sentiment', 'opd'];

/** A `|`-separated rollup key with its part `at` (an ISO hour) replaced by that hour's UTC day. */
function dayKeyOf(key: string, at: number): string {
  const parts = key.split('|');
  parts[at] = dayOf(parts[at]);
  return parts.join('|');
}

/** Cells re-keyed by UTC day (the key's part `at` is an ISO hour) and summed. */
function byDay(entries: Map<string, Cells>, at: number): Map<string, Cells> {
  const days = new Map<string, Cells>();
  for (const [key, cells] of entries) {
    const dayKey = dayKeyOf(key, at);
    const found = days.get(dayKey);
    if (found) {
      found.posts += cells.posts;
      found.reach += cells.reach;
    } else {
      days.set(dayKey, { ...cells });
    }
  }
  return days;
}

/** The batch's kept terms rows summed by UTC day (a day row is the sum of its hour rows). */
function termsByDay(rows: [string, string, number][]): [string, string, number][] {
  const days = new Map<string, [string, string, number]>();
  for (const [scope, term, posts] of rows) {
    const dayScope = dayKeyOf(scope, 0);
    const key = `${dayScope}|${term}`;
    const found = days.get(key);
    if (found) {
      found[2] += posts;
    } else {
      days.set(key, [dayScope, term, posts]);
    }
  }
  return [...days.values()];
}

/** The batch's sketches merged by UTC day (copies: the hour sketches are merged with the stored ones afterwards). */
function sketchesByDay(sketches: Map<string, HyperLogLog>): Map<string, HyperLogLog> {
  const days = new Map<string, HyperLogLog>();
  for (const [key, sketch] of sketches) {
    const dayKey = dayKeyOf(key, 0);
    const found = days.get(dayKey);
    if (found) {
      found.merge(sketch);
    } else {
      days.set(dayKey, new HyperLogLog().merge(sketch));
    }
  }
  return days;
}

const COLUMN_TYPES: Record<string, string> = {
  hour: 'timestamptz',
  day: 'timestamptz',
  source_id: 'uuid',
  topic_id: 'uuid',
  category: 'text',
  sentiment: 'text',
  opd: 'text',
  code: 'text',
};

function bump(map: Map<string, Cells>, key: string, reach: number, sign: 1 | -1 = 1): void {
  const cells = map.get(key);
  if (cells) {
    cells.posts += sign;
    cells.reach += sign * reach;
  } else {
    map.set(key, { posts: sign, reach: sign * reach });
  }
}

function splitSketchKey(key: string): { hour: string; dim: string; key: string } {
  const first = key.indexOf('|');
  const second = key.indexOf('|', first + 1);
  return { hour: key.slice(0, first), dim: key.slice(first + 1, second), key: key.slice(second + 1) };
}

/** The UTC day (ISO midnight) of an ISO hour. */
function dayOf(hour: string): string {
  return `${hour.slice(0, 10)}T00:00:00.000Z`;
}

async function lockDays(manager: EntityManager, days: string[]): Promise<void> {
  if (days.length === 0) {
    return;
  }
  const numbers = [...new Set(days.map((day) => Math.floor(Date.parse(day) / 86_400_000)))].sort((a, b) => a - b);
  await manager.query(
    `SELECT pg_advisory_xact_lock(${AUTHORS_LOCK_CLASS}, d) FROM (SELECT unnest($1::int[]) AS d ORDER BY 1) AS days`,
    [numbers],
  );
}

/** Upserts summaries, `keys` as [period start ISO, source id], in the given (sorted) order. */
async function writeSummaries(
  manager: EntityManager,
  period: 'hour' | 'day',
  keys: [string, string][],
  summaries: TopAuthorsSummary[],
): Promise<void> {
  if (keys.length === 0) {
    return;
  }
  const table = TOP_AUTHORS_TABLES[period];
  const columns = summaries.map((summary) => summary.toColumns());
  // Arrays of arrays of different lengths cannot be one SQL array: each summary's columns travel as JSON.
  await manager.query(
    `INSERT INTO ${table} (${period}, source_id, authors, posts, reach, floor_posts, floor_reach)
     SELECT k.start, k.source_id,
            ARRAY(SELECT jsonb_array_elements_text(k.doc->'a')),
            ARRAY(SELECT jsonb_array_elements_text(k.doc->'p')::int),
            ARRAY(SELECT jsonb_array_elements_text(k.doc->'r')::bigint),
            k.floor_posts, k.floor_reach
       FROM unnest($1::timestamptz[], $2::uuid[], $3::jsonb[], $4::int[], $5::bigint[])
         AS k(start, source_id, doc, floor_posts, floor_reach)
     ON CONFLICT (${period}, source_id) DO UPDATE SET authors = excluded.authors, posts = excluded.posts,
       reach = excluded.reach, floor_posts = excluded.floor_posts, floor_reach = excluded.floor_reach`,
    [
      keys.map((key) => key[0]),
      keys.map((key) => key[1]),
      columns.map((c) => JSON.stringify({ a: c.authors, p: c.posts, r: c.reach })),
      summaries.map((summary) => summary.floorPosts),
      summaries.map((summary) => summary.floorReach),
    ],
  );
}

/** The hour a post counts in (UTC hour start, ISO). */
export function hourOf(at: Date): string {
  const hour = new Date(at);
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}

/** Reach as the issues API counts it: likes + replies + reposts. */
export function reachOf(post: AnalysedPost): number {
  const metrics = post.post.metrics ?? {};
  return (metrics.likes ?? 0) + (metrics.replies ?? 0) + (metrics.reposts ?? 0);
}

/**
 * The place codes a post counts for: every province, regency and district it names, and their ancestors (a village
 * counts for its district), each once.
 */
export function placesOf(codes: string[]): string[] {
  const places = new Set<string>();
  for (const code of codes) {
    const segments = code.split('.');
    for (let depth = 1; depth <= Math.min(3, segments.length); depth++) {
      places.add(segments.slice(0, depth).join('.'));
    }
  }
  return [...places];
}

/** The words a post contributes to the terms rollup: distinct tokens of 3+ letters that are not function words. */
export function termsOf(tokens: string[]): string[] {
  const words = new Set<string>();
  for (const token of tokens) {
    if (token.length >= 3 && token.length <= 40 && /^\p{L}[\p{L}\p{N}-]*$/u.test(token) && !isStopword(token)) {
      words.add(token);
    }
  }
  return [...words];
}

/** Every rollup table RollupWriter writes (retention prunes them). */
export const ROLLUP_TABLES = [
  'rollup_hourly',
  'stats_volume_hourly',
  'stats_region_hourly',
  'stats_region_sentiment_hourly',
  'stats_topic_hourly',
  'stats_author_sketches',
  'stats_terms_hourly',
  'stats_top_authors_hourly',
] as const;

/** The UTC-day twins (and the top-authors day summaries), keyed by `day`. */
export const DAY_ROLLUP_TABLES = [
  'stats_volume_daily',
  'stats_region_daily',
  'stats_region_sentiment_daily',
  'stats_topic_daily',
  'stats_author_sketches_daily',
  'stats_terms_daily',
  'stats_top_authors_daily',
] as const;

/**
 * Retention: deletes rollup rows of the hours that lie wholly before the cut-off (the hour containing it stays
 * while some of its posts do). Returns the rows deleted.
 */
export async function pruneRollupsBefore(db: Pick<EntityManager, 'query'>, cutoff: Date): Promise<number> {
  let deleted = 0;
  for (const table of ROLLUP_TABLES) {
    const [, count] = await db.query<[unknown[], number]>(
      `DELETE FROM ${table} WHERE hour < date_trunc('hour', $1::timestamptz)`,
      [cutoff],
    );
    deleted += count;
  }
  // Day rows of days wholly before the cut-off.
  for (const table of DAY_ROLLUP_TABLES) {
    const [, count] = await db.query<[unknown[], number]>(
      `DELETE FROM ${table} WHERE day + interval '1 day' <= $1::timestamptz`,
      [cutoff],
    );
    deleted += count;
  }
  return deleted;
}
