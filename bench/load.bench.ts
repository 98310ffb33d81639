/**
 * Load benchmark (issue 14): dashboard users on the stats and list endpoints, alone and while posts are ingested.
 *
 * The system under test is a separate process (`node dist/src/main.js`, role `all`: API and workers, as `npm start`
 * runs) on a fresh database of the PostgreSQL server of BENCH_DATABASE_URL (default the local server; dropped at the
 * end), its queue on PostgreSQL (default) or on Redis (`--backend redis`, REDIS_URL). This process is the load
 * generator: autocannon with `--users` connections (default 200) cycling over the dashboard's read endpoints, and an
 * ingest driver that posts batches of `--batch` posts at `--rate` posts/s (default 2,000) to POST /api/ingest.
 *
 * Phases: seed (`--seed` posts over the last 24 hours, waited for), reads alone, reads while ingesting. Each read phase
 * prints p50/p95/p99 per endpoint and overall, errors, timeouts (`--timeout` s) and non-2xx answers; the ingest
 * driver prints what it offered, what was accepted and what was stored; every phase prints the CPU seconds of the load
 * generator (this process) and of the API process, and the load average: both share the machine's cores.
 *
 * `--profile DIR` starts the API process with --cpu-prof: the profile covers the whole run, and its heaviest
 * functions (self time) are printed at the end. `--sample` samples pg_stat_activity of the bench database every 200 ms
 * during the read phases (what the API's connections were doing: active query or waiting for a lock / the client).
 *
 *   npm run bench:load [-- --users 200 --seconds 30 --rate 2000 --batch 500 --seed 20000 --backend postgres
 *                          --pool 10 --profile /tmp/prof --sample]
 */
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../src/database/embedded-postgres.server.js';
import { processCpuMs } from './cpu-time.js';
import { makeBenchBatch } from './ingest-posts.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  const next = process.argv[i + 1];
  if (next === undefined || next.startsWith('--')) {
    args.set(name, 'true');
  } else {
    args.set(name, next);
    i++;
  }
}
const USERS = Number(args.get('users') ?? 200);
const SECONDS = Number(args.get('seconds') ?? 30);
const RATE = Number(args.get('rate') ?? 2000);
const BATCH = Number(args.get('batch') ?? 500);
const SEED = Number(args.get('seed') ?? 20_000);
const TIMEOUT_S = Number(args.get('timeout') ?? 10);
const BACKEND = (args.get('backend') ?? 'postgres') as 'postgres' | 'redis';
const POOL = args.get('pool');
const PROFILE_DIR = args.get('profile');
const SAMPLE = args.get('sample') === 'true';
const PHASES = (args.get('phases') ?? 'reads,reads+ingest').split(',');
const SESSIONS = 10;
const ADMIN_PASSWORD = 'bench-load-admin-password-1';
const SECRET = 'bench-load-secret-bench-load-secret-0123456789';

/** What the dashboard calls on its pages (Ringkasan, Telusuri, Isu), each an equal share of the requests. */
const ENDPOINTS = [
  '/api/stats/overview',
  '/api/stats/volume?interval=hour',
  '/api/stats/breakdown?dim=category',
  '/api/stats/top-terms',
  '/api/stats/top-authors',
  '/api/posts?limit=50',
  '/api/issues?limit=20',
];

interface Latencies {
  all: number[];
  byEndpoint: Map<string, number[]>;
  statuses: Map<number, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number) => (Number.isNaN(v) ? '–' : Math.round(v).toLocaleString('en-US'));
  return `${sorted.length.toLocaleString('en-US')} | ${f(percentile(sorted, 50))} | ${f(percentile(sorted, 95))} | ${f(percentile(sorted, 99))} | ${f(sorted[sorted.length - 1] ?? NaN)}`;
}

function databaseUrl(name: string): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}

async function call<T>(base: string, method: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitHealthy(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) {
      throw new Error(`the API process exited with ${child.exitCode}`);
    }
    try {
      if ((await fetch(`${base}/health`)).status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`/health not 200 within ${timeoutMs} ms`);
}

/** Posts in the last 24 hours, so that every stats window has content (makeBenchBatch dates posts in the last hour). */
function seedBatch(run: string, index: number, size: number) {
  return makeBenchBatch(run, index, size).map((post, i) => ({
    ...post,
    createdAt: new Date(Date.now() - ((index * size + i) % 86_400) * 1000).toISOString(),
  }));
}

/** POSTs batches to /api/ingest at `rate` posts/s until `stop`; returns what it offered and what was accepted. */
function driveIngest(base: string, token: string, run: string, rate: number, batch: number) {
  const stats = { offered: 0, accepted: 0, failed: 0, latencies: [] as number[], jobs: [] as string[] };
  let stopped = false;
  let index = 0;
  const intervalMs = (batch / rate) * 1000;
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  const loop = (async () => {
    while (!stopped) {
      const due = started + index * intervalMs;
      const wait = due - Date.now();
      if (wait > 0) {
        await sleep(wait);
      }
      if (stopped) {
        break;
      }
      const posts = makeBenchBatch(run, index++, batch);
      stats.offered += posts.length;
      const sent = Date.now();
      const request = call<{ jobId: string }>(base, 'POST', '/api/ingest', token, { source: 'bench-load', posts })
        .then((answer) => {
          stats.accepted += posts.length;
          stats.jobs.push(answer.jobId);
        })
        .catch(() => {
          stats.failed += posts.length;
        })
        .finally(() => {
          stats.latencies.push(Date.now() - sent);
          inFlight.delete(request);
        });
      inFlight.add(request);
    }
  })();
  return {
    stats,
    async stop() {
      stopped = true;
      await loop;
      await Promise.all(inFlight);
    },
  };
}

async function countPosts(db: pg.Client): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM posts')).rows[0].n;
}

/** Transactions committed in the bench database so far (each autocommit statement is one). */
async function transactions(db: pg.Client, database: string): Promise<number> {
  // The statistics of this transaction are a snapshot unless cleared first.
  await db.query('SELECT pg_stat_clear_snapshot()');
  return Number(
    (await db.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = $1', [database]))
      .rows[0].n,
  );
}

/** pg_stat_activity of the bench database, sampled: what the API's connections were doing. */
function sampleActivity(db: pg.Client, database: string) {
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const rows = (
        await db.query<{ state: string | null; wait: string | null; query: string }>(
          `SELECT state, coalesce(wait_event_type || ':' || wait_event, '') AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query
             FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
          [database],
        )
      ).rows;
      samples++;
      for (const row of rows) {
        const key =
          row.state === 'active' ? `active ${row.wait || 'cpu'} · ${row.query}` : `${row.state ?? '?'} ${row.wait}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await sleep(200);
    }
  })();
  return {
    async stop(): Promise<string[]> {
      stopped = true;
      await loop;
      return [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([key, n]) => `${(n / samples).toFixed(2)} conns avg | ${key}`);
    },
  };
}

async function readPhase(base: string, tokens: string[]): Promise<{ result: autocannon.Result; latencies: Latencies }> {
  const latencies: Latencies = { all: [], byEndpoint: new Map(), statuses: new Map() };
  const perClient = new Map<unknown, number>();
  const options = readOptions(base, tokens);
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((done, fail) => {
    instance = autocannon(options, (error, result) =>
      error ? fail(error instanceof Error ? error : new Error(String(error))) : done(result),
    );
  });
  instance?.on('response', (client, statusCode, _bytes, responseTime) => {
    const k = perClient.get(client) ?? 0;
    perClient.set(client, k + 1);
    const endpoint = ENDPOINTS[k % ENDPOINTS.length];
    latencies.all.push(responseTime);
    let list = latencies.byEndpoint.get(endpoint);
    if (!list) {
      list = [];
      latencies.byEndpoint.set(endpoint, list);
    }
    list.push(responseTime);
    latencies.statuses.set(statusCode, (latencies.statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await finished;
  return { result, latencies };
}

function readOptions(base: string, tokens: string[]): autocannon.Options {
  let next = 0;
  return {
    url: base,
    connections: USERS,
    duration: SECONDS,
    timeout: TIMEOUT_S,
    requests: ENDPOINTS.map((path) => ({
      method: 'GET' as const,
      path,
      setupRequest: (request: autocannon.Request) => ({
        ...request,
        headers: { ...request.headers, Authorization: `Bearer ${tokens[next++ % tokens.length]}` },
      }),
    })),
  };
}

function topFunctions(dir: string): string[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  const lines: string[] = [];
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, index) => {
      const node = byNode.get(id);
      const delta = profile.timeDeltas[index] ?? 0;
      total += delta;
      if (!node) {
        return;
      }
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url.replace(/^.*\/(node_modules|dist)\//, '$1/');
      const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + delta);
    });
    lines.push(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
    // Shares by package too: which library the time goes to.
    const byPackage = new Map<string, number>();
    for (const [key, us] of self) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(key);
      const name = match ? match[1] : key.includes('dist/') ? 'pantau-isu (dist)' : key.split(' ')[0];
      byPackage.set(name, (byPackage.get(name) ?? 0) + us);
    }
    for (const [name, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
      lines.push(`  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
    }
    lines.push('  heaviest functions (self time):');
    for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      lines.push(`  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const name = `bench_load_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dataDir = join(tmpdir(), name);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const entry = resolve('dist/src/main.js');
  const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  if (PROFILE_DIR) {
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    mkdirSync(PROFILE_DIR, { recursive: true });
  }
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl(name),
      ...(BACKEND === 'redis' ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' } : {}),
      PANTAU_QUEUE_PREFIX: name,
      PANTAU_SECRET: SECRET,
      PANTAU_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_LOG_JSON: 'true',
      PANTAU_DATA_DIR: dataDir,
      PORT: String(port),
      ...(POOL ? { PANTAU_DB_POOL_MAX: POOL } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const db = new pg.Client({ connectionString: databaseUrl(name) });
  const out: string[] = [];
  const print = (line = '') => {
    out.push(line);
    console.log(line);
  };
  const load = () =>
    loadavg()
      .map((v) => v.toFixed(1))
      .join(' / ');
  try {
    await waitHealthy(base, child, 300_000);
    await db.connect();
    const tokens: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      tokens.push(
        (
          await call<{ accessToken: string }>(base, 'POST', '/api/auth/login', '', {
            username: 'admin',
            password: ADMIN_PASSWORD,
          })
        ).accessToken,
      );
    }
    print(
      `# bench:load — ${USERS} users, ${SECONDS} s per phase, ingest ${RATE} posts/s in batches of ${BATCH}, queue on ${BACKEND}${POOL ? `, pool ${POOL}` : ''}`,
    );
    print(`start ${new Date().toISOString()}, load average (1/5/15 min) ${load()}`);

    // Seed: the stats windows and the post list need content.
    const seedStart = Date.now();
    const jobs: string[] = [];
    for (let i = 0; i * 1000 < SEED; i++) {
      jobs.push(
        (
          await call<{ jobId: string }>(base, 'POST', '/api/ingest', tokens[0], {
            source: 'bench-load-seed',
            posts: seedBatch(`seed-${name}`, i, Math.min(1000, SEED - i * 1000)),
          })
        ).jobId,
      );
    }
    while ((await countPosts(db)) < SEED) {
      if (Date.now() - seedStart > 30 * 60_000) {
        throw new Error('seed not stored within 30 minutes');
      }
      await sleep(1000);
    }
    print(`seed: ${SEED.toLocaleString('en-US')} posts stored in ${((Date.now() - seedStart) / 1000).toFixed(0)} s`);

    // Every endpoint must answer 200 before it is measured: a 400 is fast and would flatter the figures.
    for (const endpoint of ENDPOINTS) {
      await call(base, 'GET', endpoint, tokens[0]);
    }

    for (const phase of PHASES) {
      await sleep(3000);
      const withIngest = phase.includes('ingest');
      const loadBefore = load();
      const cpuBefore = process.cpuUsage();
      const apiCpuBefore = processCpuMs(child.pid ?? 0, true);
      const postsBefore = await countPosts(db);
      const xactsBefore = await transactions(db, name);
      const activity = SAMPLE ? sampleActivity(db, name) : undefined;
      const ingest = withIngest ? driveIngest(base, tokens[0], `${phase}-${name}`, RATE, BATCH) : undefined;
      const wallStart = Date.now();
      const { result, latencies } = await readPhase(base, tokens);
      await ingest?.stop();
      const wall = (Date.now() - wallStart) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const apiCpu = (processCpuMs(child.pid ?? 0, true) - apiCpuBefore) / 1000;
      const stored = (await countPosts(db)) - postsBefore;
      const xacts = (await transactions(db, name)) - xactsBefore;
      const activityLines = (await activity?.stop()) ?? [];
      print();
      print(`## ${phase} (${wall.toFixed(0)} s; load average before ${loadBefore}, after ${load()})`);
      print();
      print('| endpoint | answers | p50 ms | p95 ms | p99 ms | max ms |');
      print('| --- | --- | --- | --- | --- | --- |');
      for (const endpoint of ENDPOINTS) {
        print(`| ${endpoint} | ${summary(latencies.byEndpoint.get(endpoint) ?? [])} |`);
      }
      print(`| all | ${summary(latencies.all)} |`);
      print();
      print(
        `requests ${result.requests.total.toLocaleString('en-US')} (${result.requests.average.toFixed(0)}/s), errors ${result.errors}, timeouts ${result.timeouts} (> ${TIMEOUT_S} s), non-2xx ${result.non2xx}, statuses ${JSON.stringify(Object.fromEntries(latencies.statuses))}`,
      );
      if (ingest) {
        const s = ingest.stats;
        print(
          `ingest: offered ${s.offered.toLocaleString('en-US')} posts (${(s.offered / wall).toFixed(0)}/s), accepted ${s.accepted.toLocaleString('en-US')} (${(s.accepted / wall).toFixed(0)}/s), refused or failed ${s.failed}, stored during the phase ${stored.toLocaleString('en-US')} (${(stored / wall).toFixed(0)}/s); POST /api/ingest p50 ${summary(s.latencies).split(' | ')[1]} ms, p95 ${summary(s.latencies).split(' | ')[2]} ms`,
        );
      }
      print(
        `CPU: load generator ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (${((cpu.user + cpu.system) / 1e4 / wall).toFixed(0)} % of a core), API process ${apiCpu.toFixed(1)} s (${((100 * apiCpu) / wall).toFixed(0)} % of a core${withIngest ? ', ingest worker included' : `, ${((1000 * apiCpu) / Math.max(1, result.requests.total)).toFixed(2)} ms per answer`})`,
      );
      print(
        `database: ${xacts.toLocaleString('en-US')} transactions committed${withIngest ? '' : ` (${(xacts / Math.max(1, result.requests.total)).toFixed(2)} per answer; the sampler's own included)`}`,
      );
      for (const line of activityLines) {
        print(`  pg_stat_activity: ${line}`);
      }
      if (withIngest) {
        // Let the queue drain before the next phase (or the end), so a later phase does not inherit this backlog.
        const drainStart = Date.now();
        let last = -1;
        for (;;) {
          const now = await countPosts(db);
          if (now === last || Date.now() - drainStart > 180_000) {
            break;
          }
          last = now;
          await sleep(5000);
        }
        print(
          `after the phase: ${(await countPosts(db)).toLocaleString('en-US')} posts stored in all (drained ${((Date.now() - drainStart) / 1000).toFixed(0)} s)`,
        );
      }
    }
  } catch (error) {
    console.error(error);
    console.error(`API process stderr (last lines):\n${stderr}`);
    process.exitCode = 1;
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (PROFILE_DIR) {
    print();
    print(`## CPU profile of the API process (${PROFILE_DIR})`);
    for (const line of topFunctions(PROFILE_DIR)) {
      print(line);
    }
  }
}

await main();
