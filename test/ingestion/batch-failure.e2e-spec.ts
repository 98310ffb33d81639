import { jest } from '@jest/globals';
import request from 'supertest';
import { Role } from '../../src/auth/roles.decorator.js';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { createUser, login } from '../support/auth.js';
import { queueBackendsUnderTest, startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

jest.setTimeout(120_000);

/** Everything the process writes while `run` runs: the console (jest's) and the raw streams (Nest's logger). */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const keep = (...args: unknown[]) => {
    chunks.push(args.map((arg) => (typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? String(arg)))).join(' '));
  };
  const spies = [
    jest.spyOn(console, 'log').mockImplementation(keep),
    jest.spyOn(console, 'info').mockImplementation(keep),
    jest.spyOn(console, 'warn').mockImplementation(keep),
    jest.spyOn(console, 'error').mockImplementation(keep),
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      keep(String(chunk));
      return true;
    }),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      keep(String(chunk));
      return true;
    }),
  ];
  try {
    await run();
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
  return chunks.join('\n');
}

describe.each(queueBackendsUnderTest())('A batch the database refuses (queue on %s)', (backend) => {
  let running: TestSystem;
  let token: string;

  beforeAll(async () => {
    running = await startTestSystem({ backend });
    const admin = await createUser(running, { role: Role.Admin });
    token = await login(running, admin.username, admin.password);
  });

  afterAll(async () => {
    await running.stop();
  });

  const api = () => request(running.url);
  const asAdmin = () => ({ Authorization: `Bearer ${token}` });

  it('should refuse a metric out of range at the API with a message naming the field', async () => {
    const response = await api()
      .post('/api/ingest')
      .set(asAdmin())
      .send({
        source: 'metrik-raksasa',
        posts: [
          { externalId: 'm-1', text: 'Jalan rusak', createdAt: new Date().toISOString(), metrics: { likes: 1e20 } },
        ],
      })
      .expect(400);
    expect(JSON.stringify(response.body.message)).toMatch(/likes/);
    expect(JSON.stringify(response.body.message)).toMatch(/maksimal/);
  });

  it('should dead-letter a batch that still fails, say why, and log none of its texts or authors', async () => {
    const ingest = running.system.app.get(IngestService);
    const source = await ingest.findOrCreatePushSource(`gagal-${backend}`);
    let jobId = '';
    let status: { state?: string; error?: string; attempts?: number } = {};
    const output = await captureOutput(async () => {
      // Past the API's validation (as a connector bug or an older producer could): the insert fails.
      jobId = await ingest.enqueueBatch(source.id, [
        {
          externalId: 'ok-1',
          text: 'Keluhan rahasia Sutarni Wijayakusuma soal jalan',
          author: 'sutarni_wijayakusuma',
          url: 'https://contoh.id/kabar-sutarni',
          createdAt: new Date().toISOString(),
        },
        {
          externalId: 'bad-1',
          text: 'Suka sekali',
          createdAt: new Date().toISOString(),
          metrics: { likes: 1e20 },
        },
      ]);
      status = await waitUntil(
        async () =>
          (await api().get(`/api/ingest/${jobId}`).set(asAdmin())).body as {
            state?: string;
            error?: string;
            attempts?: number;
          },
        (body) => body.state === 'failed',
        { what: `ingest job ${jobId} to fail`, timeoutMs: 60_000, intervalMs: 250 },
      );
    });
    expect(output).toMatch(/Query failed: value "100000000000000000000" is out of range/);
    expect(output).not.toMatch(/Sutarni|sutarni_wijayakusuma|kabar-sutarni/);
    expect(status.error).toMatch(/Basis data menolak batch/);
    // A refusal by the database is permanent: no retries that fail the same way.
    expect(status.attempts).toBe(1);
    if (backend === 'postgres') {
      // The admin queue view (bull-board) lists it among the failed jobs of the ingest queue.
      const board = await api()
        .get('/api/admin/queues/api/queues?activeQueue=ingest&status=failed')
        .set(asAdmin())
        .expect(200);
      const ingestQueue = (board.body.queues as { name: string; jobs: { id: string; failedReason: string }[] }[]).find(
        (queue) => queue.name === 'ingest',
      );
      expect(ingestQueue?.jobs.map((job) => job.id)).toContain(jobId);
    }
  });
});
