import { jest } from '@jest/globals';
import { createHmac, randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { deriveKey } from '../../src/config/secrets.js';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

// Booting the whole application takes several seconds on a busy 2-core machine.
jest.setTimeout(180_000);

const HOUR = 3600_000;

/** The data subject's posts are stored under two spellings of the handle; others' posts around them. */
function postsOf(prefix: string, author: string, count: number, at: Date, extra: Partial<IngestPostPayload> = {}) {
  return Array.from({ length: count }, (_, index) => ({
    externalId: `${prefix}-${index}`,
    text: `Jalan di depan pasar rusak parah, lubangnya dalam sekali (${prefix} ${index})`,
    createdAt: new Date(at.getTime() - index * 60_000).toISOString(),
    author,
    url: `https://medsos.example/${encodeURIComponent(author)}/status/${prefix}-${index}`,
    lang: 'id',
    metrics: { likes: 3, replies: 1, reposts: 1 },
    raw: { user: { screen_name: author }, id: `${prefix}-${index}` },
    ...extra,
  }));
}

describe('personal data on request (UU PDP): export, erase, anonymise', () => {
  let running: TestSystem;
  let db: pg.Client;
  let admin: string;
  let analyst: string;
  let pimpinan: string;
  let source: { id: string; name: string };
  let other: { id: string; name: string };
  const now = new Date(Date.now() - 10 * 60_000);
  const api = () => request(running.url);
  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n;
  const postIdsOf = async (sourceId: string, prefix: string) =>
    (
      await db.query<{ id: string }>(`SELECT id::text FROM posts WHERE source_id = $1 AND external_id LIKE $2`, [
        sourceId,
        `${prefix}-%`,
      ])
    ).rows.map((row) => row.id);
  const digest = (sourceId: string, handle: string) =>
    createHmac('sha256', deriveKey(running.config.secret, 'personal-data-digest'))
      .update(`${sourceId}\n${handle}`)
      .digest('hex');
  const overviewPosts = async (sourceId: string) =>
    (await api().get(`/api/stats/overview?source=${sourceId}`).auth(admin, { type: 'bearer' }).expect(200)).body.posts
      .value as number;
  const topAuthors = async (sourceId: string) =>
    (
      (
        await api()
          .get(`/api/stats/top-authors?source=${sourceId}&limit=50`)
          .auth(admin, { type: 'bearer' })
          .expect(200)
      ).body.authors as { author: string }[]
    ).map((row) => row.author);

  beforeAll(async () => {
    running = await startTestSystem();
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
    [admin, analyst, pimpinan] = await Promise.all([
      loginAs(running, 'admin'),
      loginAs(running, 'analyst'),
      loginAs(running, 'pimpinan'),
    ]);
    const ingest = running.system.app.get(IngestService);
    source = { ...(await ingest.findOrCreatePushSource('Uji PDP')), name: 'Uji PDP' };
    other = { ...(await ingest.findOrCreatePushSource('Uji PDP lain')), name: 'Uji PDP lain' };
    await ingest.processBatch(randomUUID(), source.id, [
      ...postsOf('budi-a', '@Budi.Santoso', 6, now),
      ...postsOf('budi-b', 'budi.santoso', 4, new Date(now.getTime() - 2 * HOUR)),
      ...postsOf('sari', 'sari_w', 5, now, { text: 'Saya @Sari_W melapor: jalan di depan pasar rusak parah' }),
      ...postsOf('warga', 'warga77', 7, now, { text: 'Menanggapi @sari_w soal jalan di pasar yang rusak parah' }),
      // A longer handle that contains the subject's: never matched.
      ...postsOf('budi-lain', 'budi.santoso2', 3, now),
    ]);
    await ingest.processBatch(randomUUID(), other.id, postsOf('budi-other', 'budi.santoso', 2, now));
    // Derived records of the subject's posts: an issue and a topic holding them, an analyst's correction.
    const budi = await postIdsOf(source.id, 'budi-a');
    const [{ id: issueId }] = (
      await db.query<{ id: string }>(
        `INSERT INTO issues (label, state, first_seen_at, first_detected_at, last_activity_at)
         VALUES ('Jalan rusak di pasar', 'emerging', now(), now(), now()) RETURNING id`,
      )
    ).rows;
    const sari = await postIdsOf(source.id, 'sari');
    await db.query(
      `INSERT INTO issue_posts (issue_id, post_id, post_created_at)
       SELECT $1, id, created_at FROM posts WHERE id = ANY($2::bigint[])`,
      [issueId, [...budi.slice(0, 3), ...sari.slice(0, 2)]],
    );
    await db.query(`UPDATE issues SET post_count = 5 WHERE id = $1`, [issueId]);
    const [{ id: topicId }] = (
      await db.query<{ id: string }>(`INSERT INTO topics (name, query) VALUES ('Jalan', 'jalan') RETURNING id`)
    ).rows;
    await db.query(
      `INSERT INTO post_topics (topic_id, post_id, post_created_at)
       SELECT $1, id, created_at FROM posts WHERE id = ANY($2::bigint[])`,
      [topicId, budi],
    );
    await api()
      .post(`/api/posts/${budi[0]}/corrections`)
      .auth(analyst, { type: 'bearer' })
      .send({ sentiment: 'negative' })
      .expect(201);
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  it('should refuse every caller but an admin on both routes', async () => {
    for (const path of ['/api/admin/personal-data/export', '/api/admin/personal-data/erase']) {
      const body = { source: source.id, handle: 'budi.santoso', mode: 'erase' };
      await api().post(path).send(body).expect(401);
      await api().post(path).auth(analyst, { type: 'bearer' }).send(body).expect(403);
      await api().post(path).auth(pimpinan, { type: 'bearer' }).send(body).expect(403);
    }
    expect(await count('posts WHERE source_id = $1', [source.id])).toBe(25);
  });

  it('should name the field of a bad request in Indonesian', async () => {
    const empty = await api().post('/api/admin/personal-data/erase').auth(admin, { type: 'bearer' }).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^source: wajib/),
        expect.stringMatching(/^handle: wajib/),
        'mode: harus erase atau anonymise',
      ]),
    );
    const blank = await api()
      .post('/api/admin/personal-data/export')
      .auth(admin, { type: 'bearer' })
      .send({ source: source.id, handle: ' @ ' })
      .expect(400);
    expect(blank.body.message).toEqual(['handle: wajib diisi (nama akun penulis)']);
    const unknown = await api()
      .post('/api/admin/personal-data/export')
      .auth(admin, { type: 'bearer' })
      .send({ source: 'Tidak Ada', handle: 'budi' })
      .expect(404);
    expect(unknown.body.message).toEqual(['source: sumber tidak ditemukan']);
  });

  it('should export everything held about the handle on that source, and audit only a digest', async () => {
    const response = await api()
      .post('/api/admin/personal-data/export')
      .auth(admin, { type: 'bearer' })
      .send({ source: source.name.toUpperCase(), handle: 'Budi.Santoso' })
      .expect(200);
    const body = response.body as {
      source: { id: string };
      posts: { externalId: string; author: string; text: string; url: string; raw: unknown; topics: unknown[] }[];
      corrections: { postId: string; sentiment: string }[];
      issues: { label: string; postIds: string[] }[];
      authorStats: { author: string; posts: number }[];
    };
    expect(body.source.id).toBe(source.id);
    expect(body.posts.map((post) => post.externalId).sort()).toEqual(
      [
        ...Array.from({ length: 6 }, (_, i) => `budi-a-${i}`),
        ...Array.from({ length: 4 }, (_, i) => `budi-b-${i}`),
      ].sort(),
    );
    expect(new Set(body.posts.map((post) => post.author))).toEqual(new Set(['@Budi.Santoso', 'budi.santoso']));
    expect(body.posts[0]).toMatchObject({ raw: expect.any(Object), url: expect.stringContaining('medsos.example') });
    expect(body.posts.filter((post) => post.topics.length === 1)).toHaveLength(6);
    expect(body.corrections).toEqual([expect.objectContaining({ sentiment: 'negative' })]);
    expect(body.issues).toEqual([expect.objectContaining({ label: 'Jalan rusak di pasar' })]);
    expect(body.issues[0].postIds).toHaveLength(3);
    expect(body.authorStats.reduce((sum, row) => sum + row.posts, 0)).toBe(10);

    const audit = await db.query<{ action: string; target_id: string; details: Record<string, unknown> }>(
      `SELECT action, target_id, details FROM audit_log WHERE action LIKE 'personal-data.%'`,
    );
    expect(audit.rows).toEqual([
      {
        action: 'personal-data.export',
        target_id: digest(source.id, 'budi.santoso'),
        details: { sourceId: source.id, posts: 10 },
      },
    ]);
  });

  it('should erase the posts and every derived record of the handle, and nothing else', async () => {
    const ids = [...(await postIdsOf(source.id, 'budi-a')), ...(await postIdsOf(source.id, 'budi-b'))];
    expect(ids).toHaveLength(10);
    const postsBefore = await overviewPosts(source.id);
    expect(await topAuthors(source.id)).toEqual(expect.arrayContaining(['@Budi.Santoso', 'budi.santoso']));

    const response = await api()
      .post('/api/admin/personal-data/erase')
      .auth(admin, { type: 'bearer' })
      .send({ source: source.id, handle: '@budi.santoso', mode: 'erase' })
      .expect(200);
    expect(response.body).toMatchObject({
      mode: 'erase',
      posts: 10,
      postTopics: 6,
      issuePosts: 3,
      corrections: 1,
      detectionPosts: 10,
      postKeys: 10,
      authorStatsRows: expect.any(Number),
      handleDigest: digest(source.id, 'budi.santoso'),
    });

    for (const table of ['posts WHERE id', 'post_topics WHERE post_id', 'issue_posts WHERE post_id']) {
      expect({ table, n: await count(`${table} = ANY($1::bigint[])`, [ids]) }).toEqual({ table, n: 0 });
    }
    expect(await count('post_corrections WHERE post_id = ANY($1::bigint[])', [ids])).toBe(0);
    expect(await count('detection_posts WHERE post_id = ANY($1::bigint[])', [ids])).toBe(0);
    expect(await count(`post_keys WHERE source_id = $1 AND external_id LIKE 'budi-%'`, [source.id])).toBe(3);
    expect(
      await count(
        `stats_top_authors_hourly WHERE authors && ARRAY['@Budi.Santoso', 'budi.santoso'] AND source_id = $1`,
        [source.id],
      ),
    ).toBe(0);
    expect(
      await count(
        `stats_top_authors_daily WHERE authors && ARRAY['@Budi.Santoso', 'budi.santoso'] AND source_id = $1`,
        [source.id],
      ),
    ).toBe(0);
    // Everyone else's posts stay: the other author, the longer handle, the same handle on another source.
    expect(await count('posts WHERE source_id = $1', [source.id])).toBe(15);
    expect(await count('posts WHERE source_id = $1', [other.id])).toBe(2);
    expect((await db.query(`SELECT post_count FROM issues`)).rows).toEqual([{ post_count: 2 }]);
    // The dashboard's figures no longer count them.
    expect(await overviewPosts(source.id)).toBe(postsBefore - 10);
    const authors = await topAuthors(source.id);
    expect(authors).not.toContain('budi.santoso');
    expect(authors).not.toContain('@Budi.Santoso');
    expect(authors).toEqual(expect.arrayContaining(['sari_w', 'warga77', 'budi.santoso2']));

    const audit = await db.query<{ target_id: string; details: Record<string, unknown> }>(
      `SELECT target_id, details FROM audit_log WHERE action = 'personal-data.erase'`,
    );
    expect(audit.rows).toEqual([
      {
        target_id: digest(source.id, 'budi.santoso'),
        details: expect.objectContaining({ sourceId: source.id, posts: 10, issuePosts: 3 }),
      },
    ]);
    // The handle itself is nowhere in the audit log.
    expect(await count(`audit_log WHERE (audit_log::text) ILIKE '%budi.santoso%'`)).toBe(0);
    // A second request finds nothing left.
    const again = await api()
      .post('/api/admin/personal-data/export')
      .auth(admin, { type: 'bearer' })
      .send({ source: source.id, handle: 'budi.santoso' })
      .expect(200);
    expect(again.body).toMatchObject({ posts: [], corrections: [], issues: [], authorStats: [] });
  });

  it('should anonymise: posts stay counted but no longer say who wrote them', async () => {
    const ids = await postIdsOf(source.id, 'sari');
    const postsBefore = await overviewPosts(source.id);
    const response = await api()
      .post('/api/admin/personal-data/erase')
      .auth(admin, { type: 'bearer' })
      .send({ source: source.id, handle: 'SARI_W', mode: 'anonymise' })
      .expect(200);
    expect(response.body).toMatchObject({ mode: 'anonymise', posts: 5, detectionPosts: 5 });
    const rows = (
      await db.query<{ author: string; url: string | null; raw: unknown; text: string }>(
        `SELECT author, url, raw, text FROM posts WHERE id = ANY($1::bigint[])`,
        [ids],
      )
    ).rows;
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row).toMatchObject({ author: '[ANONIM]', url: null, raw: null });
    }
    const docs = (
      await db.query<{ post_id: string; doc: { author: string; url?: string } }>(
        `SELECT post_id::text, doc FROM detection_posts WHERE post_id = ANY($1::bigint[])`,
        [ids],
      )
    ).rows;
    expect(docs).toHaveLength(5);
    for (const { post_id, doc } of docs) {
      expect(doc.author).toBe(`${source.id}:post:${post_id}`);
      expect(doc.url).toBeUndefined();
    }
    expect(rows.map((row) => row.text)).toEqual(
      Array.from({ length: 5 }, () => 'Saya [ANONIM] melapor: jalan di depan pasar rusak parah'),
    );
    expect(await count(`issue_posts WHERE post_id = ANY($1::bigint[])`, [ids])).toBe(2);
    expect(await overviewPosts(source.id)).toBe(postsBefore);
    expect(await topAuthors(source.id)).not.toContain('sari_w');
    expect(await count(`posts p WHERE id = ANY($1::bigint[]) AND (p::text) ILIKE '%sari_w%'`, [ids])).toBe(0);
    expect(await count(`detection_posts WHERE post_id = ANY($1::bigint[]) AND doc::text ILIKE '%sari_w%'`, [ids])).toBe(
      0,
    );

    // Others' posts are theirs: a mention of the subject in someone else's text stays (docs/operations.md).
    const mention = 'Menanggapi @sari_w soal jalan di pasar yang rusak parah';
    expect(await count(`posts WHERE external_id LIKE 'warga-%' AND text = $1`, [mention])).toBe(7);
    await api()
      .post('/api/admin/personal-data/erase')
      .auth(admin, { type: 'bearer' })
      .send({ source: source.id, handle: 'warga77', mode: 'anonymise' })
      .expect(200);
    expect(await count(`posts WHERE external_id LIKE 'warga-%' AND author = '[ANONIM]' AND text = $1`, [mention])).toBe(
      7,
    );
    const audit = await db.query<{ target_id: string }>(
      `SELECT target_id FROM audit_log WHERE action = 'personal-data.anonymise' ORDER BY id`,
    );
    expect(audit.rows.map((row) => row.target_id)).toEqual([digest(source.id, 'sari_w'), digest(source.id, 'warga77')]);
  });
});
