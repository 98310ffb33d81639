import pg from 'pg';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { makePosts } from '../support/factories.js';
import { queueBackendsUnderTest, startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';
import { spawnWorkerProcess, waitForExit } from '../support/worker-process.js';

/**
 * A worker process killed (SIGKILL) in the middle of a batch loses nothing: the batch is never
 * half-stored, the job is retried by another worker process, and it lands exactly once.
 */
describe.each(queueBackendsUnderTest())('Ingest worker killed mid-batch (queue on %s)', (backend) => {
  let api: TestSystem;
  let db: pg.Client;

  beforeAll(async () => {
    // The API process runs no workers: the batch can only be processed by the spawned workers.
    api = await startTestSystem({ backend, role: 'api', env: { PANTAU_JOB_LOCK_SECONDS: '3' } });
    db = new pg.Client(api.database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await api.stop();
  });

  it('should land the batch exactly once after the worker dies', async () => {
    const ingest = api.system.app.get(IngestService);
    const source = await ingest.findOrCreatePushSource('uji-kill');
    const posts = makePosts(1000, { prefix: 'kill', textLength: 1500 });
    const jobId = await ingest.enqueueBatch(source.id, posts);
    const countStored = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM posts WHERE source_id = $1`, [source.id])).rows[0].n as number;

    const doomed = spawnWorkerProcess(api, { PANTAU_JOB_LOCK_SECONDS: '3' });
    await waitUntil(
      () => ingest.jobStatus(jobId),
      (status) => status.state !== 'waiting',
      {
        what: 'the first worker to take the job',
        timeoutMs: 60_000,
        intervalMs: 20,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
    doomed.kill('SIGKILL');
    await waitForExit(doomed);

    // Never half-stored: the batch's transaction committed entirely or not at all.
    expect([0, 1000]).toContain(await countStored());

    const rescuer = spawnWorkerProcess(api, { PANTAU_JOB_LOCK_SECONDS: '3' });
    try {
      const status = await waitUntil(
        () => ingest.jobStatus(jobId),
        (s) => s.state === 'completed',
        {
          what: 'the retried job',
          timeoutMs: 60_000,
          intervalMs: 200,
        },
      );
      expect(status.stored! + status.duplicates!).toBe(1000);
    } finally {
      rescuer.kill('SIGTERM');
      await waitForExit(rescuer);
    }
    const { rows } = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS ids,
              (SELECT count(*)::int FROM ingest_batches WHERE job_id = $2) AS batches
       FROM posts WHERE source_id = $1`,
      [source.id, jobId],
    );
    expect(rows[0]).toEqual({ n: 1000, ids: 1000, batches: 1 });
  }, 120_000);
});
