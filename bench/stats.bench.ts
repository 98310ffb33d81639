/**
 * Stats API benchmark: 1,000,000 realistic posts (30 days, daily rhythm, 8 sources, Zipf authors and vocabulary,
 * places of Kalimantan Timur and beyond, tracked topics) written through RollupWriter in batches of 1,000 (the ingest
 * path's rollup step, without the posts table: no stats endpoint reads it), into a database it creates on the
 * PostgreSQL server of BENCH_DATABASE_URL (default the local server) and drops at the end. Then the API process is
 * booted on it and every endpoint is called over HTTP: p50/p95 per endpoint, the distinct-author estimates against
 * the exact counts, table sizes and the machine's load average.
 *
 *   npm run bench:stats            (BENCH_POSTS scales the volume, BENCH_RUNS the calls per endpoint)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { getDistricts } from 'idn-area-data';
import { DEFAULT_CATEGORIES } from '../src/analysis/index.js';
import type { PostAnalysis } from '../src/analysis/index.js';
import { UsersService } from '../src/auth/users.service.js';
import { Role } from '../src/auth/roles.decorator.js';
import { SessionsService } from '../src/auth/sessions.service.js';
import { boot } from '../src/bootstrap/boot.js';
import { loadAppConfig } from '../src/config/app-config.js';
import { dataSourceOptions, runMigrations } from '../src/database/data-source.js';
import type { AnalysedPost, StoredPost } from '../src/ingestion/stored-post.js';
import { RollupWriter } from '../src/ingestion/rollup-writer.js';
import { SeededRandom } from '../eval/detection/stream-generator.js';

const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const BATCH = 1000;
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const HOUR = 3600_000;
const RHYTHM = [
  0.25, 0.15, 0.1, 0.1, 0.15, 0.35, 0.7, 0.9, 1.1, 1.2, 1.2, 1.25, 1.35, 1.2, 1.05, 1.0, 1.0, 1.1, 1.3, 1.5, 1.6, 1.5,
  1.0, 0.5,
];
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
const AUTHORS = 80_000;
const VOCABULARY = 20_000;
const TOPICS = Array.from({ length: 12 }, () => randomUUID());

function adminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Post times over the last DAYS days following the daily rhythm, in order (ingest sees them roughly in order). */
function postTimes(rng: SeededRandom, end: number): Float64Array {
  const hours = DAYS * 24;
  const weights = Array.from({ length: hours }, (_, h) => RHYTHM[h % 24] * (0.8 + 0.4 * rng.next()));
  const total = weights.reduce((a, b) => a + b, 0);
  const times = new Float64Array(POSTS);
  let at = 0;
  const start = end - hours * HOUR;
  for (let h = 0; h < hours && at < POSTS; h++) {
    const n = h === hours - 1 ? POSTS - at : Math.round((weights[h] / total) * POSTS);
    for (let i = 0; i < n && at < POSTS; i++) {
      times[at++] = start + h * HOUR + Math.floor(rng.next() * HOUR);
    }
  }
  times.subarray(0, at).sort();
  return times.subarray(0, at);
}

interface Exact {
  since: number;
  authors: Set<string>;
}

async function build(
  db: DataSource,
  sourceIds: string[],
  places: string[],
): Promise<{ seconds: number; exact: Exact[] }> {
  const rng = new SeededRandom(20261202);
  const end = Date.now();
  const times = postTimes(rng, end);
  const writer = new RollupWriter();
  profileSteps(writer);
  const exact: Exact[] = [24, 24 * 7, 24 * DAYS].map((hours) => ({ since: end - hours * HOUR, authors: new Set() }));
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
        topics: rng.chance(0.15) ? [{ id: TOPICS[rng.zipf(TOPICS.length, 1)], terms: [] }] : [],
        tokens,
      } as unknown as PostAnalysis;
      const externalId = `p${i}`;
      const createdAt = new Date(times[i]);
      posts.push({
        post: {
          externalId,
          text: '',
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
    if ((first / BATCH) % 100 === 99) {
      const done = first + BATCH;
      process.stdout.write(
        `  ${done.toLocaleString('en')} posts, ${Math.round(done / ((Date.now() - started) / 1000))} posts/s\n`,
      );
    }
  }
  return { seconds: (Date.now() - started) / 1000, exact };
}

/** Time spent in each of the writer's steps (its private methods, wrapped), for the write-side table. */
const stepTimes = new Map<string, number>();

function profileSteps(writer: RollupWriter): void {
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const name = `pantau_bench_stats_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(adminUrl());
  // The shared server may be restarted under the run: fail with the message instead of an unhandled event.
  admin.on('error', (err) => console.error(`Admin connection: ${err.message}`));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = databaseUrl(name);
  let db: DataSource | undefined;
  let stopApi: (() => Promise<void>) | undefined;
  try {
    await runMigrations(url);
    db = new DataSource(dataSourceOptions(url));
    await db.initialize();
    const sourceIds: string[] = [];
    for (const source of ['Mastodon', 'Bluesky', 'Reddit', 'YouTube', 'X', 'Telegram', 'RSS Berita', 'Aduan']) {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO sources (name, type) VALUES ($1, 'push') RETURNING id`,
        [source],
      );
      sourceIds.push(row.id);
    }
    const districts = await getDistricts();
    const places = [
      ...districts.filter((d) => d.code.startsWith('64.')).map((d) => d.code),
      ...districts
        .filter((d) => !d.code.startsWith('64.'))
        .slice(0, 400)
        .map((d) => d.code),
    ];
    console.log(`Building ${POSTS.toLocaleString('en')} posts of rollups in ${name} …`);
    const built = await build(db, sourceIds, places);
    await db.query('VACUUM ANALYZE');
    const sizes = await db.query<{ table: string; rows: string; size: string }[]>(
      `SELECT relname AS table, n_live_tup AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size
         FROM pg_stat_user_tables WHERE relname LIKE 'stats_%' OR relname = 'rollup_hourly' ORDER BY relname`,
    );
    await db.destroy();
    db = undefined;

    const config = loadAppConfig(
      {
        DATABASE_URL: url,
        PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
        PANTAU_ADMIN_PASSWORD: 'bench-admin-password',
        PANTAU_DEMO: 'false',
        PANTAU_LOG_LEVEL: 'warn',
        PANTAU_LOG_JSON: 'false',
        PANTAU_ROLE: 'api',
        PANTAU_HOME_REGION: '64.72',
        PANTAU_DATA_DIR: `.pantau-bench/${name}`,
        PORT: '0',
      },
      [],
    );
    const system = await boot(config);
    stopApi = () => system.stop();
    const { user } = await system.app.get(UsersService).create({
      username: 'bench-analyst',
      displayName: 'Bench',
      role: Role.Analyst,
      password: `pw-${randomBytes(12).toString('hex')}`,
      mustChangePassword: false,
    });
    const { token } = await system.app.get(SessionsService).create(user.id);
    const call = async (path: string) => {
      const response = await fetch(`${system.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      if (response.status !== 200) {
        throw new Error(`${path}: ${response.status} ${await response.text()}`);
      }
      return response.json() as Promise<Record<string, unknown>>;
    };
    const week = `from=${new Date(Date.now() - 7 * 24 * HOUR).toISOString()}`;
    const month = `from=${new Date(Date.now() - DAYS * 24 * HOUR).toISOString()}`;
    const endpoints = [
      // Baseline: an authenticated route that reads one session row (HTTP, guard, JSON on this machine now).
      '/api/auth/me',
      '/api/stats/overview',
      '/api/stats/overview?category=infrastruktur&sentiment=negative',
      `/api/stats/overview?region=64.72`,
      `/api/stats/overview?topic=${TOPICS[0]}`,
      `/api/stats/overview?${week}`,
      '/api/stats/volume?interval=hour&by=source',
      '/api/stats/volume?interval=hour&by=sentiment&region=64.72',
      `/api/stats/volume?interval=day&by=category&${month}`,
      '/api/stats/breakdown?dim=category',
      '/api/stats/breakdown?dim=opd',
      '/api/stats/breakdown?dim=source',
      '/api/stats/breakdown?dim=region&level=regency',
      '/api/stats/breakdown?dim=region&level=district&region=64',
      `/api/stats/breakdown?dim=category&${week}`,
      '/api/stats/top-terms',
      `/api/stats/top-terms?topic=${TOPICS[1]}`,
      `/api/stats/top-terms?${week}`,
      '/api/stats/top-authors?by=posts',
      '/api/stats/top-authors?by=reach',
      `/api/stats/top-authors?by=posts&${week}`,
    ];
    const results: { endpoint: string; p50: number; p95: number }[] = [];
    for (const endpoint of endpoints) {
      for (let i = 0; i < 3; i++) {
        await call(endpoint);
      }
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await call(endpoint);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      results.push({ endpoint, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
    const estimates = [];
    for (const [index, window] of built.exact.entries()) {
      const from = new Date(Math.floor(window.since / HOUR) * HOUR).toISOString();
      const overview = await call(`/api/stats/overview?from=${from}`);
      const estimate = (overview.authors as { value: number }).value;
      estimates.push({
        window: ['24 h', '7 days', '30 days'][index],
        exact: window.authors.size,
        estimate,
        error: `${(((estimate - window.authors.size) / window.authors.size) * 100).toFixed(2)} %`,
      });
    }
    console.log(`\nRollups written: ${built.seconds.toFixed(1)} s, ${Math.round(POSTS / built.seconds)} posts/s`);
    console.table(sizes);
    console.log('Write time by step (s, all batches):');
    console.table([...stepTimes].map(([step, ms]) => ({ step, seconds: (ms / 1000).toFixed(1) })));
    console.log(`\nEndpoints over HTTP, ${RUNS} calls each (ms):`);
    console.table(results.map((r) => ({ endpoint: r.endpoint, p50: r.p50.toFixed(1), p95: r.p95.toFixed(1) })));
    console.log('Distinct authors (HyperLogLog) against the exact count:');
    console.table(estimates);
    console.log(
      `Load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await stopApi?.();
    // Let the stopped API's pools close before the database goes.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await db?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
