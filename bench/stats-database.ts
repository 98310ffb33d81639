/**
 * The benchmark database of the stats and dashboard benchmarks: POSTS realistic posts (30 days, daily rhythm,
 * 8 sources, Zipf authors and vocabulary, places of Kalimantan Timur and beyond, tracked topics) whose rollups are
 * written through RollupWriter in batches of 1,000 (the ingest path's rollup step) and, with `withPosts`, the posts
 * rows themselves (the `posts` table with all its indexes, one multi-row insert per batch).
 *
 * `cache: true` keeps the database on the server, named by post count, seed and a fingerprint of the migrations, and
 * reuses it on the next run: its times are shifted forward by whole days (the day rollups stay on UTC midnight), so
 * the newest post is again within the last 24 hours (every table with an `hour` or `day` column, and the posts'
 * times). A build that did not finish is dropped and made again.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { getDistricts } from 'idn-area-data';
import { DEFAULT_CATEGORIES } from '../src/analysis/index.js';
import type { PostAnalysis } from '../src/analysis/index.js';
import { dataSourceOptions, runMigrations } from '../src/database/data-source.js';
import type { AnalysedPost, StoredPost } from '../src/ingestion/stored-post.js';
import { PostPartitions } from '../src/ingestion/post-partitions.js';
import { RollupWriter } from '../src/ingestion/rollup-writer.js';
import { SeededRandom } from '../eval/detection/stream-generator.js';
import { MIGRATIONS } from '../migrations/index.js';

export const HOUR = 3600_000;
const BATCH = 1000;
const RHYTHM = [
  0.25, 0.15, 0.1, 0.1, 0.15, 0.35, 0.7, 0.9, 1.1, 1.2, 1.2, 1.25, 1.35, 1.2, 1.05, 1.0, 1.0, 1.1, 1.3, 1.5, 1.6, 1.5,
  1.0, 0.5,
];
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
const AUTHORS = 80_000;
const VOCABULARY = 20_000;
/** Changes whenever the generator or the rollup writer changes what it writes, so a cached database is not reused across it. */
const GENERATOR_VERSION = 2;

export interface StatsDatabaseOptions {
  posts: number;
  days: number;
  seed: number;
  /** Also write the `posts` rows (the stats endpoints never read them; the dashboard's other calls may). */
  withPosts: boolean;
  /** Keep the database after the run and reuse it next time (see the file comment). */
  cache: boolean;
}

export interface Exact {
  since: number;
  authors: Set<string>;
}

export interface StatsDatabase {
  name: string;
  url: string;
  /** The tracked-topic ids the posts carry (15 % of posts). */
  topics: string[];
  /** Null when a cached database was reused. */
  built: { seconds: number; exact: Exact[]; stepTimes: Map<string, number> } | null;
  /** Drops the database unless it is a cache. */
  release(): Promise<void>;
}

export function adminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Post times over the last `days` days following the daily rhythm, in order (ingest sees them roughly in order). */
export function postTimes(rng: SeededRandom, end: number, posts: number, days: number): Float64Array {
  const hours = days * 24;
  const weights = Array.from({ length: hours }, (_, h) => RHYTHM[h % 24] * (0.8 + 0.4 * rng.next()));
  const total = weights.reduce((a, b) => a + b, 0);
  const times = new Float64Array(posts);
  let at = 0;
  const start = end - hours * HOUR;
  for (let h = 0; h < hours && at < posts; h++) {
    const n = h === hours - 1 ? posts - at : Math.round((weights[h] / total) * posts);
    for (let i = 0; i < n && at < posts; i++) {
      times[at++] = start + h * HOUR + Math.floor(rng.next() * HOUR);
    }
  }
  times.subarray(0, at).sort();
  return times.subarray(0, at);
}

/** Time spent in each of the writer's steps (its private methods, wrapped), for the write-side table. */
function profileSteps(writer: RollupWriter, stepTimes: Map<string, number>): void {
  const target = writer as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const step of ['writeLegacyHourly', 'writeCells', 'writeTerms', 'writeAuthors', 'writeSketches']) {
    const original = target[step].bind(writer);
    target[step] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original(...args);
      } finally {
        const name = step === 'writeCells' ? String(args[1]) : step;
        stepTimes.set(name, (stepTimes.get(name) ?? 0) + performance.now() - started);
      }
    };
  }
}

const POST_COLUMNS = `source_id, external_id, created_at, text, author, lang, likes, replies, reposts, analyzed_at,
  sentiment, sentiment_score, category, opd, locations`;
const POST_TYPES = [
  'uuid',
  'text',
  'timestamptz',
  'text',
  'text',
  'text',
  'int',
  'int',
  'int',
  'timestamptz',
  'text',
  'real',
  'text',
  'text',
  'jsonb',
];

async function insertPosts(
  db: DataSource,
  partitions: PostPartitions,
  stored: StoredPost[],
  posts: AnalysedPost[],
): Promise<void> {
  const columns: unknown[][] = POST_TYPES.map(() => []);
  stored.forEach((row, i) => {
    const { post, analysis } = posts[i];
    const values = [
      row.sourceId,
      row.externalId,
      row.createdAt.toISOString(),
      post.text,
      row.author,
      'id',
      post.metrics?.likes ?? 0,
      post.metrics?.replies ?? 0,
      post.metrics?.reposts ?? 0,
      row.createdAt.toISOString(),
      analysis.sentiment.label,
      analysis.sentiment.score,
      analysis.category.slug,
      analysis.category.opd,
      JSON.stringify(analysis.locations),
    ];
    values.forEach((value, c) => columns[c].push(value));
  });
  // posts is partitioned by month (migration 1764000003900): the batch's months first, as PostStore does.
  await partitions.ensureFor(stored.map((row) => row.createdAt));
  await db.query(
    `INSERT INTO posts (${POST_COLUMNS})
     SELECT * FROM unnest(${POST_TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`,
    columns,
  );
}

async function build(
  db: DataSource,
  options: StatsDatabaseOptions,
  sourceIds: string[],
  places: string[],
  topics: string[],
  end: number,
): Promise<{ seconds: number; exact: Exact[]; stepTimes: Map<string, number> }> {
  const rng = new SeededRandom(options.seed);
  const times = postTimes(rng, end, options.posts, options.days);
  const writer = new RollupWriter();
  // One instance for the whole build: its cache of existing months spares a query per batch.
  const partitions = new PostPartitions(db);
  const stepTimes = new Map<string, number>();
  profileSteps(writer, stepTimes);
  const exact: Exact[] = [24, 24 * 7, 24 * options.days].map((hours) => ({
    since: end - hours * HOUR,
    authors: new Set(),
  }));
  const started = Date.now();
  for (let first = 0; first < times.length; first += BATCH) {
    const sourceId = rng.pick(sourceIds);
    const posts: AnalysedPost[] = [];
    const stored: StoredPost[] = [];
    for (let i = first; i < Math.min(times.length, first + BATCH); i++) {
      const category = DEFAULT_CATEGORIES[rng.zipf(DEFAULT_CATEGORIES.length, 0.8)];
      const tokens = Array.from({ length: 8 + rng.int(0, 14) }, () => `kata${rng.zipf(VOCABULARY, 1.05)}`);
      const author = rng.chance(0.03) ? undefined : `akun${rng.zipf(AUTHORS, 0.9)}`;
      const locations = Array.from({ length: rng.chance(0.6) ? rng.int(1, 2) : 0 }, () => ({
        code: places[rng.zipf(places.length, 1.1)],
      }));
      const analysis = {
        maskedText: '',
        sentiment: { label: SENTIMENTS[rng.zipf(3, 0.5)], score: 0 },
        category: { slug: category.slug, opd: category.opd },
        locations,
        topics: rng.chance(0.15) ? [{ id: topics[rng.zipf(topics.length, 1)], terms: [] }] : [],
        tokens,
      } as unknown as PostAnalysis;
      const externalId = `p${i}`;
      const createdAt = new Date(times[i]);
      posts.push({
        post: {
          externalId,
          text: options.withPosts ? tokens.join(' ') : '',
          createdAt: createdAt.toISOString(),
          author,
          metrics: { likes: rng.zipf(500, 1.2), replies: rng.zipf(50, 1.2), reposts: rng.zipf(100, 1.3) },
        },
        analysis,
      });
      const reach = (post: AnalysedPost) =>
        (post.post.metrics?.likes ?? 0) + (post.post.metrics?.replies ?? 0) + (post.post.metrics?.reposts ?? 0);
      stored.push({
        id: String(i),
        sourceId,
        externalId,
        createdAt,
        author: author ?? null,
        url: null,
        reach: reach(posts[posts.length - 1]),
        analysis,
      });
      if (author) {
        for (const window of exact) {
          if (times[i] >= window.since) {
            window.authors.add(`${sourceId}|${author}`);
          }
        }
      }
    }
    await db.transaction((manager) => writer.record(manager, sourceId, stored, posts));
    if (options.withPosts) {
      await insertPosts(db, partitions, stored, posts);
    }
    if ((first / BATCH) % 100 === 99) {
      const done = first + BATCH;
      process.stdout.write(
        `  ${done.toLocaleString('en')} posts, ${Math.round(done / ((Date.now() - started) / 1000))} posts/s\n`,
      );
    }
  }
  return { seconds: (Date.now() - started) / 1000, exact, stepTimes };
}

function cacheName(options: StatsDatabaseOptions): { name: string; prefix: string } {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([GENERATOR_VERSION, options.days, options.withPosts, MIGRATIONS.map((m) => m.name)]))
    .digest('hex')
    .slice(0, 10);
  const prefix = `pantau_bench_cache_${options.posts}_${options.seed}_`;
  return { name: `${prefix}${fingerprint}`, prefix };
}

/**
 * Moves every hour and day of a reused cache forward by whole days so its newest post is within the last 24 hours
 * again. Each table is moved twice (far ahead, then back) so no row lands on a key another row still holds during
 * the update.
 */
async function shiftToNow(db: DataSource): Promise<number> {
  const [meta] = await db.query<{ built_end: Date }[]>(`SELECT built_end FROM bench_cache`);
  const hours = Math.floor((Date.now() - meta.built_end.getTime()) / (24 * HOUR)) * 24;
  if (hours <= 0) {
    return 0;
  }
  const tables = await db.query<{ table: string; column: string }[]>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name IN ('hour', 'day') AND data_type LIKE 'timestamp%'`,
  );
  const far = 24 * 365 * 100;
  // The moved posts land in later months: their partitions first (each day of the moved range names its month).
  const [range] = await db.query<{ first: Date | null; last: Date | null }[]>(
    `SELECT min(created_at) AS first, max(created_at) AS last FROM posts`,
  );
  if (range.first && range.last) {
    const days: Date[] = [];
    for (let at = range.first.getTime(); at <= range.last.getTime() + 24 * HOUR; at += 24 * HOUR) {
      days.push(new Date(at + hours * HOUR));
    }
    await new PostPartitions(db).ensureFor(days);
  }
  await db.transaction(async (manager) => {
    for (const { table, column } of tables) {
      await manager.query(`UPDATE ${table} SET ${column} = ${column} + make_interval(hours => $1)`, [far]);
      await manager.query(`UPDATE ${table} SET ${column} = ${column} - make_interval(hours => $1)`, [far - hours]);
    }
    await manager.query(
      `UPDATE posts SET created_at = created_at + make_interval(hours => $1),
                                          analyzed_at = analyzed_at + make_interval(hours => $1)`,
      [hours],
    );
    await manager.query(`UPDATE bench_cache SET built_end = built_end + make_interval(hours => $1)`, [hours]);
  });
  await db.query('VACUUM ANALYZE');
  return hours;
}

export async function openStatsDatabase(options: StatsDatabaseOptions): Promise<StatsDatabase> {
  const admin = new pg.Client(adminUrl());
  // The shared server may be restarted under the run: fail with the message instead of an unhandled event.
  admin.on('error', (err) => console.error(`Admin connection: ${err.message}`));
  await admin.connect();
  const { name, prefix } = options.cache
    ? cacheName(options)
    : { name: `pantau_bench_stats_${randomBytes(4).toString('hex')}`, prefix: '' };
  const url = databaseUrl(name);
  const release = async () => {
    if (!options.cache) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  };
  try {
    if (options.cache) {
      const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
      if (exists.rowCount) {
        const reused = await reuse(url);
        if (reused) {
          console.log(`Reusing the cached database ${name} (moved ${reused.hours} h forward)`);
          return { name, url, topics: reused.topics, built: null, release };
        }
        console.log(`The cached database ${name} is incomplete: building it again`);
      }
      // Older caches of the same size and seed (other migrations or generator): drop them, they are large.
      const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `${prefix}%`,
      ]);
      for (const { datname } of stale.rows) {
        await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
    }
    await admin.query(`CREATE DATABASE ${name}`);
    await runMigrations(url);
    const db = new DataSource(dataSourceOptions(url));
    await db.initialize();
    try {
      const sourceIds: string[] = [];
      for (const source of ['Mastodon', 'Bluesky', 'Reddit', 'YouTube', 'X', 'Telegram', 'RSS Berita', 'Aduan']) {
        const [row] = await db.query<{ id: string }[]>(
          `INSERT INTO sources (name, type) VALUES ($1, 'push') RETURNING id`,
          [source],
        );
        sourceIds.push(row.id);
      }
      const topics = Array.from({ length: 12 }, () => randomUUID());
      const districts = await getDistricts();
      const places = [
        ...districts.filter((d) => d.code.startsWith('64.')).map((d) => d.code),
        ...districts
          .filter((d) => !d.code.startsWith('64.'))
          .slice(0, 400)
          .map((d) => d.code),
      ];
      console.log(`Building ${options.posts.toLocaleString('en')} posts in ${name} …`);
      const end = Date.now();
      const built = await build(db, options, sourceIds, places, topics, end);
      await db.query('VACUUM ANALYZE');
      if (options.cache) {
        await db.query(`CREATE TABLE bench_cache (built_end timestamptz NOT NULL, topics text[] NOT NULL)`);
        await db.query(`INSERT INTO bench_cache VALUES ($1, $2)`, [new Date(end), topics]);
      }
      return { name, url, topics, built, release };
    } finally {
      await db.destroy();
    }
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    throw error;
  }
}

/** A finished cache (its bench_cache row exists), moved to now; null when the build never finished. */
async function reuse(url: string): Promise<{ hours: number; topics: string[] } | null> {
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  try {
    const [table] = await db.query<{ found: string | null }[]>(`SELECT to_regclass('bench_cache') AS found`);
    if (!table.found) {
      return null;
    }
    const [meta] = await db.query<{ topics: string[] }[]>(`SELECT topics FROM bench_cache`);
    return { hours: await shiftToNow(db), topics: meta.topics };
  } finally {
    await db.destroy();
  }
}
