import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { INGESTED_POSTS_LISTENER, type IngestedPostsListener } from '../../src/ingestion/ingested-posts-listener.js';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { PostStore } from '../../src/ingestion/post-store.repository.js';
import { loginAs } from '../support/auth.js';
import { makePosts } from '../support/factories.js';
import { createTestDatabase, TestDatabase } from '../support/test-database.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

/** Releases the held call when `release()` is called; `entered` resolves once the call is being held. */
function gate() {
  let release!: () => void;
  let entered!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (entered = resolve));
  return { release, entered, released, reached };
}

/**
 * A batch analysed before a topic existed, stored only after the topic's history backfill completed (the interleaving
 * that lost the match for good: the backfill never sees the batch, the batch never saw the topic). The batch is held
 * between its analysis and its transaction through the real PostStore (the call goes through once released), so the
 * interleaving is forced, not hoped for. Run with analysis in the event loop, in a worker thread, and across two
 * processes (API creates the topic, a worker process analyses the batch and runs the backfill, on Redis when set).
 */
describe.each([
  { name: 'one process, analysis in the event loop', threads: '0', split: false },
  { name: 'one process, analysis in a worker thread', threads: '1', split: false },
  { name: 'API and worker processes', threads: '1', split: true },
])('a batch analysed before its topic was created ($name)', ({ threads, split }) => {
  let database: TestDatabase;
  let api: TestSystem;
  let worker: TestSystem;
  let db: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    const backend = split && process.env.REDIS_URL ? 'redis' : 'postgres';
    const env = { PANTAU_ANALYSIS_THREADS: threads };
    if (split) {
      api = await startTestSystem({ database, backend, role: 'api', env });
      worker = await startTestSystem({ database, backend, role: 'worker', env });
    } else {
      api = worker = await startTestSystem({ database, backend, env });
    }
    db = new pg.Client(database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    if (worker !== api) {
      await worker?.stop();
    }
    await api?.stop();
    await database?.drop();
  });

  /** Posts of a new batch, a third of them about a flood; and how many. */
  function batchOf(prefix: string): { posts: IngestPostPayload[]; flooded: number } {
    const posts: IngestPostPayload[] = makePosts(12, { prefix }).map((post, index) => ({
      ...post,
      text: index % 3 === 0 ? `Banjir setinggi lutut di jalan ${index}, warga mengungsi` : post.text,
    }));
    return { posts, flooded: posts.filter((post) => /banjir/i.test(post.text)).length };
  }

  async function createTopic(admin: string, name: string): Promise<{ topicId: string; backfillId: string }> {
    const created = await request(api.url)
      .post('/api/topics')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ name, query: 'banjir' })
      .expect(201);
    return { topicId: String(created.body.id), backfillId: String(created.body.backfill.id) };
  }

  const backfillState = async (id: string) =>
    (await db.query<{ state: string }>(`SELECT state FROM analysis_jobs WHERE id = $1`, [id])).rows[0]?.state;
  /** Matches of the topic among the posts of one batch (makePosts' urls carry the prefix). */
  const matchesOf = async (topicId: string, prefix: string) => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM post_topics pt JOIN posts p ON p.id = pt.post_id
       WHERE pt.topic_id = $1 AND p.url LIKE $2`,
      [topicId, `https://example.org/${prefix}/%`],
    );
    return rows[0].n;
  };

  it('should match the topic when the batch commits, inside its transaction, while the backfill starts', async () => {
    const admin = await loginAs(api, 'admin');
    const ingest = worker.system.app.get(IngestService);
    const listener = worker.system.app.get<IngestedPostsListener>(INGESTED_POSTS_LISTENER);
    const sourceId = (await ingest.findOrCreatePushSource('uji-topik-transaksi')).id;
    const prefix = `transaksi-${threads}-${split}`;
    const { posts, flooded } = batchOf(prefix);
    const hold = gate();
    const onStored = listener.onStored.bind(listener);
    const spy = jest
      .spyOn(listener, 'onStored')
      .mockImplementation(async (...args: Parameters<IngestedPostsListener['onStored']>) => {
        hold.entered();
        await hold.released;
        return onStored(...args);
      });
    try {
      // Analysed without the topic; held inside its transaction, after its posts were inserted, before its commit.
      const batch = ingest.processBatch(randomUUID(), sourceId, posts);
      await hold.reached;
      const { topicId, backfillId } = await createTopic(admin, 'Banjir transaksi');
      // Release once the backfill either waits for the batch (the fence) or has completed without it.
      await waitUntil(
        async () => {
          const { rows } = await db.query<{ waiting: boolean }>(
            `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS waiting`,
          );
          return rows[0].waiting || (await backfillState(backfillId)) === 'completed';
        },
        Boolean,
        { what: 'the topic backfill to wait or complete' },
      );
      hold.release();
      await expect(batch).resolves.toMatchObject({ stored: posts.length });
      await waitUntil(
        () => backfillState(backfillId),
        (state) => state === 'completed',
        { what: 'the backfill' },
      );
      expect(await matchesOf(topicId, prefix)).toBe(flooded);
    } finally {
      hold.release();
      spy.mockRestore();
    }
  });

  it('should match the topic once the batch is stored after the backfill completed', async () => {
    const admin = await loginAs(api, 'admin');
    const ingest = worker.system.app.get(IngestService);
    const store = worker.system.app.get(PostStore);
    const sourceId = (await ingest.findOrCreatePushSource('uji-topik-baru')).id;
    const prefix = `banjir-${threads}-${split}`;
    const { posts, flooded } = batchOf(prefix);
    const hold = gate();
    const jobId = randomUUID();
    const storeBatch = store.storeBatch.bind(store);
    const spy = jest
      .spyOn(store, 'storeBatch')
      .mockImplementation(async (...args: Parameters<PostStore['storeBatch']>) => {
        if (args[0] === jobId) {
          hold.entered();
          await hold.released;
        }
        return storeBatch(...args);
      });
    try {
      const batch = ingest.processBatch(jobId, sourceId, posts);
      await hold.reached; // analysed, without the topic

      const { topicId, backfillId } = await createTopic(admin, 'Banjir baru');
      await waitUntil(
        () => backfillState(backfillId),
        (state) => state === 'completed',
        { what: 'the backfill' },
      );

      hold.release();
      await expect(batch).resolves.toMatchObject({ stored: posts.length });
      expect(await matchesOf(topicId, prefix)).toBe(flooded);
    } finally {
      hold.release();
      spy.mockRestore();
    }
  });
});
