import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EmbeddedPostgresServer, freePort } from '../../src/database/embedded-postgres.server.js';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { makePosts } from '../support/factories.js';
import { queueBackendsUnderTest, startTestSystem, TestSystem } from '../support/test-system.js';
import type { TestDatabase } from '../support/test-database.js';
import { waitUntil } from '../support/wait.js';
import { waitForExit } from '../support/worker-process.js';

const health = (running: TestSystem) =>
  request(running.url)
    .get('/health')
    .then((r) => r.status);

async function ingestOne(running: TestSystem, prefix: string): Promise<void> {
  const ingest = running.system.app.get(IngestService);
  const source = await ingest.findOrCreatePushSource(`restart-${prefix}`);
  const jobId = await ingest.enqueueBatch(source.id, makePosts(20, { prefix }));
  await waitUntil(
    () => ingest.jobStatus(jobId),
    (s) => s.state === 'completed',
    { what: 'ingest after restart', timeoutMs: 60_000 },
  );
}

/** Suites that need Redis run only where the Redis suites run (REDIS_URL set, as in CI). */
const describeRedis = process.env.REDIS_URL ? describe : describe.skip;

/**
 * The database restarting under a running system: /health says 503 while it is down and 200 once
 * it is back, and ingest works again without restarting Pantau Isu. Uses an embedded PostgreSQL of
 * its own (as an external server, through DATABASE_URL), so that stopping it disturbs nothing else.
 * On both queue backends: BullMQ's PostgreSQL backend keeps its queues in that same database
 * (src/queue/supervised-postgres-backend.ts rebuilds a connection that lost its server).
 */
describe.each(queueBackendsUnderTest())('PostgreSQL restart under a running system (queue on %s)', (backend) => {
  let dir: string;
  let server: EmbeddedPostgresServer;
  let running: TestSystem;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pantau-restart-'));
    chmodSync(dir, 0o711);
    server = new EmbeddedPostgresServer(dir);
    const url = await server.start();
    const database: TestDatabase = { url, name: 'pantau', drop: async () => undefined };
    running = await startTestSystem({ backend, database, env: { PANTAU_JOB_LOCK_SECONDS: '3' } });
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('should answer 503 while the database is down and recover when it is back', async () => {
    expect(await health(running)).toBe(200);
    await ingestOne(running, `before-pg-${backend}`);
    await server.stop();
    await waitUntil(
      () => health(running),
      (status) => status === 503,
      { what: '/health to report 503', timeoutMs: 30_000 },
    );
    // Down for longer than a worker's lock and its blocking wait: every connection must notice and come back.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    await server.start();
    await waitUntil(
      () => health(running),
      (status) => status === 200,
      { what: '/health to recover', timeoutMs: 60_000, intervalMs: 500 },
    );
    await ingestOne(running, `after-pg-${backend}`);
  }, 240_000);
});

/** The same for Redis: a private redis-server that the test stops and starts. */
describeRedis('Redis restart under a running system', () => {
  let port: number;
  let redis: ChildProcess;
  let running: TestSystem;

  const startRedis = () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
  };

  beforeAll(async () => {
    port = await freePort();
    startRedis();
    const url = `redis://127.0.0.1:${port}`;
    await waitUntil(
      () =>
        fetch(`http://127.0.0.1:${port}`).then(
          () => true,
          (e: Error & { cause?: { code?: string } }) => e.cause?.code !== 'ECONNREFUSED',
        ),
      (up) => up,
      { what: 'the private redis-server' },
    );
    running = await startTestSystem({ backend: 'redis', env: { REDIS_URL: url, PANTAU_JOB_LOCK_SECONDS: '3' } });
  }, 120_000);

  // After Redis lost its data, a plain close of a BullMQ worker waited forever on its blocking fetch (1 run in 3; it
  // held this teardown past 150 s and, without forceExit, jest itself for the rest of CI's time). WorkerRunner now
  // bounds each worker's drain and closes it forced: 6 of 6 runs stopped in under a second (2026-12-03).
  afterAll(async () => {
    await running?.stop();
    redis?.kill('SIGKILL');
  }, 150_000);

  it('should answer 503 while Redis is down and recover when it is back', async () => {
    expect(await health(running)).toBe(200);
    redis.kill('SIGKILL');
    await waitForExit(redis);
    await waitUntil(
      () => health(running),
      (status) => status === 503,
      { what: '/health to report 503', timeoutMs: 30_000 },
    );
    startRedis();
    await waitUntil(
      () => health(running),
      (status) => status === 200,
      { what: '/health to recover', timeoutMs: 60_000, intervalMs: 500 },
    );
    await ingestOne(running, 'after-redis');
  }, 180_000);
});
