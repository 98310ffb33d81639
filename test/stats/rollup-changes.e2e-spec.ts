/**
 * PostStore owns every rollup change: after an analyst's correction, a topic's history backfill (new query, then an
 * edited one that drops matches) and a re-analysis under changed rules, every additive rollup table equals a
 * recomputation from posts and post_topics by SQL written here, independently of RollupWriter; distinct authors of a
 * backfilled topic follow its history.
 */
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { Role } from '../../src/auth/roles.decorator.js';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { HyperLogLog } from '../../src/stats/hyperloglog.js';
import { AnalyzerRegistry } from '../../src/topics/analyzer-registry.service.js';
import { loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

jest.setTimeout(240_000);

const TEXTS = [
  'Jalan rusak parah dan berlubang di Sungai Kunjang, sudah berbulan-bulan tidak diperbaiki. Kecewa!',
  'Banjir setinggi lutut di Samarinda Ulu setelah hujan deras semalam, warga mengungsi',
  'Terima kasih petugas kebersihan, taman kota Balikpapan sekarang bersih dan rapi',
  'Air PDAM mati lagi sejak pagi di Kecamatan Palaran, warga kesal sekali',
  'Sampah menumpuk di pinggir jalan Samarinda Seberang, bau sekali',
  'Harga cabai di pasar Samarinda naik terus, pedagang mengeluh',
  'Banjir lagi di Bontang, PDAM juga mati, lengkap sudah',
  'Lampu jalan di Tenggarong padam seminggu, rawan kecelakaan',
];

function posts(prefix: string, count: number): IngestPostPayload[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${prefix}-${i}`,
    text: `${TEXTS[i % TEXTS.length]} (${prefix} ${i})`,
    createdAt: new Date(now - ((i * 7919) % (12 * 60)) * 60_000 - 30_000).toISOString(),
    author: i % 6 === 0 ? undefined : `warga${(i * 31) % 41}`,
    metrics: { likes: i % 13, replies: i % 4, reposts: i % 3 },
  }));
}

/** Each table's rows as sorted strings, zero cells left out (a moved cell may stay as a row of zeros). */
const TABLES: Record<string, { rollup: string; recomputed: string }> = {
  rollup_hourly: {
    rollup: `SELECT hour, source_id, category, sentiment, posts FROM rollup_hourly WHERE posts <> 0`,
    recomputed: `SELECT date_trunc('hour', created_at) AS hour, source_id, category, sentiment, count(*) AS posts
                   FROM posts GROUP BY 1, 2, 3, 4`,
  },
  stats_volume_hourly: {
    rollup: `SELECT hour, source_id, category, sentiment, opd, posts, reach FROM stats_volume_hourly
              WHERE posts <> 0 OR reach <> 0`,
    recomputed: `SELECT date_trunc('hour', created_at) AS hour, source_id, category, sentiment, opd, count(*) AS posts,
                        sum(likes + replies + reposts) AS reach
                   FROM posts GROUP BY 1, 2, 3, 4, 5`,
  },
  stats_region_hourly: {
    rollup: `SELECT code, level, hour, source_id, category, sentiment, opd, posts, reach FROM stats_region_hourly
              WHERE posts <> 0 OR reach <> 0`,
    // Every named place and its ancestors down to districts, once per post.
    recomputed: `WITH places AS (
                   SELECT DISTINCT p.id, array_to_string((string_to_array(l ->> 'code', '.'))[1:d], '.') AS code, d
                     FROM posts p, jsonb_array_elements(p.locations) AS l, generate_series(1, 3) AS d
                    WHERE d <= cardinality(string_to_array(l ->> 'code', '.')))
                 SELECT pl.code, (ARRAY['province', 'regency', 'district'])[pl.d] AS level,
                        date_trunc('hour', p.created_at) AS hour, p.source_id, p.category, p.sentiment, p.opd,
                        count(*) AS posts, sum(p.likes + p.replies + p.reposts) AS reach
                   FROM places pl JOIN posts p ON p.id = pl.id GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  },
  stats_topic_hourly: {
    rollup: `SELECT topic_id, hour, source_id, category, sentiment, opd, posts, reach FROM stats_topic_hourly
              WHERE posts <> 0 OR reach <> 0`,
    recomputed: `SELECT pt.topic_id, date_trunc('hour', p.created_at) AS hour, p.source_id, p.category, p.sentiment,
                        p.opd, count(*) AS posts, sum(p.likes + p.replies + p.reposts) AS reach
                   FROM post_topics pt JOIN posts p ON p.id = pt.post_id GROUP BY 1, 2, 3, 4, 5, 6`,
  },
  // The top-authors summaries: exact here (fewer authors per hour and day than they keep, so both floors are 0).
  stats_top_authors_hourly: {
    rollup: `SELECT s.hour, s.source_id, u.author, u.posts, u.reach, s.floor_posts, s.floor_reach
               FROM stats_top_authors_hourly s, unnest(s.authors, s.posts, s.reach) AS u(author, posts, reach)`,
    recomputed: `SELECT date_trunc('hour', created_at) AS hour, source_id, trim(author), count(*) AS posts,
                        sum(likes + replies + reposts) AS reach, 0 AS floor_posts, 0 AS floor_reach
                   FROM posts WHERE nullif(trim(author), '') IS NOT NULL GROUP BY 1, 2, 3`,
  },
  stats_top_authors_daily: {
    rollup: `SELECT s.day, s.source_id, u.author, u.posts, u.reach, s.floor_posts, s.floor_reach
               FROM stats_top_authors_daily s, unnest(s.authors, s.posts, s.reach) AS u(author, posts, reach)`,
    recomputed: `SELECT date_trunc('day', created_at) AS day, source_id, trim(author), count(*) AS posts,
                        sum(likes + replies + reposts) AS reach, 0 AS floor_posts, 0 AS floor_reach
                   FROM posts WHERE nullif(trim(author), '') IS NOT NULL GROUP BY 1, 2, 3`,
  },
};

// The UTC-day twins of the additive tables (migrations/1764000004500) follow every change as their hour rows do.
for (const table of ['stats_volume', 'stats_region', 'stats_topic']) {
  const hourly = TABLES[`${table}_hourly`];
  TABLES[`${table}_daily`] = {
    rollup: hourly.rollup.replace(/\bhour\b/u, 'day').replace(`${table}_hourly`, `${table}_daily`),
    recomputed: hourly.recomputed.replace("date_trunc('hour',", "date_trunc('day',"),
  };
}

describe('rollups after corrections, topic backfills and re-analysis (PostStore owns every change)', () => {
  let running: TestSystem;
  let db: pg.Client;
  let admin: string;
  let analyst: string;
  const api = () => request(running.url);

  beforeAll(async () => {
    running = await startTestSystem();
    db = new pg.Client(running.database.url);
    await db.connect();
    // Hours as UTC in every rollup and recomputation.
    await db.query(`SET TIME ZONE 'UTC'`);
    admin = await loginAs(running, Role.Admin);
    analyst = await loginAs(running, Role.Analyst);
    await api().post('/api/topics').auth(admin, { type: 'bearer' }).send({ name: 'Warga', query: 'warga' }).expect(201);
    await running.system.app.get(AnalyzerRegistry).fresh();
    const ingest = running.system.app.get(IngestService);
    const sources = [await ingest.findOrCreatePushSource('uji-rollup-a'), await ingest.findOrCreatePushSource('uji-b')];
    await ingest.processBatch(randomUUID(), sources[0].id, posts('a', 240));
    await ingest.processBatch(randomUUID(), sources[1].id, posts('b', 90));
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  async function rowsOf(sql: string): Promise<string[]> {
    const { rows } = await db.query(sql);
    return rows
      .map((row: Record<string, unknown>) =>
        Object.values(row)
          .map((value) => (value instanceof Date ? value.toISOString() : String(value)))
          .join(' | '),
      )
      .sort();
  }

  async function expectRollupsEqualPosts(): Promise<void> {
    for (const [table, { rollup, recomputed }] of Object.entries(TABLES)) {
      const expected = await rowsOf(recomputed);
      expect(expected.length).toBeGreaterThan(0);
      expect({ table, rows: await rowsOf(rollup) }).toEqual({ table, rows: expected });
    }
  }

  /** The topic's distinct authors: its sketches merged (as the stats API does) against the exact count. */
  async function topicAuthors(topicId: string): Promise<{ estimate: number; exact: number }> {
    const sketches = await db.query<{ sketch: Buffer }>(
      `SELECT sketch FROM stats_author_sketches WHERE dim = 'topic' AND key = $1`,
      [topicId],
    );
    const [exact] = (
      await db.query<{ n: number }>(
        `SELECT count(DISTINCT (p.source_id, trim(p.author)))::int AS n FROM post_topics pt JOIN posts p ON p.id = pt.post_id
          WHERE pt.topic_id = $1 AND nullif(trim(p.author), '') IS NOT NULL`,
        [topicId],
      )
    ).rows;
    return { estimate: HyperLogLog.countOf(sketches.rows.map((row) => row.sketch)), exact: exact.n };
  }

  async function backfillOf(topicId: string, previousJob?: string): Promise<void> {
    await waitUntil(
      async () => (await api().get(`/api/topics/${topicId}/backfill`).auth(admin, { type: 'bearer' })).body,
      (job) => job.state === 'completed' && job.id !== previousJob,
      { what: 'topic backfill' },
    );
  }

  it('should equal posts after ingest (the recomputation agrees with the write path)', async () => {
    await expectRollupsEqualPosts();
  });

  it('should move every rollup cell of a corrected post', async () => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM posts WHERE category <> 'kesehatan' AND author IS NOT NULL ORDER BY id LIMIT 4`,
    );
    for (const [i, row] of rows.entries()) {
      await api()
        .post(`/api/posts/${row.id}/corrections`)
        .auth(analyst, { type: 'bearer' })
        .send(i % 2 === 0 ? { sentiment: 'positive', category: 'kesehatan' } : { category: 'kesehatan' })
        .expect(201);
    }
    await expectRollupsEqualPosts();
  });

  it('should add a new topic history to its rollups, and take back the matches an edited query drops', async () => {
    const created = await api()
      .post('/api/topics')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'Banjir', query: 'banjir' })
      .expect(201);
    const topicId = created.body.id as string;
    await backfillOf(topicId);
    const [{ n: matched }] = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM post_topics WHERE topic_id = $1`, [topicId])
    ).rows;
    expect(matched).toBeGreaterThan(50);
    await expectRollupsEqualPosts();
    const authors = await topicAuthors(topicId);
    expect(authors.exact).toBeGreaterThan(10);
    expect(Math.abs(authors.estimate - authors.exact)).toBeLessThanOrEqual(Math.max(2, authors.exact * 0.05));

    const first = (await api().get(`/api/topics/${topicId}/backfill`).auth(admin, { type: 'bearer' })).body.id;
    await api().patch(`/api/topics/${topicId}`).auth(admin, { type: 'bearer' }).send({ query: 'pdam' }).expect(200);
    await backfillOf(topicId, first);
    const [{ n: after }] = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM post_topics pt JOIN posts p ON p.id = pt.post_id
          WHERE pt.topic_id = $1 AND p.text ILIKE '%banjir%' AND p.text NOT ILIKE '%pdam%'`,
        [topicId],
      )
    ).rows;
    expect(after).toBe(0);
    await expectRollupsEqualPosts();
  });

  it('should move every rollup cell of re-analysed posts (labels, OPD, topics), corrections kept', async () => {
    await api()
      .patch('/api/categories/lingkungan?reanalyze=false')
      .auth(admin, { type: 'bearer' })
      .send({ keywords: [{ term: 'cabai', weight: 3 }] })
      .expect(200);
    await api()
      .patch('/api/categories/bencana?reanalyze=false')
      .auth(admin, { type: 'bearer' })
      .send({ opd: 'BPBD Kota Samarinda' })
      .expect(200);
    await api().post('/api/topics').auth(admin, { type: 'bearer' }).send({ name: 'Jalan', query: 'jalan' }).expect(201);
    const labelsBefore = await rowsOf(`SELECT id, category, sentiment, opd FROM posts`);
    const started = await api().post('/api/analysis/reanalyze').auth(admin, { type: 'bearer' }).expect(202);
    const job = await waitUntil(
      async () => (await api().get(`/api/analysis/jobs/${started.body.id}`).auth(admin, { type: 'bearer' })).body,
      (body) => body.state === 'completed' || body.state === 'failed',
      { what: 'reanalysis' },
    );
    expect(job.state).toBe('completed');
    expect(job.changed).toBeGreaterThan(0);
    expect(await rowsOf(`SELECT id, category, sentiment, opd FROM posts`)).not.toEqual(labelsBefore);
    const [{ n: kept }] = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM posts p WHERE p.category = 'kesehatan'
            AND EXISTS (SELECT 1 FROM post_corrections c WHERE c.post_id = p.id AND c.category = 'kesehatan')`,
      )
    ).rows;
    expect(kept).toBe(4);
    await expectRollupsEqualPosts();
  });
});
