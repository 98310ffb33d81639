import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { Role } from '../../src/auth/roles.decorator.js';
import type { Job } from 'bullmq';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { RetentionProcessor } from '../../src/posts/retention.processor.js';
import { JobName } from '../../src/queue/queue-names.js';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { AnalyzerRegistry } from '../../src/topics/analyzer-registry.service.js';
import { loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

jest.setTimeout(180_000);

const TEXTS = [
  'Jalan rusak parah dan berlubang di Sungai Kunjang, sudah berbulan-bulan tidak diperbaiki. Kecewa!',
  'Banjir setinggi lutut di Samarinda Ulu setelah hujan deras semalam, warga mengungsi',
  'Terima kasih petugas kebersihan, taman kota Balikpapan sekarang bersih dan rapi',
  'Air PDAM mati lagi sejak pagi di Kecamatan Palaran, warga kesal sekali',
  'Pelayanan KTP-el di kecamatan lambat, antre dari subuh belum dipanggil',
  'Harga cabai di pasar Samarinda naik terus, warga mengeluh',
  'Sekolah negeri di Kutai Kartanegara minta pungutan seragam, orang tua keberatan',
  'Lampu jalan di Bontang padam seminggu, rawan kecelakaan',
];

const HOUR = 3600_000;

/** Posts spread over the last 40 hours (some in the previous period), two kinds of author, varied reach. */
function posts(prefix: string, count: number, now: number): IngestPostPayload[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${prefix}-${i}`,
    text: `${TEXTS[i % TEXTS.length]} (${prefix} ${i})`,
    createdAt: new Date(now - ((i * 7919) % (40 * 60)) * 60_000 - 30_000).toISOString(),
    author: i % 5 === 0 ? undefined : `warga${(i * 31) % 53}`,
    metrics: { likes: i % 17, replies: i % 4, reposts: i % 3 },
  }));
}

describe('stats API over the rollups', () => {
  let running: TestSystem;
  let db: pg.Client;
  let ingest: IngestService;
  const tokens = {} as Record<Role, string>;
  let sources: { id: string; name: string }[];
  let topicId: string;
  const now = Date.now();
  const api = () => request(running.url);
  const get = (path: string, role: Role = Role.Analyst) => api().get(path).auth(tokens[role], { type: 'bearer' });

  beforeAll(async () => {
    running = await startTestSystem();
    db = new pg.Client(running.database.url);
    await db.connect();
    ingest = running.system.app.get(IngestService);
    for (const role of [Role.Admin, Role.Analyst, Role.Pimpinan]) {
      tokens[role] = await loginAs(running, role);
    }
    const topic = await api()
      .post('/api/topics')
      .auth(tokens[Role.Admin], { type: 'bearer' })
      .send({ name: 'Warga mengeluh', query: 'warga' })
      .expect(201);
    topicId = topic.body.id;
    await running.system.app.get(AnalyzerRegistry).fresh();
    sources = [await ingest.findOrCreatePushSource('uji-statistik-a'), await ingest.findOrCreatePushSource('uji-b')];
    // Batches of several sizes through the product's write path; the last one repeats posts (duplicates).
    await ingest.processBatch(randomUUID(), sources[0].id, posts('a', 700, now));
    await ingest.processBatch(randomUUID(), sources[1].id, posts('b', 260, now));
    await ingest.processBatch(randomUUID(), sources[0].id, [...posts('a', 50, now), ...posts('c', 90, now)]);
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  /** Independent figures over posts in the window the API reports. */
  async function exact(sql: string, params: unknown[]) {
    return (await db.query(sql, params)).rows;
  }

  it('should report overview figures equal to SQL over the stored posts', async () => {
    const { body } = await get('/api/stats/overview').expect(200);
    expect(body.timeZone).toBe(running.config.timeZone);
    expect(body.notApplied).toEqual([]);
    const [current] = await exact(
      `SELECT count(*)::int AS posts, count(*) FILTER (WHERE sentiment = 'negative')::int AS negative,
              sum(likes + replies + reposts)::int AS reach,
              count(DISTINCT source_id::text || '|' || author)::int AS authors
         FROM posts WHERE created_at >= $1 AND created_at < $2`,
      [body.from, body.to],
    );
    const [previous] = await exact(
      `SELECT count(*)::int AS posts FROM posts WHERE created_at >= $1 AND created_at < $2`,
      [body.previousFrom, body.from],
    );
    expect(current.posts).toBeGreaterThan(500);
    expect(previous.posts).toBeGreaterThan(100);
    expect(body.posts).toEqual({
      value: current.posts,
      previous: previous.posts,
      change: Math.round(((current.posts - previous.posts) / previous.posts) * 10_000) / 10_000,
    });
    expect(body.reach.value).toBe(current.reach);
    expect(body.negativeShare.value).toBeCloseTo(current.negative / current.posts, 4);
    expect(Math.abs(body.authors.value - current.authors)).toBeLessThanOrEqual(Math.max(1, current.authors * 0.05));
    expect(body.openIssues.bySeverity).toEqual({ kritis: 0, tinggi: 0, sedang: 0, rendah: 0 });
  });

  it('should give hourly and daily volume by source equal to SQL, zero-filled', async () => {
    const { body } = await get(`/api/stats/volume?interval=hour&by=source`).expect(200);
    expect(body.buckets.length).toBe(24);
    const rows = await exact(
      `SELECT source_id::text AS key, date_trunc('hour', created_at) AS bucket, count(*)::int AS posts
         FROM posts WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2`,
      [body.from, body.to],
    );
    const fromApi = body.series.flatMap((s: { key: string; points: { bucket: string; posts: number }[] }) =>
      s.points.filter((p) => p.posts > 0).map((p) => `${s.key}|${p.bucket}|${p.posts}`),
    );
    const fromSql = rows.map((r) => `${r.key}|${new Date(r.bucket).toISOString()}|${r.posts}`);
    expect(fromApi.sort()).toEqual(fromSql.sort());
    expect(body.series.map((s: { label: string }) => s.label).sort()).toEqual(['uji-b', 'uji-statistik-a']);

    const days = await get(`/api/stats/volume?interval=day&from=${new Date(now - 48 * HOUR).toISOString()}`).expect(
      200,
    );
    const [{ total }] = await exact(
      `SELECT count(*)::int AS total FROM posts WHERE created_at >= $1 AND created_at < $2`,
      [days.body.from, days.body.to],
    );
    const points = days.body.series[0].points as { bucket: string; posts: number }[];
    expect(points.reduce((sum, p) => sum + p.posts, 0)).toBe(total);
    const offset = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 }[days.body.timeZone as string] ?? 0;
    for (const point of points.slice(1)) {
      expect(new Date(Date.parse(point.bucket) + offset * HOUR).getUTCHours()).toBe(0);
    }
  });

  it.each(['category', 'opd', 'sentiment', 'source'])('should break down by %s as SQL does', async (dim) => {
    const { body } = await get(`/api/stats/breakdown?dim=${dim}`).expect(200);
    const column = dim === 'source' ? 'source_id::text' : dim;
    const rows = await exact(
      `SELECT ${column} AS key, count(*) FILTER (WHERE created_at >= $2)::int AS posts,
              count(*) FILTER (WHERE created_at >= $2 AND sentiment = 'negative')::int AS negative,
              count(*) FILTER (WHERE created_at < $2)::int AS previous
         FROM posts WHERE created_at >= $1 AND created_at < $3 GROUP BY 1`,
      [body.previousFrom, body.from, body.to],
    );
    const expected = rows
      .map((r) => ({
        key: r.key,
        posts: r.posts,
        negativeShare: r.posts === 0 ? 0 : Math.round((r.negative / r.posts) * 10_000) / 10_000,
        change: r.previous === 0 ? null : Math.round(((r.posts - r.previous) / r.previous) * 10_000) / 10_000,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
    expect(
      body.rows
        .map(({ key, posts, negativeShare, change }: Record<string, unknown>) => ({
          key,
          posts,
          negativeShare,
          change,
        }))
        .sort((a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key)),
    ).toEqual(expected);
    expect(body.rows.every((row: { label: string }) => typeof row.label === 'string' && row.label.length > 0)).toBe(
      true,
    );
  });

  it('should break down by region at each level, counting a post once per place and its ancestors', async () => {
    for (const level of ['province', 'regency', 'district'] as const) {
      const { body } = await get(`/api/stats/breakdown?dim=region&level=${level}`).expect(200);
      const depth = { province: 1, regency: 2, district: 3 }[level];
      const rows = await exact(
        `SELECT code AS key, count(*)::int AS posts FROM (
           SELECT DISTINCT p.id, array_to_string((string_to_array(l->>'code', '.'))[1:${depth}], '.') AS code
             FROM posts p, jsonb_array_elements(p.locations) l
            WHERE p.created_at >= $1 AND p.created_at < $2
              AND array_length(string_to_array(l->>'code', '.'), 1) >= ${depth}) x GROUP BY 1`,
        [body.from, body.to],
      );
      expect(rows.length).toBeGreaterThan(0);
      const fromApi = Object.fromEntries(
        body.rows
          .filter((r: { posts: number }) => r.posts > 0)
          .map((r: { key: string; posts: number }) => [r.key, r.posts]),
      );
      expect(fromApi).toEqual(Object.fromEntries(rows.map((r) => [r.key, r.posts])));
      expect(body.level).toBe(level);
    }
    const regencies = await get(`/api/stats/breakdown?dim=region&level=regency`).expect(200);
    const samarinda = regencies.body.rows.find((r: { key: string }) => r.key === '64.72');
    expect(samarinda?.label).toBe('Kota Samarinda');
  });

  it('should apply filters exactly where a rollup can, and name the ones it cannot', async () => {
    const source = sources[0].id;
    const category = (await exact(`SELECT category FROM posts GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, []))[0]
      .category as string;
    const overview = await get(`/api/stats/overview?source=${source}&category=${category}&sentiment=negative`).expect(
      200,
    );
    const [cell] = await exact(
      `SELECT count(*)::int AS n, count(DISTINCT author)::int AS authors FROM posts
        WHERE created_at >= $1 AND created_at < $2 AND source_id = $3 AND category = $4 AND sentiment = 'negative'`,
      [overview.body.from, overview.body.to, source, category],
    );
    expect(overview.body.posts.value).toBe(cell.n);
    expect(Math.abs(overview.body.authors.value - cell.authors)).toBeLessThanOrEqual(Math.max(1, cell.authors * 0.05));
    expect(overview.body.notApplied).toEqual([]);

    const region = await get(`/api/stats/overview?region=64.72&sentiment=negative`).expect(200);
    const [inRegion] = await exact(
      `SELECT count(*)::int AS n FROM posts p WHERE created_at >= $1 AND created_at < $2 AND sentiment = 'negative'
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(p.locations) l WHERE l->>'code' = '64.72' OR l->>'code' LIKE '64.72.%')`,
      [region.body.from, region.body.to],
    );
    expect(inRegion.n).toBeGreaterThan(0);
    expect(region.body.posts.value).toBe(inRegion.n);
    // Distinct authors by region come from the region's sketch: the sentiment filter is not applied to them.
    expect(region.body.authors.notApplied).toEqual(['sentiment']);

    const topic = await get(`/api/stats/breakdown?dim=source&topic=${topicId}`).expect(200);
    const topicRows = await exact(
      `SELECT p.source_id::text AS key, count(*)::int AS posts FROM post_topics t JOIN posts p ON p.id = t.post_id
        WHERE t.topic_id = $1 AND p.created_at >= $2 AND p.created_at < $3 GROUP BY 1`,
      [topicId, topic.body.from, topic.body.to],
    );
    expect(topicRows.length).toBeGreaterThan(0);
    expect(Object.fromEntries(topic.body.rows.map((r: { key: string; posts: number }) => [r.key, r.posts]))).toEqual(
      Object.fromEntries(topicRows.map((r) => [r.key, r.posts])),
    );
    const both = await get(`/api/stats/volume?topic=${topicId}&region=64.72`).expect(200);
    expect(both.body.notApplied).toEqual(['region']);

    // Telusuri: the same filters on /api/posts give the same posts.
    const listed = await get(
      `/api/posts?region=64.72&sentiment=negative&from=${region.body.from}&to=${region.body.to}&limit=1`,
    ).expect(200);
    expect(listed.body.total).toBe(inRegion.n);
    const bySourceId = await get(`/api/posts?source=${source}&limit=1`).expect(200);
    const [{ n: ofSource }] = await exact(`SELECT count(*)::int AS n FROM posts WHERE source_id = $1`, [source]);
    expect(bySourceId.body.total).toBe(ofSource);
    const opd = (await exact(`SELECT opd FROM posts GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, []))[0].opd as string;
    const byOpd = await get(`/api/posts?opd=${encodeURIComponent(opd)}&limit=1`).expect(200);
    const [{ n: ofOpd }] = await exact(`SELECT count(*)::int AS n FROM posts WHERE opd = $1`, [opd]);
    expect(byOpd.body.total).toBe(ofOpd);
  });

  it('should list top authors exactly and top terms as counted in the posts', async () => {
    const byPosts = await get(`/api/stats/top-authors?by=posts&limit=5`).expect(200);
    const rows = await exact(
      `SELECT source_id::text AS source, author, count(*)::int AS posts, sum(likes + replies + reposts)::int AS reach
         FROM posts WHERE created_at >= $1 AND created_at < $2 AND author IS NOT NULL
        GROUP BY 1, 2 ORDER BY 3 DESC, 4 DESC, 2 LIMIT 5`,
      [byPosts.body.from, byPosts.body.to],
    );
    expect(
      byPosts.body.authors.map((a: { author: string; source: { id: string }; posts: number; reach: number }) => ({
        source: a.source.id,
        author: a.author,
        posts: a.posts,
        reach: a.reach,
      })),
    ).toEqual(rows);
    const byReach = await get(`/api/stats/top-authors?by=reach&limit=3`).expect(200);
    const reach = byReach.body.authors.map((a: { reach: number }) => a.reach);
    expect(reach).toEqual([...reach].sort((a, b) => b - a));

    const terms = await get(`/api/stats/top-terms?limit=10`).expect(200);
    expect(terms.body.terms.length).toBe(10);
    // With fewer distinct words per batch than the per-batch bound, term counts are exact document frequencies.
    for (const { term, posts: count } of terms.body.terms.slice(0, 3)) {
      const [{ n }] = await exact(
        `SELECT count(*)::int AS n FROM posts WHERE created_at >= $1 AND created_at < $2 AND lower(text) ~ ('\\m' || $3 || '\\M')`,
        [terms.body.from, terms.body.to, term],
      );
      expect({ term, count }).toEqual({ term, count: n });
    }
    expect(terms.body.terms.map((t: { term: string }) => t.term)).not.toContain('yang');
  });

  it('should let analyst, pimpinan and admin read stats, refuse anonymous callers, and explain bad input in Indonesian', async () => {
    for (const role of [Role.Admin, Role.Analyst, Role.Pimpinan]) {
      await get('/api/stats/breakdown?dim=sentiment', role).expect(200);
    }
    await api().get('/api/stats/overview').expect(401);
    const bad = await get('/api/stats/volume?interval=week&sentiment=marah&region=6472').expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'interval: harus hour atau day',
        'sentiment: harus positive, neutral, atau negative',
        expect.stringMatching(/^region: harus kode/),
      ]),
    );
    const reversed = await get(
      `/api/stats/overview?from=${new Date(now).toISOString()}&to=${new Date(now - HOUR).toISOString()}`,
    ).expect(400);
    expect(reversed.body.message).toEqual(['to: harus setelah from']);
  });

  it('should stream a posts event over SSE when a batch is stored', async () => {
    await get('/api/events').expect(406);
    const url = new URL('/api/events', running.url);
    const received: string[] = [];
    const connection = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(
          url,
          { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${tokens[Role.Pimpinan]}` } },
          resolve,
        )
        .on('error', reject);
    });
    expect(connection.statusCode).toBe(200);
    expect(connection.headers['content-type']).toMatch(/^text\/event-stream/);
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => received.push(chunk));
    try {
      await waitUntil(
        async () => received.join(''),
        (text) => text.includes('event: ready'),
        { what: 'ready' },
      );
      await ingest.processBatch(randomUUID(), sources[1].id, posts('live', 7, now));
      const text = await waitUntil(
        async () => received.join(''),
        (all) => /event: posts\ndata: .*"posts":7/u.test(all),
        { what: 'posts event', timeoutMs: 20_000 },
      );
      const data = JSON.parse(/event: posts\ndata: (.*)\n/u.exec(text)?.[1] ?? '{}');
      expect(data).toMatchObject({ posts: 7, bySource: { [sources[1].id]: 7 } });
    } finally {
      connection.destroy();
    }
  });

  it('should prune rollup rows of expired hours with the posts, and keep the rest', async () => {
    const old = now - 40 * 24 * HOUR;
    await ingest.processBatch(randomUUID(), sources[0].id, posts('lama', 30, old));
    const counts = async () =>
      (
        await exact(
          `SELECT (SELECT count(*) FROM stats_volume_hourly WHERE hour < $1)::int AS old_volume,
                  (SELECT count(*) FROM stats_author_sketches WHERE hour < $1)::int AS old_sketches,
                  (SELECT count(*) FROM stats_terms_hourly WHERE hour < $1)::int AS old_terms,
                  (SELECT count(*) FROM stats_volume_hourly WHERE hour >= $1)::int AS recent`,
          [new Date(now - 30 * 24 * HOUR)],
        )
      )[0];
    const before = await counts();
    expect(before.old_volume).toBeGreaterThan(0);
    expect(before.old_sketches).toBeGreaterThan(0);
    const overview = (await get('/api/stats/overview').expect(200)).body;
    await running.system.app
      .get(RetentionProcessor)
      .process({ name: JobName.PurgeExpiredPosts, data: { retentionDays: 30 } } as Job);
    expect(await counts()).toEqual({ old_volume: 0, old_sketches: 0, old_terms: 0, recent: before.recent });
    expect((await get('/api/stats/overview').expect(200)).body.posts).toEqual(overview.posts);
  });
});
