import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import request from 'supertest';
import { JobQueues } from '../../src/queue/job-queues.service.js';
import { QueueName } from '../../src/queue/queue-names.js';
import { schedulerIdOf } from '../../src/sources/source-scheduler.service.js';
import { loginAs } from '../support/auth.js';
import { queueBackendsUnderTest, startTestSystem, TestSystem, uniqueName } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

interface FeedItem {
  guid: string;
  title: string;
  minutesAgo: number;
}

function rss(items: FeedItem[]): string {
  const entries = items
    .map(
      (item) => `<item><title>${item.title}</title><link>https://portal.example/berita/${item.guid}</link>
        <guid isPermaLink="false">${item.guid}</guid><pubDate>${new Date(Date.now() - item.minutesAgo * 60_000).toUTCString()}</pubDate>
        <description>${item.title} menurut warga setempat.</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Portal Uji</title>
    <link>https://portal.example/</link><description>uji</description>${entries}</channel></rss>`;
}

/** A local feed server: `/feed.xml` serves the current items, `/broken.xml` a truncated document. */
async function startFeedServer() {
  const items: FeedItem[] = [
    { guid: 'b-1', title: 'Jalan di Sempaja rusak parah', minutesAgo: 30 },
    { guid: 'b-2', title: 'Air PDAM mati di Sidodadi', minutesAgo: 20 },
    { guid: 'b-3', title: 'Banjir di Sungai Kunjang', minutesAgo: 10 },
  ];
  const hits = { feed: 0, broken: 0 };
  const server: Server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      hits.feed++;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(items));
    } else if (req.url === '/broken.xml') {
      hits.broken++;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items).slice(0, 180));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { items, hits, base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(queueBackendsUnderTest())('Source scheduling and fetching (queue on %s)', (backend) => {
  let running: TestSystem;
  let admin: string;
  let db: pg.Client;
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;

  beforeAll(async () => {
    feeds = await startFeedServer();
    running = await startTestSystem({ backend, env: { PANTAU_ALLOW_PRIVATE_SOURCES: 'true' } });
    admin = await loginAs(running, 'admin');
    db = new pg.Client(running.database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
    await feeds.close();
  });

  const api = () => request(running.url);
  const postCount = async (sourceId: string) =>
    (await db.query('SELECT count(*)::int AS n FROM posts WHERE source_id = $1', [sourceId])).rows[0].n as number;
  const health = async (sourceId: string) =>
    (await api().get(`/api/sources/${sourceId}`).set('Authorization', `Bearer ${admin}`).expect(200)).body;
  const scheduler = (sourceId: string) =>
    running.system.app.get(JobQueues).queue(QueueName.Sources).getJobScheduler(schedulerIdOf(sourceId));

  async function createFeed(path: string) {
    const response = await api()
      .post('/api/sources')
      .set('Authorization', `Bearer ${admin}`)
      .send({ type: 'rss', name: uniqueName('portal'), config: { url: `${feeds.base}${path}` }, intervalSeconds: 10 })
      .expect(201);
    return response.body.id as string;
  }

  it('should fetch a feed on schedule into the database, mark a broken feed unhealthy, and keep both apart', async () => {
    const good = await createFeed('/feed.xml');
    const broken = await createFeed('/broken.xml');

    await waitUntil(
      () => postCount(good),
      (n) => n === 3,
      { what: 'the 3 feed items stored', timeoutMs: 45_000 },
    );
    const brokenHealth = await waitUntil(
      () => health(broken),
      (source) => source.health.status === 'unhealthy',
      { what: 'the broken feed marked unhealthy', timeoutMs: 45_000 },
    );
    expect(brokenHealth.health.lastError).toMatch(/[a-z]/i);
    expect(brokenHealth.health.consecutiveFailures).toBeGreaterThanOrEqual(1);
    expect(brokenHealth.health.nextRunAt).not.toBeNull();
    expect(await postCount(broken)).toBe(0);

    const goodHealth = await waitUntil(
      () => health(good),
      (source) => source.health.status === 'healthy' && source.health.postsFetched >= 3,
      { what: 'the good feed healthy' },
    );
    expect(goodHealth.health.lastSuccessAt).not.toBeNull();
    expect(goodHealth.health.lastError).toBeNull();

    const [post] = (
      await db.query('SELECT text, url, demo, analyzed_at FROM posts WHERE source_id = $1 LIMIT 1', [good])
    ).rows;
    expect(post.demo).toBe(false);
    expect(post.analyzed_at).not.toBeNull();
  });

  it('should take only the new item on the next run (cursor kept), with no duplicate', async () => {
    const source = await createFeed('/feed.xml');
    await waitUntil(
      () => postCount(source),
      (n) => n === 3,
      { what: 'first fetch', timeoutMs: 45_000 },
    );
    feeds.items.push({ guid: 'b-4', title: 'Sampah menumpuk di Pasar Segiri', minutesAgo: 1 });
    await api().post(`/api/sources/${source}/run`).set('Authorization', `Bearer ${admin}`).expect(202);
    await waitUntil(
      () => postCount(source),
      (n) => n === 4,
      { what: 'the new item stored', timeoutMs: 45_000 },
    );
    const keys = (await db.query('SELECT count(*)::int AS n FROM post_keys WHERE source_id = $1', [source])).rows[0].n;
    expect(keys).toBe(4);
    feeds.items.pop();
  });

  it('should stop fetching on pause, start again on resume, and keep the posts on delete', async () => {
    const source = await createFeed('/feed.xml');
    await waitUntil(
      () => postCount(source),
      (n) => n >= 3,
      { what: 'first fetch', timeoutMs: 45_000 },
    );
    expect(await scheduler(source)).toBeDefined();

    const paused = await api().post(`/api/sources/${source}/pause`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(paused.body.health.status).toBe('paused');
    expect(await scheduler(source)).toBeUndefined();

    const before = (await health(source)).health.lastRunAt;
    await api().post(`/api/sources/${source}/resume`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(await scheduler(source)).toBeDefined();
    await waitUntil(
      async () => (await health(source)).health.lastRunAt,
      (lastRunAt) => lastRunAt !== before,
      { what: 'a fetch after resume', timeoutMs: 45_000 },
    );

    const stored = await postCount(source);
    await api().delete(`/api/sources/${source}`).set('Authorization', `Bearer ${admin}`).expect(204);
    expect(await scheduler(source)).toBeUndefined();
    expect(await postCount(source)).toBe(stored);
    const status = (await db.query('SELECT status, deleted_at FROM sources WHERE id = $1', [source])).rows[0];
    expect(status.status).toBe('deleted');
    expect(status.deleted_at).not.toBeNull();
  });
});
