import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import type { AppConfig } from '../../src/config/app-config.js';
import { EmbeddedPostgresServer } from '../../src/database/embedded-postgres.server.js';
import { configureQueueBackend, QueueBackend } from '../../src/queue/queue-backend.js';
import { waitUntil } from '../support/wait.js';

/**
 * BullMQ's PostgreSQL backend through the project's factory (configureQueueBackend), against a server of the test's
 * own that is down when the queue and the worker first use it, then comes back. The plain backend memoises its
 * first, failed readiness: it never recovers, and a worker retries without end. The supervised one rebuilds its
 * connection and recovers; its worker waits between retries instead of spinning.
 */
describe('BullMQ PostgreSQL backend when the database was down (supervised)', () => {
  let dir: string;
  let server: EmbeddedPostgresServer;
  let backend: QueueBackend;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pantau-queue-down-'));
    chmodSync(dir, 0o711);
    server = new EmbeddedPostgresServer(dir);
    const url = await server.start();
    backend = configureQueueBackend({ databaseUrl: url, queuePrefix: 'probe' } as AppConfig);
    await server.stop();
  }, 120_000);

  afterAll(async () => {
    for (const close of closers.reverse()) {
      await close().catch(() => undefined);
    }
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('should recover a queue and a worker first used while the database was down', async () => {
    const queue = new Queue('probe', { connection: backend.connection as never });
    queue.on('error', () => undefined);
    closers.push(() => queue.close());
    await expect(queue.getJobCounts('waiting')).rejects.toThrow();

    let errors = 0;
    const worker = new Worker('probe', async (job) => (job.data as { n: number }).n * 2, {
      connection: backend.connection as never,
      runRetryDelay: 1000,
      drainDelay: 1,
    });
    worker.on('error', () => errors++);
    closers.push(() => worker.close());
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the worker tries (and fails) while the server is down

    await server.start();
    const backAt = Date.now();
    await waitUntil(
      () =>
        queue.getJobCounts('waiting').then(
          () => 'ok',
          (error: Error) => error.message,
        ),
      (answer) => answer === 'ok',
      { what: 'the queue to answer once the database is back', timeoutMs: 30_000, intervalMs: 500 },
    );
    const events = new QueueEvents('probe', { connection: backend.connection as never });
    events.on('error', () => undefined);
    closers.push(() => events.close());
    const job = await queue.add('double', { n: 21 });
    await waitUntil(
      () => queue.getJob(job.id!).then((stored) => stored?.returnvalue as number | undefined),
      (value) => value === 42,
      { what: 'the worker to process a job after the database is back', timeoutMs: 30_000, intervalMs: 250 },
    );
    const seconds = (Date.now() - backAt) / 1000;
    console.log(
      `queue and worker recovered ${seconds.toFixed(1)} s after the database came back; worker errors: ${errors}`,
    );
    // A worker that spins logs an error per attempt (tens of thousands a minute); one that waits logs a handful.
    expect(errors).toBeLessThan(50);
  }, 120_000);
});
