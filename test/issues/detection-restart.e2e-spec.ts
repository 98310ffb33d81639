import request from 'supertest';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { loginAs } from '../support/auth.js';
import { createTestDatabase, TestDatabase } from '../support/test-database.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';
import { BUCKET_MS, floodContinues, floodStream } from './issue-stream.js';

/**
 * The detector lives in the worker's memory: after a restart it is rebuilt from the database (baselines, stored
 * counts, replayed posts). A story it finds again maps onto the issue already holding its posts, with its outcome.
 */
describe('Issues: detection across a restart', () => {
  let database: TestDatabase;
  let running: TestSystem | null = null;
  const start = Math.floor((Date.now() - 20 * 3600_000) / BUCKET_MS) * BUCKET_MS;

  const ingestAll = async (system: TestSystem, posts: Parameters<IngestService['enqueueBatch']>[1]) => {
    const ingest = system.system.app.get(IngestService);
    const source = await ingest.findOrCreatePushSource('uji-restart');
    const jobId = await ingest.enqueueBatch(source.id, posts);
    const status = await waitUntil(
      () => ingest.jobStatus(jobId),
      (s) => s.state === 'completed' || s.state === 'failed',
      {
        what: 'ingest',
      },
    );
    expect(status.state).toBe('completed');
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await running?.stop();
    await database.drop();
  });

  it('should keep a dismissed story dismissed and feed it, with no twin, after the worker restarts', async () => {
    running = await startTestSystem({ database });
    let admin = await loginAs(running, 'admin');
    await ingestAll(running, floodStream(start, { prefix: 'rs' }).posts);
    const first = await request(running.url).post('/api/issues/detect').set('Authorization', `Bearer ${admin}`).send();
    expect(first.status).toBe(200);
    const flood = first.body.created.find((c: { label: string }) => /banjir|kunjang/iu.test(c.label));
    expect(flood).toBeDefined();
    const dismissed = await request(running.url)
      .post(`/api/issues/${flood.id}/dismiss`)
      .set('Authorization', `Bearer ${admin}`)
      .send({});
    expect(dismissed.body.state).toBe('dismissed');
    await running.stop();
    running = null;

    running = await startTestSystem({ database });
    admin = await loginAs(running, 'admin');
    const floodEnd = start + 12 * 4 * BUCKET_MS + 3 * BUCKET_MS;
    await ingestAll(running, floodContinues(floodEnd, [12, 20, 26], 'rs-lanjut'));
    const second = await request(running.url).post('/api/issues/detect').set('Authorization', `Bearer ${admin}`).send();
    expect(second.status).toBe(200);
    expect(second.body.created.filter((c: { label: string }) => /banjir|kunjang/iu.test(c.label))).toEqual([]);
    const list = await request(running.url).get('/api/issues').set('Authorization', `Bearer ${admin}`);
    const floods = list.body.items.filter((i: { label: string }) => /banjir|kunjang/iu.test(i.label));
    expect(floods).toHaveLength(1);
    expect(floods[0]).toMatchObject({ id: flood.id, state: 'dismissed' });
    expect(floods[0].postCount).toBeGreaterThan(dismissed.body.postCount);
  });

  it('should rebuild from a backfill of older posts that arrives after the detector has passed their time', async () => {
    const backfillDb = await createTestDatabase();
    const system = await startTestSystem({ database: backfillDb });
    try {
      const admin = await loginAs(system, 'admin');
      const now = Date.now();
      // A few current posts over two buckets, and a pass: the detector's clock is now past the older buckets.
      await ingestAll(
        system,
        [40, 35, 30, 8, 5].map((minutes, i) => ({
          externalId: `kini-${i}`,
          text: `Kabar pagi ini dari kelurahan, warga beraktivitas seperti biasa ${i}`,
          createdAt: new Date(now - minutes * 60_000).toISOString(),
          author: `akun_kini_${i}`,
          lang: 'id',
        })),
      );
      const first = await request(system.url).post('/api/issues/detect').set('Authorization', `Bearer ${admin}`).send();
      expect(first.status).toBe(200);
      // The worker's scheduled pass fires at start-up and, on a slow start, can run after the ingest above: then it
      // processed these buckets and fed these posts, and this pass finds nothing left. Either way the detector's
      // clock is now past the older buckets, which is what the backfill below needs.
      const passedByScheduler = first.body.bucketsProcessed === 0 && first.body.postsIngested === 0;
      expect(first.body.bucketsProcessed > 0 || passedByScheduler).toBe(true);
      // Then an import of the last 14 hours, with a flood three hours ago: every post is older than the detector's clock.
      const backfillStart = Math.floor((now - 14 * 3600_000) / BUCKET_MS) * BUCKET_MS;
      await ingestAll(system, floodStream(backfillStart, { prefix: 'impor' }).posts);
      const second = await request(system.url)
        .post('/api/issues/detect')
        .set('Authorization', `Bearer ${admin}`)
        .send();
      expect(second.status).toBe(200);
      const list = await request(system.url).get('/api/issues').set('Authorization', `Bearer ${admin}`);
      const floods = list.body.items.filter((i: { label: string }) => /banjir|kunjang/iu.test(i.label));
      expect(floods).toHaveLength(1);
      expect(floods[0]).toMatchObject({ category: 'bencana', campaign: false });
      // The rebuild's posts are not fed again by the next pass (nor read as another backfill).
      const third = await request(system.url).post('/api/issues/detect').set('Authorization', `Bearer ${admin}`).send();
      expect(third.body.postsIngested).toBe(0);
    } finally {
      await system.stop();
      await backfillDb.drop();
    }
  });
});
