import { hash, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { BUCKET_MS } from './issue-stream.js';

/** Ingest-time counts through the batched write path: one row per (bucket, author), exact under concurrency. */
describe('Detection counts at ingest', () => {
  let running: TestSystem;
  let ingest: IngestService;
  let db: pg.Client;
  const bucket = Math.floor((Date.now() - 6 * 3600_000) / BUCKET_MS) * BUCKET_MS;

  const posts = (prefix: string, authors: string[], text: string): IngestPostPayload[] =>
    authors.map((author, i) => ({
      externalId: `${prefix}-${i}`,
      text,
      createdAt: new Date(bucket + 60_000 + i).toISOString(),
      author,
    }));
  const count = async (key: string) => {
    const { rows } = await db.query<{ posts: number; authors: number }>(
      `SELECT posts, authors FROM detection_counts WHERE key = $1 AND bucket_start = $2`,
      [key, new Date(bucket)],
    );
    return rows[0];
  };

  beforeAll(async () => {
    running = await startTestSystem({ role: 'api' });
    ingest = running.system.app.get(IngestService);
    db = new pg.Client(running.database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  it('should count each author once per key when concurrent batches repeat the same authors', async () => {
    const { id: sourceId } = await ingest.findOrCreatePushSource('uji-hitung');
    const authors = Array.from({ length: 40 }, (_, i) => `warga${i % 25}`);
    const text = 'banjir besar melanda pasar pagi ini';
    await Promise.all([
      ingest.processBatch(randomUUID(), sourceId, posts('a', authors, text)),
      ingest.processBatch(randomUUID(), sourceId, posts('b', authors, text)),
      ingest.processBatch(randomUUID(), sourceId, posts('c', authors.slice(0, 10), `${text} #banjir`)),
    ]);
    expect(await count('*')).toEqual({ posts: 90, authors: 25 });
    expect(await count('t:banjir')).toEqual({ posts: 90, authors: 25 });
    // The hashtag came from 10 posts of 10 authors only.
    expect(await count('h:banjir')).toEqual({ posts: 10, authors: 10 });
  });

  it('should count new authors of a later batch and nothing for a retried one', async () => {
    const { id: sourceId } = await ingest.findOrCreatePushSource('uji-hitung');
    const before = await count('*');
    const jobId = randomUUID();
    const later = posts('d', ['warga1', 'warga2', 'baru1', 'baru2'], 'jalan rusak di depan pasar');
    await ingest.processBatch(jobId, sourceId, later);
    await ingest.processBatch(jobId, sourceId, later);
    expect(await count('*')).toEqual({ posts: before.posts + 4, authors: before.authors + 2 });
    const stored = await db.query(`SELECT count(*)::int AS n FROM detection_posts`);
    expect(stored.rows[0].n).toBe(94);
  });

  it('should store author and key hashes as the signed bigint of the digest prefix, as the migration computes keys', async () => {
    const { id: sourceId } = await ingest.findOrCreatePushSource('uji-hash');
    const at = new Date(bucket + 30 * 60_000).toISOString();
    await ingest.processBatch(randomUUID(), sourceId, [
      { externalId: 'hash-1', text: 'lampu jalan padam', createdAt: at, author: 'pemilik.hash' },
    ]);
    const prefix = (algorithm: string, text: string) => hash(algorithm, text, 'buffer').readBigInt64BE(0).toString();
    const { rows } = await db.query<{ keys: string[]; sql: string }>(
      `SELECT keys::text[] AS keys,
              (SELECT ('x' || encode(substring(sha256(convert_to('*', 'UTF8')) FROM 1 FOR 8), 'hex'))::bit(64)::bigint)::text
                AS sql
         FROM detection_author_keys WHERE author_hash = $1`,
      [prefix('sha1', `${sourceId}:pemilik.hash`)],
    );
    expect(rows).toHaveLength(1);
    // '*' counts every post; its hash is the one the migration's SQL gives, and negative hashes survive the trip.
    expect(rows[0].keys).toContain(rows[0].sql);
    expect(rows[0].keys).toEqual(
      expect.arrayContaining(['*', 't:lampu', 't:jalan', 'b:lampu jalan'].map((key) => prefix('sha256', key))),
    );
  });
});
