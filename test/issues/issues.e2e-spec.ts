import pg from 'pg';
import request from 'supertest';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import type { IssueEvent } from '../../src/issues/issue-events.js';
import { IssueEvents } from '../../src/issues/issue-events.js';
import { loginAs } from '../support/auth.js';
import { queueBackendsUnderTest, startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';
import { BUCKET_MS, floodContinues, floodStream } from './issue-stream.js';

describe.each(queueBackendsUnderTest())('Issues: detection from the ingest stream (queue on %s)', (backend) => {
  let running: TestSystem;
  let ingest: IngestService;
  let db: pg.Client;
  let admin: string;
  let analyst: string;
  let pimpinan: string;
  const events: IssueEvent[] = [];
  const start = Math.floor((Date.now() - 20 * 3600_000) / BUCKET_MS) * BUCKET_MS;
  let floodId: string;

  const api = () => request(running.url);
  const ingestAll = async (sourceId: string, posts: Parameters<IngestService['enqueueBatch']>[1]) => {
    for (let i = 0; i < posts.length; i += 1000) {
      const jobId = await ingest.enqueueBatch(sourceId, posts.slice(i, i + 1000));
      const status = await waitUntil(
        () => ingest.jobStatus(jobId),
        (s) => s.state === 'completed' || s.state === 'failed',
        { what: `ingest job ${jobId}` },
      );
      expect(status.state).toBe('completed');
    }
  };

  beforeAll(async () => {
    running = await startTestSystem({ backend });
    ingest = running.system.app.get(IngestService);
    running.system.app.get(IssueEvents).on((e) => void events.push(e));
    db = new pg.Client(running.database.url);
    await db.connect();
    [admin, analyst, pimpinan] = await Promise.all([
      loginAs(running, 'admin'),
      loginAs(running, 'analyst'),
      loginAs(running, 'pimpinan'),
    ]);
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  it('should count at ingest: distinct authors per (bucket, key), exact', async () => {
    const source = await ingest.findOrCreatePushSource('uji-isu');
    const { posts } = floodStream(start, { prefix: 'isu' });
    await ingestAll(source.id, posts);
    const { rows } = await db.query(
      `SELECT sum(posts)::int AS posts, sum(authors)::int AS authors FROM detection_counts WHERE key = '*'`,
    );
    expect(rows[0].posts).toBe(posts.length);
    // Authors are distinct per bucket: the sum over buckets of distinct authors, recomputed from the stream.
    const perBucket = new Map<number, Set<string>>();
    for (const p of posts) {
      const b = Math.floor(Date.parse(p.createdAt) / BUCKET_MS);
      if (!perBucket.has(b)) {
        perBucket.set(b, new Set());
      }
      perBucket.get(b)!.add(p.author!);
    }
    expect(rows[0].authors).toBe([...perBucket.values()].reduce((s, a) => s + a.size, 0));
    const banjir = await db.query(`SELECT sum(authors)::int AS a FROM detection_counts WHERE key = 't:banjir'`);
    expect(banjir.rows[0].a).toBeGreaterThanOrEqual(40);
  });

  it('should find the flood as one issue (bencana, BPBD) when an admin runs detection', async () => {
    const detect = await api().post('/api/issues/detect').set('Authorization', `Bearer ${admin}`).send();
    expect(detect.status).toBe(200);
    expect(detect.body.bucketsProcessed).toBeGreaterThan(40);
    const list = await api().get('/api/issues').set('Authorization', `Bearer ${pimpinan}`);
    expect(list.status).toBe(200);
    const floods = list.body.items.filter((i: { label: string }) => /banjir|kunjang/iu.test(i.label));
    expect(floods).toHaveLength(1);
    const flood = floods[0];
    expect(flood).toMatchObject({ category: 'bencana', opd: 'BPBD', campaign: false });
    expect(flood.postCount).toBeGreaterThanOrEqual(30);
    // The clock is at the newest post, an hour after the flood's last bucket: the story may already be declining.
    expect(['emerging', 'trending', 'declining']).toContain(flood.state);
    floodId = flood.id;
    expect(detect.body.created.map((c: { id: string }) => c.id)).toContain(floodId);
    expect(events.some((e) => e.type === 'created' && e.issue.id === floodId)).toBe(true);

    const detail = await api().get(`/api/issues/${floodId}`).set('Authorization', `Bearer ${pimpinan}`);
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.length).toBeGreaterThanOrEqual(3);
    expect(detail.body.topPosts.length).toBeGreaterThan(0);
    expect(detail.body.topPosts[0].text).toMatch(/banjir|kunjang/iu);
    expect(detail.body.severityDetail.factors.length).toBeGreaterThan(0);
    expect(detail.body.sentiment.negative).toBeGreaterThan(0);
    expect(detail.body.link).toContain(`/issues/${floodId}`);
    expect(detail.body.stateHistory[0].state).toBe('emerging');

    const filtered = await api().get('/api/issues?category=bencana').set('Authorization', `Bearer ${analyst}`);
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toContain(floodId);
    const other = await api().get('/api/issues?category=kesehatan').set('Authorization', `Bearer ${analyst}`);
    expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(floodId);
  });

  it('should split, rename and merge issues, audited', async () => {
    const detail = await api().get(`/api/issues/${floodId}`).set('Authorization', `Bearer ${analyst}`);
    const { rows } = await db.query(
      `SELECT post_id::text FROM issue_posts WHERE issue_id = $1 ORDER BY post_id LIMIT 3`,
      [floodId],
    );
    const split = await api()
      .post(`/api/issues/${floodId}/split`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ postIds: rows.map((r) => r.post_id), label: 'Pengungsi banjir Sungai Kunjang' });
    expect(split.status).toBe(200);
    expect(split.body).toMatchObject({ splitFrom: floodId, postCount: 3, label: 'Pengungsi banjir Sungai Kunjang' });
    const afterSplit = await api().get(`/api/issues/${floodId}`).set('Authorization', `Bearer ${analyst}`);
    expect(afterSplit.body.postCount).toBe(detail.body.postCount - 3);

    const renamed = await api()
      .post(`/api/issues/${floodId}/rename`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ label: 'Banjir Sungai Kunjang' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.label).toBe('Banjir Sungai Kunjang');

    const merged = await api()
      .post(`/api/issues/${split.body.id}/merge`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ targetId: floodId });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(floodId);
    expect(merged.body.postCount).toBe(detail.body.postCount);
    expect(merged.body.mergedFrom).toContain(split.body.id);
    const child = await api().get(`/api/issues/${split.body.id}`).set('Authorization', `Bearer ${analyst}`);
    expect(child.body).toMatchObject({ state: 'merged', mergedInto: floodId });
    const self = await api()
      .post(`/api/issues/${floodId}/merge`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ targetId: floodId });
    expect(self.status).toBe(400);

    const audit = await db.query(`SELECT action FROM audit_log WHERE target_type = 'issue' ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['issue.split', 'issue.rename', 'issue.merge']),
    );
  });

  it('should not report a dismissed story again as new when it goes on', async () => {
    const dismissed = await api()
      .post(`/api/issues/${floodId}/dismiss`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ note: 'Sudah ditangani, bukan isu baru' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.state).toBe('dismissed');
    const before = dismissed.body.postCount;

    const source = await ingest.findOrCreatePushSource('uji-isu');
    const floodEnd = start + 12 * 4 * BUCKET_MS + 3 * BUCKET_MS;
    await ingestAll(source.id, floodContinues(floodEnd, [12, 20, 26], 'lanjut'));
    const detect = await api().post('/api/issues/detect').set('Authorization', `Bearer ${admin}`).send();
    expect(detect.status).toBe(200);
    expect(detect.body.bucketsProcessed).toBeGreaterThan(0);

    const list = await api().get('/api/issues').set('Authorization', `Bearer ${analyst}`);
    const floods = list.body.items.filter(
      (i: { label: string; state: string }) => /banjir|kunjang/iu.test(i.label) && i.state !== 'merged',
    );
    expect(floods.map((i: { id: string }) => i.id)).toEqual([floodId]);
    expect(floods[0].state).toBe('dismissed');
    expect(floods[0].postCount).toBeGreaterThan(before);
    expect(detect.body.created.filter((c: { label: string }) => /banjir|kunjang/iu.test(c.label))).toEqual([]);
    const renamedKept = await api().get(`/api/issues/${floodId}`).set('Authorization', `Bearer ${analyst}`);
    expect(renamedKept.body.label).toBe('Banjir Sungai Kunjang');
  });

  it('should forward to the OPD with due dates in working days (weekend, holiday), flag and count overdue', async () => {
    const holidays = await api()
      .put('/api/settings/holidays')
      .set('Authorization', `Bearer ${admin}`)
      .send({ holidays: [{ date: '2026-03-10', name: 'Hari Raya Nyepi (uji)' }] });
    expect(holidays.status).toBe(200);
    expect((await api().get('/api/settings/holidays').set('Authorization', `Bearer ${admin}`)).body.holidays).toEqual([
      { date: '2026-03-10', name: 'Hari Raya Nyepi (uji)' },
    ]);

    // Friday 6 March 2026, 10:00 WIB: five working days skip the weekend and the Tuesday holiday → Monday 16 March.
    const late = await api()
      .post(`/api/issues/${floodId}/dispose`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ note: 'Mohon penanganan pengungsi', forwardedAt: '2026-03-06T03:00:00.000Z' });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ opd: 'BPBD', status: 'forwarded', overdue: true });
    expect(late.body.respondDueAt).toBe('2026-03-16T16:59:59.999Z');

    const fresh = await api()
      .post(`/api/issues/${floodId}/dispose`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ opd: 'Dinas Sosial', respondDays: 3 });
    expect(fresh.status).toBe(201);
    expect(fresh.body.overdue).toBe(false);

    let counts = await api().get('/api/dispositions/overdue-by-opd').set('Authorization', `Bearer ${pimpinan}`);
    expect(counts.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ opd: 'BPBD', open: 1, overdue: 1 }),
        expect.objectContaining({ opd: 'Dinas Sosial', open: 1, overdue: 0 }),
      ]),
    );

    const responded = await api()
      .post(`/api/issues/${floodId}/dispositions/${late.body.id}/respond`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ text: 'Tim BPBD sudah menurunkan dua perahu karet' });
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({ status: 'responded', overdue: true });
    const completed = await api()
      .post(`/api/issues/${floodId}/dispositions/${late.body.id}/complete`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ text: 'Warga sudah kembali ke rumah' });
    expect(completed.body.status).toBe('completed');
    const again = await api()
      .post(`/api/issues/${floodId}/dispositions/${late.body.id}/respond`)
      .set('Authorization', `Bearer ${analyst}`)
      .send({ text: 'lagi' });
    expect(again.status).toBe(400);

    counts = await api().get('/api/dispositions/overdue-by-opd').set('Authorization', `Bearer ${pimpinan}`);
    expect(counts.body.items.find((i: { opd: string }) => i.opd === 'BPBD')).toBeUndefined();
    const view = await api().get(`/api/issues/${floodId}`).set('Authorization', `Bearer ${pimpinan}`);
    expect(view.body.dispositions).toHaveLength(2);
  });

  it('should enforce roles', async () => {
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    expect((await api().post('/api/issues/detect').set(as(analyst)).send()).status).toBe(403);
    expect((await api().post(`/api/issues/${floodId}/dismiss`).set(as(pimpinan)).send({})).status).toBe(403);
    expect((await api().post(`/api/issues/${floodId}/dispose`).set(as(pimpinan)).send({})).status).toBe(403);
    expect((await api().get('/api/settings/holidays').set(as(analyst))).status).toBe(403);
    expect((await api().put('/api/settings/holidays').set(as(analyst)).send({ holidays: [] })).status).toBe(403);
    expect((await api().get('/api/issues')).status).toBe(401);
    // A malformed id is a bad request (issue 14); a well-formed unknown one is 404.
    expect((await api().get(`/api/issues/not-a-uuid`).set(as(pimpinan))).status).toBe(400);
    const bad = await api()
      .put('/api/settings/holidays')
      .set(as(admin))
      .send({ holidays: [{ date: '6 Maret', name: 'x' }] });
    expect(bad.status).toBe(400);
  });
});
