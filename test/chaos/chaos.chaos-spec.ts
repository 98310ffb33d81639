import { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { CrashIngest, healthStatus, postmasterPid } from '../support/crash-ingest.js';
import { bootEmbeddedSystem } from '../support/embedded-system.js';
import { startTestSystem } from '../support/test-system.js';
import type { TestDatabase } from '../support/test-database.js';
import { waitUntil } from '../support/wait.js';
import { spawnWorkerProcess, waitForExit } from '../support/worker-process.js';
import { ExternalPostgres, PrivateRedis } from './servers.js';

/**
 * The chaos suite (`npm run test:chaos`, docs/operations.md): during an ingest of a few thousand posts, a fault of
 * each kind, then the figures that judge the recovery. It kills and restarts only servers and processes it started
 * itself, never the machine's shared PostgreSQL or Redis.
 *
 * lost: posts of the ingest missing from `posts` once every job completed; duplicated: rows beyond one per post;
 * recovery: seconds from the fault until /health answers 200, the ingest stores posts again and every batch that was
 * being processed at the fault has committed.
 */
const BATCHES = 15;
const PER_BATCH = 200;
const RECOVERY_LIMIT_S = 60;

interface Row {
  fault: string;
  posts: number;
  lost: number;
  duplicated: number;
  recovery: number;
}
const rows: Row[] = [];

interface Target {
  url: string;
  databaseUrl: string;
  ingest: IngestService;
}

/**
 * One case: start the ingest, wait until it is under way, inject the fault, let the supervisor (`heal`, the part a
 * process manager or the server's own supervisor plays) act, then measure.
 */
async function chaosCase(fault: string, target: Target, inject: () => Promise<void>, heal: () => Promise<void>) {
  const ingest = new CrashIngest(target.ingest, `chaos-${rows.length}`, BATCHES, PER_BATCH);
  await ingest.enqueue();
  await waitUntil(
    () => ingest.storedSoFar(target.databaseUrl),
    (stored) => stored >= PER_BATCH,
    { what: 'the ingest to be under way', timeoutMs: 120_000, intervalMs: 100 },
  );
  const interrupted = await ingest.activeJobs();
  const before = await ingest.storedSoFar(target.databaseUrl);
  const faultAt = Date.now();
  await inject();
  await heal();
  await waitUntil(
    async () =>
      (await healthStatus(target.url)) === 200 &&
      ((await ingest.storedSoFar(target.databaseUrl)) > before || before === ingest.total) &&
      (await ingest.committed(target.databaseUrl, interrupted)),
    (recovered) => recovered,
    { what: `recovery from: ${fault}`, timeoutMs: 120_000, intervalMs: 250 },
  );
  const recovery = (Date.now() - faultAt) / 1000;
  await ingest.waitForCompletion(300_000);
  const tally = await ingest.tally(target.databaseUrl);
  const row = { fault, posts: ingest.total, lost: tally.lost, duplicated: tally.duplicated, recovery };
  rows.push(row);
  console.log(
    `chaos: ${fault}: ${JSON.stringify(row)} (${before} posts stored, ${interrupted.length} batches active at the fault)`,
  );
  expect(row).toMatchObject({ lost: 0, duplicated: 0 });
  expect(recovery).toBeLessThanOrEqual(RECOVERY_LIMIT_S);
}

const lockEnv = { PANTAU_JOB_LOCK_SECONDS: '3' };

describe('Chaos: faults during an ingest', () => {
  let dir: string;
  let external: ExternalPostgres;
  let redis: PrivateRedis;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pantau-chaos-'));
    chmodSync(dir, 0o711);
    external = new ExternalPostgres(join(dir, 'external'));
    redis = new PrivateRedis(mkdtempSync(join(dir, 'redis-')));
    await Promise.all([external.init(), redis.start()]);
  }, 180_000);

  afterAll(async () => {
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(i === 0 ? 56 : 10)).join(' | ')} |`;
    const table = [
      line(['fault', 'posts', 'lost', 'duplicated', 'recovery s']),
      line(['-'.repeat(56), ...Array(4).fill('-'.repeat(10))]),
      ...rows.map((r) => line([r.fault, String(r.posts), String(r.lost), String(r.duplicated), r.recovery.toFixed(1)])),
    ];
    process.stdout.write(`\nChaos suite (${new Date().toISOString()}):\n${table.join('\n')}\n\n`);
    await redis?.kill();
    await external?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('kill -9 of a worker process (queue on postgres, two workers): its batches land once', async () => {
    const api = await startTestSystem({ backend: 'postgres', role: 'api', env: lockEnv });
    // Two worker processes, as a scaled-out deployment runs them: the survivor takes the killed one's batches once
    // their locks expire, and the process manager (here the suite) starts a replacement.
    const survivor: ChildProcess = spawnWorkerProcess(api, lockEnv);
    let worker: ChildProcess = spawnWorkerProcess(api, lockEnv);
    try {
      await chaosCase(
        'worker process kill -9 (queue on postgres, 2 workers)',
        { url: api.url, databaseUrl: api.database.url, ingest: api.system.app.get(IngestService) },
        async () => {
          worker.kill('SIGKILL');
          await waitForExit(worker);
        },
        async () => {
          worker = spawnWorkerProcess(api, lockEnv);
        },
      );
    } finally {
      worker.kill('SIGTERM');
      survivor.kill('SIGTERM');
      await Promise.all([waitForExit(worker), waitForExit(survivor)]);
      await api.stop();
    }
  }, 420_000);

  it('kill -9 of the embedded PostgreSQL (embedded default): it restarts its own server', async () => {
    const dataDir = mkdtempSync(join(dir, 'embedded-'));
    chmodSync(dataDir, 0o711);
    const running = await bootEmbeddedSystem(dataDir, { ...lockEnv, PANTAU_LOG_LEVEL: 'error' });
    try {
      await chaosCase(
        'embedded PostgreSQL kill -9 (embedded default)',
        { url: running.url!, databaseUrl: running.config.databaseUrl!, ingest: running.app.get(IngestService) },
        async () => {
          process.kill(postmasterPid(join(dataDir, 'postgres')), 'SIGKILL');
        },
        async () => undefined, // nobody helps: the process restarts its server itself
      );
    } finally {
      await running.stop();
    }
  }, 420_000);

  it.each(['postgres', 'redis'] as const)(
    'kill -9 of an external PostgreSQL (queue on %s): ridden out once its supervisor restarts it',
    async (backend) => {
      const url = await external.createDatabase(`chaos_pg_${backend}`);
      const database: TestDatabase = { url, name: `chaos_pg_${backend}`, drop: async () => undefined };
      const env: Record<string, string> = { ...lockEnv, ...(backend === 'redis' ? { REDIS_URL: redis.url } : {}) };
      const running = await startTestSystem({ backend, database, env });
      try {
        await chaosCase(
          `external PostgreSQL kill -9 (queue on ${backend})`,
          { url: running.url, databaseUrl: url, ingest: running.system.app.get(IngestService) },
          async () => external.killPostmaster(),
          () => external.start(),
        );
      } finally {
        await running.stop();
      }
    },
    420_000,
  );

  it('kill -9 and restart of Redis (queue on redis, AOF): ridden out', async () => {
    const url = await external.createDatabase('chaos_redis');
    const database: TestDatabase = { url, name: 'chaos_redis', drop: async () => undefined };
    const running = await startTestSystem({ backend: 'redis', database, env: { ...lockEnv, REDIS_URL: redis.url } });
    try {
      await chaosCase(
        'Redis kill -9 and restart (queue on redis)',
        { url: running.url, databaseUrl: url, ingest: running.system.app.get(IngestService) },
        () => redis.kill(),
        () => redis.start(),
      );
    } finally {
      await running.stop();
    }
  }, 420_000);
});
