/**
 * The database at scale: POSTS realistic posts (120 days in the daily rhythm of bench/stats-database.ts, Indonesian
 * complaint phrases of bench/ingest-posts.ts, Zipf authors, hashtags and district names of Kalimantan Timur) built in
 * a fresh embedded PostgreSQL through the product's own write path — the ingest worker's IngestService.processBatch
 * (analysis, then PostStore.storeBatch: partitions, post_keys, topic matches, rollups, detection counts) — then the
 * p50/p95 of every dashboard and list endpoint over HTTP, the time to retire one month partition (on a copy of the
 * database) and the disk used per million posts.
 *
 * The database is cached by seed and size outside the repository (in PANTAU_BENCH_CACHE, default
 * ~/.cache/pantau-bench, /var/tmp/pantau-bench as root: scale-<seed>-<posts>) and reused; a build that did not finish is made again. The endpoints are
 * asked about the 7 days up to the newest post of the build, so a reused cache answers the same questions.
 * Latency is wall time on a shared machine: the load average is printed with it. Never run in CI.
 *
 *   npm run bench:scale -- --posts 100000|1000000|10000000 [--seed 1 --calls 30 --batch 1000 --concurrency 3]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, loadavg, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { getDistricts } from 'idn-area-data';
import { loadAppConfig } from '../src/config/app-config.js';
import { boot, RunningSystem } from '../src/bootstrap/boot.js';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres.server.js';
import { IngestService } from '../src/ingestion/ingest.service.js';
import type { IngestPostPayload } from '../src/ingestion/ingest-post.js';
import { PostStore } from '../src/ingestion/post-store.repository.js';
import { BREAKDOWN_DIMS } from '../src/stats/dto/stats-query.dto.js';
import { SeededRandom } from '../eval/detection/stream-generator.js';
import { PHRASES } from './ingest-posts.js';
import { login } from './bench-login.js';
import { HOUR, postTimes } from './stats-database.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const POSTS = Number(args.get('posts') ?? 100_000);
const SEED = Number(args.get('seed') ?? 1);
const CALLS = Number(args.get('calls') ?? 30);
const BATCH = Number(args.get('batch') ?? 1000);
/** Batches in the worker's path at once (a worker process runs several jobs; analysis overlaps the writes). */
const CONCURRENCY = Number(args.get('concurrency') ?? 3);
const DAYS = 120;
const AUTHORS = 80_000;
const SOURCES = ['Mastodon', 'Bluesky', 'Reddit', 'YouTube', 'X', 'Telegram', 'RSS Berita', 'Aduan'];
/** Changes whenever the generator changes what it writes, so a cache is not reused across it. */
const GENERATOR_VERSION = 2;
const ADMIN_PASSWORD = 'bench-admin-password';
/** Run as root, the embedded PostgreSQL runs as the postgres user, who cannot reach root's home: /var/tmp then. */
const CACHE_ROOT =
  process.env.PANTAU_BENCH_CACHE ?? join(userInfo().uid === 0 ? '/var/tmp' : join(homedir(), '.cache'), 'pantau-bench');
const CACHE_DIR = join(CACHE_ROOT, `scale-${SEED}-${POSTS}`);
const MARKER = join(CACHE_DIR, 'built.json');

interface Built {
  version: number;
  posts: number;
  end: string;
  seconds: number;
  rate: number;
  load: string;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

function bootApp(databaseUrl: string): Promise<RunningSystem> {
  return boot(
    loadAppConfig(
      {
        DATABASE_URL: databaseUrl,
        PANTAU_QUEUE_PREFIX: `scale-${Date.now()}`,
        PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        PANTAU_ADMIN_PASSWORD: ADMIN_PASSWORD,
        PANTAU_DEMO: 'false',
        PANTAU_LOG_LEVEL: 'warn',
        PANTAU_ROLE: 'api',
        // A regional office of Kalimantan Timur: its district names in the posts resolve to places (region rollups).
        PANTAU_HOME_REGION: '64',
        PANTAU_DATA_DIR: join(CACHE_DIR, 'app'),
        // Retention must not retire the bench's oldest months while it measures.
        PANTAU_RETENTION_DAYS: '36500',
        PORT: '0',
      },
      [],
    ),
  );
}

/** Posts through the ingest worker's own path, batch after batch, each batch from one source. */
async function build(system: RunningSystem): Promise<Built> {
  const ingest = system.app.get(IngestService);
  const sources: string[] = [];
  for (const name of SOURCES) {
    sources.push((await ingest.findOrCreatePushSource(name)).id);
  }
  const places = (await getDistricts()).filter((d) => d.code.startsWith('64.')).map((d) => d.name);
  const rng = new SeededRandom(SEED);
  const end = Date.now();
  const times = postTimes(rng, end, POSTS, DAYS);
  const started = performance.now();
  let reported = started;
  const running = new Set<Promise<unknown>>();
  for (let first = 0; first < times.length; first += BATCH) {
    const posts: IngestPostPayload[] = [];
    for (let n = first; n < Math.min(times.length, first + BATCH); n++) {
      const place = rng.chance(0.6) ? ` di ${places[rng.zipf(places.length, 1.1)]}` : '';
      const tail = rng.chance(0.5) ? `, ${rng.pick(PHRASES)}` : '';
      const author = rng.chance(0.03) ? undefined : `akun${rng.zipf(AUTHORS, 0.9)}`;
      posts.push({
        externalId: `s${SEED}-${n}`,
        text: `${rng.pick(PHRASES)}${place}${tail} #laporan${rng.zipf(500, 1.1)}`,
        createdAt: new Date(times[n]).toISOString(),
        author,
        url: `https://example.org/p/${n}`,
        lang: 'id',
        metrics: { likes: rng.zipf(500, 1.2), replies: rng.zipf(50, 1.2), reposts: rng.zipf(100, 1.3) },
      });
    }
    const batch = ingest.processBatch(randomUUID(), rng.pick(sources), posts).finally(() => running.delete(batch));
    running.add(batch);
    if (running.size >= CONCURRENCY) {
      await Promise.race(running);
    }
    if (performance.now() - reported > 30_000) {
      reported = performance.now();
      const done = first + posts.length;
      console.log(
        `  ${done.toLocaleString('en')} posts, ${Math.round(done / ((reported - started) / 1000))} posts/s, load ${load()}`,
      );
    }
  }
  await Promise.all(running);
  const seconds = (performance.now() - started) / 1000;
  return {
    version: GENERATOR_VERSION,
    posts: times.length,
    end: new Date(end).toISOString(),
    seconds,
    rate: times.length / seconds,
    load: load(),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Each endpoint CALLS times in turn (one warm-up call each first), wall ms per call from outside. */
async function measureEndpoints(system: RunningSystem, end: Date, databaseUrl: string): Promise<void> {
  const token = await login(system.url as string, ADMIN_PASSWORD);
  const to = new Date(Math.ceil(end.getTime() / HOUR) * HOUR).toISOString();
  const from = new Date(Date.parse(to) - 7 * 24 * HOUR).toISOString();
  const window = `from=${from}&to=${to}`;
  const day = `from=${new Date(Date.parse(to) - 24 * HOUR).toISOString()}&to=${to}`;
  const paths = [
    `/api/stats/overview?${day}`,
    `/api/stats/top-authors?${day}`,
    `/api/stats/top-authors?${day}&by=reach`,
    `/api/stats/top-authors?${window}&by=reach`,
    `/api/stats/overview?${window}`,
    `/api/stats/volume?${window}&interval=hour`,
    `/api/stats/volume?${window}&interval=day&by=category`,
    ...BREAKDOWN_DIMS.map((dim) => `/api/stats/breakdown?${window}&dim=${dim}`),
    `/api/stats/top-terms?${window}`,
    `/api/stats/top-authors?${window}`,
    '/api/posts?limit=50',
    '/api/posts?limit=50&q=banjir',
    '/api/posts?limit=50&q=pelayanan%20lambat',
    '/api/issues',
  ];
  const call = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${system.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    if (response.status !== 200) {
      throw new Error(`${path} answered ${response.status}: ${body.slice(0, 300)}`);
    }
    return { ms: performance.now() - started, body };
  };
  const loadBefore = load();
  const rows: string[] = [];
  for (const path of paths) {
    const { body } = await call(path);
    const samples: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      samples.push((await call(path)).ms);
    }
    samples.sort((a, b) => a - b);
    const list = path.startsWith('/api/posts') ? (JSON.parse(body) as { total: number; totalExact: boolean }) : null;
    const total = list ? `${list.total.toLocaleString('en')} (${list.totalExact ? 'exact' : 'estimate'})` : '';
    rows.push(
      `| GET ${path.replace(window, '<7 days>').replace(day, '<24 h>')} | ${percentile(samples, 50).toFixed(1)} | ` +
        `${percentile(samples, 95).toFixed(1)} | ${body.length.toLocaleString('en')} | ${total} |`,
    );
  }
  console.log(`\nEndpoints, ${CALLS} calls each after one warm-up, load ${loadBefore} → ${load()}:\n`);
  console.log('| endpoint | p50 ms | p95 ms | answer chars | total in answer |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  rows.forEach((row) => console.log(row));
  await compareTopAuthors(call, databaseUrl, { '24 h': day, '7 days': window });
}

/**
 * Top authors from the bounded summaries against the exact counts of the posts table: of the 20 answered, how many
 * are in the exact top 20, and how far each answered count lies below the exact one (and the bound the answer states).
 */
async function compareTopAuthors(
  call: (path: string) => Promise<{ body: string }>,
  databaseUrl: string,
  windows: Record<string, string>,
): Promise<void> {
  const db = new pg.Client(databaseUrl);
  await db.connect();
  console.log('\nTop authors (summaries) against exact counts from posts, limit 20:\n');
  console.log('| window | by | in exact top 20 | max shortfall | mean shortfall | stated bound (max) | exact 20th |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  try {
    for (const [name, query] of Object.entries(windows)) {
      const params = new URLSearchParams(query);
      for (const by of ['posts', 'reach'] as const) {
        const answer = JSON.parse((await call(`/api/stats/top-authors?${query}&by=${by}`)).body) as {
          authors: {
            author: string;
            source: { id: string };
            posts: number;
            reach: number;
            postsError: number;
            reachError: number;
          }[];
        };
        const { rows } = await db.query<{ source_id: string; author: string; posts: string; reach: string }>(
          `SELECT source_id, trim(author) AS author, count(*) AS posts, sum(likes + replies + reposts) AS reach FROM posts
            WHERE created_at >= $1 AND created_at < $2 AND nullif(trim(author), '') IS NOT NULL
            GROUP BY 1, 2`,
          [params.get('from'), params.get('to')],
        );
        const exact = new Map(
          rows.map((r) => [`${r.source_id}|${r.author}`, Number(by === 'posts' ? r.posts : r.reach)]),
        );
        const top = [...exact.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20);
        const topKeys = new Set(top.map(([key]) => key));
        const shortfalls = answer.authors.map(
          (a) => (exact.get(`${a.source.id}|${a.author}`) ?? 0) - (by === 'posts' ? a.posts : a.reach),
        );
        const inTop = answer.authors.filter((a) => topKeys.has(`${a.source.id}|${a.author}`)).length;
        const bound = Math.max(0, ...answer.authors.map((a) => (by === 'posts' ? a.postsError : a.reachError)));
        console.log(
          `| ${name} | ${by} | ${inTop} of ${answer.authors.length} | ${Math.max(0, ...shortfalls)} | ` +
            `${(shortfalls.reduce((sum, n) => sum + n, 0) / Math.max(1, shortfalls.length)).toFixed(2)} | ${bound} | ` +
            `${top.at(-1)?.[1] ?? 0} |`,
        );
      }
    }
  } finally {
    await db.end();
  }
}

/** Bytes of the posts table: every partition with its indexes and TOAST. */
async function postsBytes(
  databaseUrl: string,
): Promise<{ bytes: number; partitions: number; database: number; largest: string }> {
  const db = new pg.Client(databaseUrl);
  await db.connect();
  try {
    const {
      rows: [row],
    } = await db.query<{ bytes: string; partitions: string; database: string }>(
      `SELECT coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) + pg_total_relation_size('posts') AS bytes,
              count(i.inhrelid) AS partitions, pg_database_size(current_database()) AS database
         FROM pg_inherits i WHERE i.inhparent = 'posts'::regclass`,
    );
    // The largest tables (partitions under their parent), to say where the rest of the database is.
    const { rows: largest } = await db.query<{ name: string; bytes: string }>(
      `SELECT coalesce(p.relname, c.relname) AS name, sum(pg_total_relation_size(c.oid)) AS bytes
         FROM pg_class c LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent
        WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
        GROUP BY 1 ORDER BY 2 DESC LIMIT 8`,
    );
    return {
      bytes: Number(row.bytes),
      partitions: Number(row.partitions),
      database: Number(row.database),
      largest: largest.map((table) => `${table.name} ${(Number(table.bytes) / 2 ** 20).toFixed(0)} MiB`).join(', '),
    };
  } finally {
    await db.end();
  }
}

/** Retires the oldest month on a copy of the database (the cache stays whole): PostStore.retireCreatedBefore. */
async function retireOnCopy(databaseUrl: string, end: Date): Promise<void> {
  const admin = new pg.Client(databaseUrl.replace(/\/[^/]*$/, '/postgres'));
  await admin.connect();
  const copy = `pantau_retire_${Date.now()}`;
  const source = new URL(databaseUrl).pathname.slice(1);
  try {
    const copyStarted = performance.now();
    await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${source}`);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    const copyUrl = new URL(databaseUrl);
    copyUrl.pathname = `/${copy}`;
    const system = await bootApp(copyUrl.toString());
    try {
      const first = new Date(end.getTime() - DAYS * 24 * HOUR);
      // The first day of the month after the oldest post's month: that whole month is a partition to retire.
      const cutoff = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
      const started = performance.now();
      const retired = await system.app.get(PostStore).retireCreatedBefore(cutoff);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `\nRetire one partition (copy made in ${copySeconds.toFixed(1)} s): PostStore.retireCreatedBefore(${cutoff.toISOString().slice(0, 10)}) ` +
          `retired ${retired.posts.toLocaleString('en')} posts in ${retired.partitions.join(', ') || 'no partition'} ` +
          `in ${seconds.toFixed(2)} s, load ${load()}`,
      );
    } finally {
      await system.stop();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
    await admin.end();
  }
}

function readMarker(): Built | null {
  if (!existsSync(MARKER)) {
    return null;
  }
  const built = JSON.parse(readFileSync(MARKER, 'utf8')) as Built;
  return built.version === GENERATOR_VERSION && built.posts > 0 ? built : null;
}

async function main(): Promise<void> {
  if (!readMarker() && existsSync(CACHE_DIR)) {
    console.log(`The cache ${CACHE_DIR} is incomplete or of another generator: building it again`);
    rmSync(CACHE_DIR, { recursive: true, force: true });
  }
  mkdirSync(CACHE_DIR, { recursive: true, mode: 0o711 });
  const server = new EmbeddedPostgresServer(CACHE_DIR);
  const databaseUrl = await server.start();
  try {
    const system = await bootApp(databaseUrl);
    let built = readMarker();
    try {
      if (built) {
        console.log(`Reusing ${CACHE_DIR}: ${built.posts.toLocaleString('en')} posts built ${built.end}`);
      } else {
        console.log(`Building ${POSTS.toLocaleString('en')} posts in ${CACHE_DIR}, load ${load()} …`);
        built = await build(system);
        const db = new pg.Client(databaseUrl);
        await db.connect();
        await db.query('VACUUM ANALYZE');
        await db.end();
        writeFileSync(MARKER, JSON.stringify(built, null, 2));
      }
      console.log(
        `bench:scale — ${built.posts.toLocaleString('en')} posts, built at ${Math.round(built.rate).toLocaleString('en')} posts/s ` +
          `(${(built.seconds / 60).toFixed(1)} min, load at the end ${built.load})`,
      );
      await measureEndpoints(system, new Date(built.end), databaseUrl);
    } finally {
      await system.stop();
    }
    const size = await postsBytes(databaseUrl);
    const posts = built.posts;
    const perMillion = (bytes: number) => ((bytes / posts) * 1e6) / 2 ** 30;
    console.log(
      `\nDisk: posts (${size.partitions} partitions, with indexes and TOAST) ${(size.bytes / 2 ** 20).toFixed(0)} MiB = ` +
        `${perMillion(size.bytes).toFixed(2)} GiB per million posts; whole database ${(size.database / 2 ** 20).toFixed(0)} MiB = ` +
        `${perMillion(size.database).toFixed(2)} GiB per million posts`,
    );
    console.log(`Largest tables: ${size.largest}`);
    await retireOnCopy(databaseUrl, new Date(built.end));
  } finally {
    await server.stop();
  }
}

await main();
// BullMQ's PostgreSQL backend keeps listen clients open after close.
process.exit(0);
