import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { loginAs } from '../support/auth.js';
import { queueBackendsUnderTest, startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

/** 2,500 posts: every fifth about a flood in Samarinda, every fifth an evacuation drill there, the rest unrelated. */
function corpus(prefix: string, count: number, start = 0): IngestPostPayload[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const text =
      i % 5 === 0
        ? `Banjir lagi di Samarinda pagi ini, air masuk rumah (laporan ${i})`
        : i % 5 === 1
          ? `Latihan penanganan banjir di Samarinda berjalan lancar (laporan ${i})`
          : `Harga cabai di pasar naik terus, warga mengeluh (laporan ${i})`;
    return { externalId: `${prefix}-${i}`, text, createdAt: new Date(now - i * 60_000).toISOString() };
  });
}

describe.each(queueBackendsUnderTest())('Tracked topics API (queue on %s)', (backend) => {
  let running: TestSystem;
  let db: pg.Client;
  let ingest: IngestService;
  let sourceId: string;
  let admin: string;
  let analyst: string;
  let pimpinan: string;

  const api = () => request(running.url);
  const store = async (posts: IngestPostPayload[]) => {
    for (let i = 0; i < posts.length; i += 1000) {
      await ingest.processBatch(randomUUID(), sourceId, posts.slice(i, i + 1000));
    }
  };
  const backfillDone = (topicId: string, after?: string) =>
    waitUntil(
      async () => (await api().get(`/api/topics/${topicId}/backfill`).auth(analyst, { type: 'bearer' })).body,
      (job) => job.id !== after && (job.state === 'completed' || job.state === 'failed'),
      { what: `backfill of topic ${topicId}`, timeoutMs: 60_000 },
    );
  const matchedTexts = async (topicId: string) =>
    (
      await db.query<{ text: string }>(
        `SELECT p.text FROM post_topics pt JOIN posts p ON p.id = pt.post_id WHERE pt.topic_id = $1`,
        [topicId],
      )
    ).rows.map((row) => row.text);

  beforeAll(async () => {
    running = await startTestSystem({ backend });
    db = new pg.Client(running.database.url);
    await db.connect();
    ingest = running.system.app.get(IngestService);
    sourceId = (await ingest.findOrCreatePushSource('uji-topik')).id;
    [admin, analyst, pimpinan] = await Promise.all([
      loginAs(running, 'admin'),
      loginAs(running, 'analyst'),
      loginAs(running, 'pimpinan'),
    ]);
    await store(corpus('topik', 2500));
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  it('should refuse a malformed query with the Indonesian message naming the character', async () => {
    const response = await api()
      .post('/api/topics')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'Banjir', query: 'banjir AND (samarinda' })
      .expect(400);
    expect(response.body.message).toEqual(['query: Kurung buka tanpa pasangan pada karakter 12']);

    const dangling = await api()
      .post('/api/topics/preview')
      .auth(analyst, { type: 'bearer' })
      .send({ query: 'banjir AND' })
      .expect(400);
    expect(dangling.body.message).toEqual(['query: Operator AND tidak diikuti kata pada karakter 8']);

    const onlyNot = await api()
      .post('/api/topics')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'Bukan iklan', query: 'NOT iklan' })
      .expect(400);
    expect(onlyNot.body.message[0]).toMatch(/^query: kueri harus memuat sedikitnya satu kata/);
    expect((await db.query('SELECT count(*)::int AS n FROM topics')).rows[0].n).toBe(0);
  });

  it('should let only admins write topics, and every role read them', async () => {
    await api().get('/api/topics').expect(401);
    await api()
      .post('/api/topics')
      .auth(analyst, { type: 'bearer' })
      .send({ name: 'Banjir', query: 'banjir' })
      .expect(403);
    await api()
      .post('/api/topics')
      .auth(pimpinan, { type: 'bearer' })
      .send({ name: 'Banjir', query: 'banjir' })
      .expect(403);
    await api().get('/api/topics').auth(pimpinan, { type: 'bearer' }).expect(200);
    await api().post('/api/topics/preview').auth(pimpinan, { type: 'bearer' }).send({ query: 'banjir' }).expect(403);
  });

  it('should preview the recent stored posts a draft query would match', async () => {
    const response = await api()
      .post('/api/topics/preview')
      .auth(analyst, { type: 'bearer' })
      .send({ query: 'banjir AND samarinda NOT latihan', limit: 5 })
      .expect(200);
    expect(response.body.scanned).toBe(2500);
    expect(response.body.matched).toBe(500);
    expect(response.body.items).toHaveLength(5);
    for (const item of response.body.items) {
      expect(item.text).toMatch(/^Banjir lagi di Samarinda/);
      expect(item.terms).toEqual(expect.arrayContaining(['banjir', 'samarinda']));
    }
    // Newest first: the corpus is back-dated by index.
    expect(response.body.items.map((item: { text: string }) => item.text)[0]).toContain('(laporan 0)');

    const small = await api()
      .post('/api/topics/preview')
      .auth(admin, { type: 'bearer' })
      .send({ query: '"penanganan banjir"', window: 100 })
      .expect(200);
    expect(small.body).toMatchObject({ scanned: 100, matched: 20 });
  });

  it('should create a topic, backfill stored posts to completion and follow edits, pauses and deletion', async () => {
    const created = await api()
      .post('/api/topics')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'Banjir Samarinda', query: 'banjir AND samarinda NOT latihan', categoryHint: 'bencana' })
      .expect(201);
    const topicId: string = created.body.id;
    expect(created.body).toMatchObject({
      status: 'active',
      categoryHint: 'bencana',
      backfill: { kind: 'topic-backfill' },
    });

    const first = await backfillDone(topicId);
    expect(first).toMatchObject({ state: 'completed', processed: 2500, total: 2500, matched: 500 });
    const texts = await matchedTexts(topicId);
    expect(texts).toHaveLength(500);
    expect(texts.every((text) => text.startsWith('Banjir lagi di Samarinda'))).toBe(true);

    // New posts are matched at ingest by the recompiled analyzer.
    await store(corpus('topik-baru', 5, 10_000));
    expect(await matchedTexts(topicId)).toHaveLength(501);

    await api()
      .post('/api/topics')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'banjir samarinda', query: 'banjir' })
      .expect(409);

    // Editing the query re-matches history: stale matches go, new ones come.
    const edited = await api()
      .patch(`/api/topics/${topicId}`)
      .auth(admin, { type: 'bearer' })
      .send({ query: '"penanganan banjir"' })
      .expect(200);
    expect(edited.body.backfill.id).not.toBe(first.id);
    const second = await backfillDone(topicId, first.id);
    expect(second).toMatchObject({ state: 'completed', processed: 2505, total: 2505, matched: 501 });
    const afterEdit = await matchedTexts(topicId);
    expect(afterEdit).toHaveLength(501);
    expect(afterEdit.every((text) => text.startsWith('Latihan penanganan banjir'))).toBe(true);

    // Paused: new posts are not matched; resuming re-matches what was stored meanwhile.
    await api().post(`/api/topics/${topicId}/pause`).auth(admin, { type: 'bearer' }).expect(200);
    const paused = await api().get(`/api/topics/${topicId}`).auth(pimpinan, { type: 'bearer' }).expect(200);
    expect(paused.body.status).toBe('paused');
    await store(corpus('topik-jeda', 5, 20_000));
    expect(await matchedTexts(topicId)).toHaveLength(501);
    await api().post(`/api/topics/${topicId}/resume`).auth(admin, { type: 'bearer' }).expect(200);
    const third = await backfillDone(topicId, second.id);
    expect(third).toMatchObject({ state: 'completed', processed: 2510, matched: 502 });
    expect(await matchedTexts(topicId)).toHaveLength(502);

    const listed = await api().get('/api/topics').auth(analyst, { type: 'bearer' }).expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: topicId, matchedPosts: 502, status: 'active' })]);

    const audit = await db.query<{ action: string; actor_username: string }>(
      `SELECT action, actor_username FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [topicId],
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'topic.create',
      'topic.update',
      'topic.pause',
      'topic.resume',
    ]);

    await api().delete(`/api/topics/${topicId}`).auth(admin, { type: 'bearer' }).expect(204);
    await api().get(`/api/topics/${topicId}`).auth(admin, { type: 'bearer' }).expect(404);
    expect(await matchedTexts(topicId)).toHaveLength(0);
  });
});
