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
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { UsersService } from '../src/auth/users.service.js';
import { Role } from '../src/auth/roles.decorator.js';
import { SessionsService } from '../src/auth/sessions.service.js';
import { boot } from '../src/bootstrap/boot.js';
import { loadAppConfig } from '../src/config/app-config.js';
import { dataSourceOptions } from '../src/database/data-source.js';
import { StatsRepository } from '../src/stats/stats.repository.js';
import { HOUR, openStatsDatabase } from './stats-database.js';

const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const database = await openStatsDatabase({
    posts: POSTS,
    days: DAYS,
    seed: 20261202,
    withPosts: false,
    // BENCH_CACHE=1 keeps the database and reuses it on the next run (bench/stats-database.ts).
    cache: process.env.BENCH_CACHE === '1',
  });
  const { name, url, topics: TOPICS } = database;
  const built = database.built;
  let db: DataSource | undefined;
  let stopApi: (() => Promise<void>) | undefined;
  try {
    db = new DataSource(dataSourceOptions(url));
    await db.initialize();
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
      username: `bench-analyst-${randomBytes(3).toString('hex')}`,
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
    // Each endpoint is timed twice in the same minutes: reading whole days from the day rows (the product) and, for
    // comparison, from the hour rows of the full cell tables alone (StatsRepository.derivedRows = false: the read path
    // before migration 1764000004500).
    const repository = system.app.get(StatsRepository);
    const results: { endpoint: string; p50: number; p95: number; hourP50: number; hourP95: number }[] = [];
    const loadBefore = loadavg()[0];
    for (const endpoint of endpoints) {
      const times = { day: [] as number[], hour: [] as number[] };
      for (const mode of ['hour', 'day'] as const) {
        repository.derivedRows = mode === 'day';
        for (let i = 0; i < 3; i++) {
          await call(endpoint);
        }
      }
      for (let i = 0; i < RUNS; i++) {
        for (const mode of ['hour', 'day'] as const) {
          repository.derivedRows = mode === 'day';
          const started = performance.now();
          await call(endpoint);
          times[mode].push(performance.now() - started);
        }
      }
      repository.derivedRows = true;
      times.day.sort((a, b) => a - b);
      times.hour.sort((a, b) => a - b);
      results.push({
        endpoint,
        p50: percentile(times.day, 50),
        p95: percentile(times.day, 95),
        hourP50: percentile(times.hour, 50),
        hourP95: percentile(times.hour, 95),
      });
    }
    const loadAfter = loadavg()[0];
    const estimates = [];
    for (const [index, window] of (built?.exact ?? []).entries()) {
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
    if (built) {
      console.log(`\nRollups written: ${built.seconds.toFixed(1)} s, ${Math.round(POSTS / built.seconds)} posts/s`);
      console.log('Write time by step (s, all batches):');
      console.table([...built.stepTimes].map(([step, ms]) => ({ step, seconds: (ms / 1000).toFixed(1) })));
    } else {
      console.log('\nCached database reused: no write figures, no exact distinct-author counts');
    }
    console.table(sizes);
    console.log(
      `\nEndpoints over HTTP, ${RUNS} calls each (ms), 1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after:`,
    );
    console.table(
      results.map((r) => ({
        endpoint: r.endpoint,
        'before p50': r.hourP50.toFixed(1),
        'before p95': r.hourP95.toFixed(1),
        p50: r.p50.toFixed(1),
        p95: r.p95.toFixed(1),
      })),
    );
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
    await database.release();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
