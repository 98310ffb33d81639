/**
 * Sustained ingest throughput, end to end from outside: N posts through POST /api/ingest → queue → ingest worker
 * (analysis on) until the batches are committed and readable, next to the ceiling: a COPY of the same columns of the
 * same stored rows into a table with the same indexes, in the same run and database. Two deployments:
 * - `postgres`: the embedded default, one process (API and workers), BullMQ on PostgreSQL;
 * - `redis`: one API process (this one) and `--workers` worker processes (`dist/src/main.js --role=worker`).
 * Storage is an embedded PostgreSQL (durability on: fsync, synchronous commit) in a fresh temporary directory;
 * Redis is REDIS_URL (default redis://127.0.0.1:6379). Prints the load average: the machine may be shared.
 *
 *   npm run bench:ingest [-- --posts 100000 --batch 1000 --clients 4 --workers 2 --backends postgres,redis]
 *                         [--threads 0,1 --concurrency 2]
 *
 * `--threads` lists values of PANTAU_ANALYSIS_THREADS (analysis threads per worker process; 0 = in the event loop) to
 * run each deployment with, one after the other in the same database (a same-run A/B); without it, the default.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { loadAppConfig } from '../src/config/app-config.js';
import { boot, RunningSystem } from '../src/bootstrap/boot.js';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres.server.js';
import { copyCeiling } from './copy-ceiling.js';
import { mainThreadCpuMs, postgresCpuMs, processCpuMs } from './cpu-time.js';
import { makeBenchBatch } from './ingest-posts.js';
import { login } from './bench-login.js';
import { AnalysisPool } from '../src/ingestion/analysis-pool/analysis-pool.js';
import { JobQueues } from '../src/queue/job-queues.service.js';
import { QueueName } from '../src/queue/queue-names.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const TOTAL = Number(args.get('posts') ?? 100_000);
const BATCH = Number(args.get('batch') ?? 1000);
const CLIENTS = Number(args.get('clients') ?? 4);
const WORKERS = Number(args.get('workers') ?? 2);
const BACKENDS = (args.get('backends') ?? 'postgres,redis').split(',') as ('postgres' | 'redis')[];
const THREADS = args.get('threads')?.split(',') ?? [undefined];
const CONCURRENCY = args.get('concurrency');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_PASSWORD = 'bench-admin-password';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
interface Measure {
  label: string;
  seconds: number;
  rate: number;
  apiSeconds?: number;
  /** Median ms per job: queued before a worker took it, and taken until completed (BullMQ's own timestamps). */
  waitMs?: number;
  processMs?: number;
  /** Sum of the jobs' processing time over the run's span: how many batches were in the worker at once. */
  overlap?: number;
  /** CPU ms per 1,000 posts: the Node processes (API, workers; embedded: the one process) and PostgreSQL. */
  nodeCpu: number;
  /** Of nodeCpu, this process's main thread (embedded: the event loop that serves the API and writes the batches). */
  mainThreadCpu: number;
  postgresCpu: number;
  ceiling: number;
  /** PostgreSQL CPU ms per 1,000 rows of the ceiling's COPY. */
  ceilingCpu?: number;
  load: string;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/** Posts committed by the ingest worker (ingest_batches commits in the same transaction as the posts). */
async function storedPosts(db: pg.Client): Promise<number> {
  return Number((await db.query('SELECT coalesce(sum(stored), 0) AS n FROM ingest_batches')).rows[0].n);
}

/** The variant's settings, as environment variables of every process of the deployment. */
function variantEnv(threads: string | undefined): Record<string, string> {
  return {
    ...(threads === undefined ? {} : { PANTAU_ANALYSIS_THREADS: threads }),
    ...(CONCURRENCY === undefined ? {} : { PANTAU_INGEST_CONCURRENCY: CONCURRENCY }),
  };
}

function spawnWorker(databaseUrl: string, prefix: string, dataDir: string, threads?: string): ChildProcess {
  const child = spawn(process.execPath, [resolve('dist/src/main.js'), '--role=worker'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      PANTAU_QUEUE_PREFIX: prefix,
      PANTAU_SECRET: SECRET,
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_DATA_DIR: dataDir,
      ...variantEnv(threads),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

/**
 * Waits until the worker processes have booted (their CPU stops growing: under 20 ms in half a second, at most 90 s),
 * so that their boot — loading the models, migrations check, connecting — is not counted as CPU per post.
 */
async function workersBooted(children: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  let last = children.map((child) => processCpuMs(child.pid as number));
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 500));
    const now = children.map((child) => processCpuMs(child.pid as number));
    if (now.every((ms, index) => ms > 0 && ms - last[index] < 20)) {
      return;
    }
    last = now;
  }
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return;
  }
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) {
    child.kill('SIGKILL');
  }
}

async function runIngest(
  backend: 'postgres' | 'redis',
  databaseUrl: string,
  clusterDir: string,
  threads: string | undefined,
): Promise<Omit<Measure, 'ceiling' | 'ceilingCpu'>> {
  const prefix = `bench-${Date.now()}`;
  const dataDir = join(tmpdir(), 'pantau-bench-data');
  const config = loadAppConfig(
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: backend === 'redis' ? REDIS_URL : undefined,
      PANTAU_QUEUE_PREFIX: prefix,
      PANTAU_SECRET: SECRET,
      PANTAU_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_ROLE: backend === 'redis' ? 'api' : 'all',
      PANTAU_DATA_DIR: dataDir,
      PORT: '0',
      ...variantEnv(threads),
    },
    [],
  );
  const system: RunningSystem = await boot(config);
  const workers =
    backend === 'redis'
      ? Array.from({ length: WORKERS }, () => spawnWorker(databaseUrl, prefix, dataDir, threads))
      : [];
  // The embedded default's analysis threads load the gazetteer and models at boot: not CPU per post either.
  await system.app.get(AnalysisPool).warmUp();
  await workersBooted(workers);
  const db = new pg.Client(databaseUrl);
  await db.connect();
  try {
    const token = await login(system.url as string, ADMIN_PASSWORD);
    const before = await storedPosts(db);
    const batches = Math.ceil(TOTAL / BATCH);
    const run = `${backend}-${Date.now()}`;
    const bodies = Array.from({ length: batches }, (_, index) =>
      JSON.stringify({ source: 'bench', posts: makeBenchBatch(run, index, BATCH) }),
    );
    let next = 0;
    const loadBefore = load();
    const nodeCpu = () =>
      (process.cpuUsage().user + process.cpuUsage().system) / 1000 +
      workers.reduce((sum, child) => sum + processCpuMs(child.pid as number), 0);
    const cpuBefore = { node: nodeCpu(), main: mainThreadCpuMs(), postgres: postgresCpuMs(clusterDir) };
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < batches) {
          const body = bodies[next++];
          const response = await fetch(`${system.url}/api/ingest`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body,
          });
          if (response.status !== 202) {
            throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
          }
        }
      }),
    );
    const accepted = performance.now();
    while ((await storedPosts(db)) - before < batches * BATCH) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const perThousand = 1000 / (batches * BATCH);
    const cpu = {
      nodeCpu: (nodeCpu() - cpuBefore.node) * perThousand,
      mainThreadCpu: (mainThreadCpuMs() - cpuBefore.main) * perThousand,
      postgresCpu: (postgresCpuMs(clusterDir) - cpuBefore.postgres) * perThousand,
    };
    const timing = await jobTiming(system);
    const variant = `analysis threads ${config.analysisThreads}, ingest concurrency ${config.ingestConcurrency}`;
    const label =
      backend === 'redis'
        ? `POST /api/ingest → Redis, 1 API + ${WORKERS} worker processes → rows (${variant})`
        : `POST /api/ingest → embedded default (one process, PostgreSQL queue) → rows (${variant})`;
    return {
      label,
      seconds,
      rate: (batches * BATCH) / seconds,
      apiSeconds: (accepted - started) / 1000,
      ...timing,
      ...cpu,
      load: `${loadBefore} → ${load()}`,
    };
  } finally {
    await db.end();
    await Promise.all(workers.map(stopWorker));
    await system.stop();
  }
}

/**
 * Where a batch waited: BullMQ stamps each job when added, when a worker took it and when it finished. Completed jobs
 * are read back from the queue (removeOnComplete keeps the last 10,000).
 */
async function jobTiming(system: RunningSystem): Promise<Pick<Measure, 'waitMs' | 'processMs' | 'overlap'>> {
  const queue = system.app.get(JobQueues).queue(QueueName.Ingest);
  const jobs = (await queue.getJobs(['completed'], 0, -1)).filter((job) => job.processedOn && job.finishedOn);
  if (jobs.length === 0) {
    return {};
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const first = Math.min(...jobs.map((job) => job.timestamp));
  const last = Math.max(...jobs.map((job) => job.finishedOn as number));
  const busy = jobs.reduce((sum, job) => sum + ((job.finishedOn as number) - (job.processedOn as number)), 0);
  return {
    waitMs: median(jobs.map((job) => (job.processedOn as number) - job.timestamp)),
    processMs: median(jobs.map((job) => (job.finishedOn as number) - (job.processedOn as number))),
    overlap: busy / Math.max(1, last - first),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
  chmodSync(dir, 0o711); // run as root, PostgreSQL runs as the postgres user and must reach it
  const server = new EmbeddedPostgresServer(dir);
  const databaseUrl = await server.start();
  console.log(
    `bench:ingest — ${TOTAL.toLocaleString('en')} posts per deployment, ${BATCH} per request, ${CLIENTS} HTTP clients`,
  );
  try {
    const results: Measure[] = [];
    for (const backend of BACKENDS) {
      for (const threads of THREADS) {
        const measure = await runIngest(backend, databaseUrl, server.clusterDir, threads);
        const ceiling = await copyCeiling(databaseUrl, TOTAL, server.clusterDir);
        results.push({ ...measure, ceiling: ceiling.rowsPerSecond, ceilingCpu: ceiling.postgresCpuPerThousand });
      }
    }
    console.log(
      '\n| path | API accepted in s | stored in s | posts/s | ceiling (COPY) rows/s | ratio | job queued ms (median) | job in worker ms (median) | batches in worker at once | load average |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of results) {
      console.log(
        `| ${r.label} | ${r.apiSeconds?.toFixed(1)} | ${r.seconds.toFixed(1)} | ${Math.round(r.rate).toLocaleString('en')} | ` +
          `${Math.round(r.ceiling).toLocaleString('en')} | ${(r.rate / r.ceiling).toFixed(2)} | ` +
          `${r.waitMs ?? '–'} | ${r.processMs ?? '–'} | ${r.overlap?.toFixed(2) ?? '–'} | ${r.load} |`,
      );
    }
    console.log(
      '\nCPU time per 1,000 posts (load-independent: work done, not time waited for a core; 2 cores = 2,000 ms/s):',
    );
    console.log(
      '\n| path | Node ms | of it, API process main thread ms | PostgreSQL ms | total ms | ceiling COPY PostgreSQL ms | total ÷ ceiling |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      const total = r.nodeCpu + r.postgresCpu;
      console.log(
        `| ${r.label} | ${r.nodeCpu.toFixed(0)} | ${r.mainThreadCpu.toFixed(0)} | ${r.postgresCpu.toFixed(0)} | ${total.toFixed(0)} | ` +
          `${r.ceilingCpu?.toFixed(0) ?? '–'} | ${r.ceilingCpu ? (total / r.ceilingCpu).toFixed(1) : '–'} |`,
      );
    }
    console.log('\nTargets on 2 cores: ≥ 5,000 posts/s on the embedded default, ≥ 10,000 posts/s with Redis.');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
// BullMQ's PostgreSQL backend keeps listen clients open after close.
process.exit(0);
