import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { AnalysisJobsRepository } from '../../src/topics/analysis-jobs.repository.js';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

const LOCAL_WORD = 'zonkzonk';

function posts(prefix: string, count: number, text: (i: number) => string): IngestPostPayload[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${prefix}-${i}`,
    text: `${text(i)} (nomor ${i})`,
    createdAt: new Date(now - i * 7 * 60_000).toISOString(),
  }));
}

const complaint = () => `Pelayanan kantor itu ${LOCAL_WORD} sekali`;
const floodSlang = () => 'Warga bilang bjr di samarinda makin parah';

describe('Analysis overrides and re-analysis of history', () => {
  let running: TestSystem;
  let db: pg.Client;
  let ingest: IngestService;
  let sourceId: string;
  let admin: string;
  let analyst: string;

  const api = () => request(running.url);
  const store = (items: IngestPostPayload[]) => ingest.processBatch(randomUUID(), sourceId, items);
  const labels = async (prefix: string) =>
    (
      await db.query<{ sentiment: string; category: string; opd: string }>(
        `SELECT DISTINCT sentiment, category, opd FROM posts WHERE external_id LIKE $1`,
        [`${prefix}-%`],
      )
    ).rows;

  beforeAll(async () => {
    running = await startTestSystem();
    db = new pg.Client(running.database.url);
    await db.connect();
    ingest = running.system.app.get(IngestService);
    sourceId = (await ingest.findOrCreatePushSource('uji-aturan')).id;
    [admin, analyst] = await Promise.all([loginAs(running, 'admin'), loginAs(running, 'analyst')]);
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  it('should validate overrides and let only admins change them', async () => {
    await api().put('/api/analysis/lexicon').auth(analyst, { type: 'bearer' }).send({ a: 0.5 }).expect(403);
    const bad = await api()
      .put('/api/analysis/lexicon')
      .auth(admin, { type: 'bearer' })
      .send({ mangkrak: -2, bagus: 'ya' })
      .expect(400);
    expect(bad.body.message).toEqual([
      'mangkrak: bobot harus angka antara -1 dan 1',
      'bagus: bobot harus angka antara -1 dan 1',
    ]);
    const badSlang = await api()
      .put('/api/analysis/slang')
      .auth(admin, { type: 'bearer' })
      .send({ 'dua kata': 'x' })
      .expect(400);
    expect(badSlang.body.message[0]).toMatch(/satu kata/);
    await api()
      .patch('/api/categories/lingkungan')
      .auth(admin, { type: 'bearer' })
      .send({ keywords: [{ term: 'sampah', weight: 9 }] })
      .expect(400);
    await api().patch('/api/categories/tidak-ada').auth(admin, { type: 'bearer' }).send({ opd: 'X' }).expect(404);
    const lexicon = await api().get('/api/analysis/lexicon').auth(analyst, { type: 'bearer' }).expect(200);
    expect(lexicon.body).toEqual({ entries: {}, updatedAt: null });
  });

  it('should apply lexicon, slang and category rules to new posts at once and to history after re-analysis', async () => {
    await store([...posts('keluhan', 30, complaint), ...posts('bjr', 30, floodSlang)]);
    expect(await labels('keluhan')).toEqual([{ sentiment: 'neutral', category: 'tata-kelola', opd: 'Inspektorat' }]);

    const topic = await api()
      .post('/api/topics')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'Banjir', query: 'banjir' })
      .expect(201);
    const backfill = await waitUntil(
      async () => (await api().get(`/api/topics/${topic.body.id}/backfill`).auth(admin, { type: 'bearer' })).body,
      (job) => job.state === 'completed',
      { what: 'topic backfill' },
    );
    expect(backfill).toMatchObject({ processed: 60, matched: 0 });

    // A correction made before the rules change must survive the re-analysis.
    const [corrected] = (await db.query<{ id: string }>(`SELECT id FROM posts WHERE external_id = 'keluhan-0'`)).rows;
    const correction = await api()
      .post(`/api/posts/${corrected.id}/corrections`)
      .auth(analyst, { type: 'bearer' })
      .send({ sentiment: 'positive' })
      .expect(201);
    expect(correction.body).toMatchObject({ sentiment: 'positive', post: { sentiment: 'positive' } });

    const lexicon = await api()
      .put('/api/analysis/lexicon?reanalyze=false')
      .auth(admin, { type: 'bearer' })
      .send({ [LOCAL_WORD]: -0.9 })
      .expect(200);
    expect(lexicon.body).toMatchObject({ entries: { [LOCAL_WORD]: -0.9 }, reanalysis: null });
    await api()
      .put('/api/analysis/slang?reanalyze=false')
      .auth(admin, { type: 'bearer' })
      .send({ BJR: 'banjir' })
      .expect(200);
    const category = await api()
      .patch('/api/categories/lingkungan?reanalyze=false')
      .auth(admin, { type: 'bearer' })
      .send({ opd: 'DLH Kota Samarinda', keywords: [{ term: LOCAL_WORD, weight: 3 }] })
      .expect(200);
    expect(category.body).toMatchObject({ slug: 'lingkungan', opd: 'DLH Kota Samarinda', customKeywords: true });
    const slang = await api().get('/api/analysis/slang').auth(admin, { type: 'bearer' }).expect(200);
    expect(slang.body.entries).toEqual({ bjr: 'banjir' });

    // New posts: analysed with the new rules at once.
    await store([...posts('keluhan-baru', 3, complaint), ...posts('bjr-baru', 3, floodSlang)]);
    expect(await labels('keluhan-baru')).toEqual([
      { sentiment: 'negative', category: 'lingkungan', opd: 'DLH Kota Samarinda' },
    ]);
    const topicMatches = () =>
      db
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM post_topics WHERE topic_id = $1`, [topic.body.id])
        .then((r) => r.rows[0].n);
    expect(await topicMatches()).toBe(3);
    // History: untouched until re-analysed.
    expect(await labels('keluhan')).toEqual(
      expect.arrayContaining([{ sentiment: 'neutral', category: 'tata-kelola', opd: 'Inspektorat' }]),
    );

    await api().post('/api/analysis/reanalyze').auth(analyst, { type: 'bearer' }).expect(403);
    const started = await api().post('/api/analysis/reanalyze').auth(admin, { type: 'bearer' }).expect(202);
    expect(started.body).toMatchObject({ kind: 'reanalyze', state: 'queued' });
    const job = await waitUntil(
      async () => (await api().get(`/api/analysis/jobs/${started.body.id}`).auth(analyst, { type: 'bearer' })).body,
      (body) => body.state === 'completed' || body.state === 'failed',
      { what: 'reanalysis' },
    );
    // 29 complaints change sentiment and category, the corrected one its category only, and the 30 old flood
    // posts their category (bjr → banjir is a disaster word now).
    expect(job).toMatchObject({ state: 'completed', processed: 66, total: 66, changed: 60, matched: 33 });

    const history = await db.query<{ external_id: string; sentiment: string; category: string; opd: string }>(
      `SELECT external_id, sentiment, category, opd FROM posts WHERE external_id LIKE 'keluhan-%' AND external_id NOT LIKE 'keluhan-baru%' ORDER BY external_id`,
    );
    for (const row of history.rows) {
      expect(row).toMatchObject({
        category: 'lingkungan',
        opd: 'DLH Kota Samarinda',
        sentiment: row.external_id === 'keluhan-0' ? 'positive' : 'negative',
      });
    }
    expect(await topicMatches()).toBe(33);

    const post = await api().get(`/api/posts/${corrected.id}`).auth(analyst, { type: 'bearer' }).expect(200);
    expect(post.body.sentiment).toBe('positive');
    expect(post.body.explanation.machine).toMatchObject({ sentiment: 'negative', category: 'lingkungan' });
    expect(post.body.explanation.correction.sentiment).toMatchObject({ label: 'positive' });

    // The hourly roll-up followed every label change.
    const rollup = await db.query(
      `SELECT category, sentiment, sum(posts)::int AS n FROM rollup_hourly WHERE posts > 0 GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const actual = await db.query(
      `SELECT category, sentiment, count(*)::int AS n FROM posts GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rollup.rows).toEqual(actual.rows);

    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'analysis.%' OR action LIKE 'category.%' OR action = 'post.correct' ORDER BY id`,
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'post.correct',
      'analysis.lexicon.update',
      'analysis.slang.update',
      'category.update',
      'analysis.reanalyze',
    ]);
  });

  it('should start a re-analysis by default when rules are saved', async () => {
    const first = await api()
      .put('/api/analysis/lexicon')
      .auth(admin, { type: 'bearer' })
      .send({ [LOCAL_WORD]: 0.8 })
      .expect(200);
    expect(first.body.reanalysis).toMatchObject({ kind: 'reanalyze' });
    const job = await waitUntil(
      async () =>
        (await api().get(`/api/analysis/jobs/${first.body.reanalysis.id}`).auth(admin, { type: 'bearer' })).body,
      (body) => body.state === 'completed' || body.state === 'failed' || body.state === 'superseded',
      { what: 'reanalysis after lexicon change' },
    );
    expect(job.state).toBe('completed');
    expect(await labels('keluhan-baru')).toEqual([
      { sentiment: 'positive', category: 'lingkungan', opd: 'DLH Kota Samarinda' },
    ]);
  });

  it('should mark an older queued job of the same kind superseded when a newer one is created', async () => {
    const jobs = running.system.app.get(AnalysisJobsRepository);
    const older = await jobs.create('reanalyze');
    const newer = await jobs.create('reanalyze');
    expect((await jobs.view(older))?.state).toBe('superseded');
    expect((await jobs.view(newer))?.state).toBe('queued');
    // A superseded job's worker stops at once.
    expect(await jobs.start(older, 10, '1')).toBe(false);
    await jobs.fail(newer, 'uji: tidak dijalankan');
  });
});
