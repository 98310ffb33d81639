/**
 * What the detector keeps in PostgreSQL: counts written at ingest (inside the batch's transaction), the detector's
 * view of each post (fed to the detection worker, replayed after a restart), its baselines and the map from its
 * in-memory issue ids to issue rows.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash as digest } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { copyRows, type CopyValue } from '../database/copy-rows.js';
import { int4Array, int8ArrayFromHex, timestamptzArray } from '../database/binary-arrays.js';
import { GenerationCache } from '../common/generation-cache.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { StoredPost } from '../ingestion/stored-post.js';
import type { SharedCountsUpdate } from '../ingestion/ingested-posts-listener.js';
import type { BucketCountRow, DetectorPost, KeyBaselineRow } from './detection/detection.types.js';
import { forEachFeatureKey, kindOfKey } from './detection/feature-extractor.js';
import { toDetectorPost } from './detection/post-adapter.js';

export interface StoredDetectorPost {
  postId: string;
  ingestedAt: Date;
  doc: DetectorPost;
}

/**
 * 64-bit hash of an author key as 16 hex digits: the first 8 bytes of SHA-1, stored as the signed bigint they spell
 * big-endian (int8ArrayFromHex). Distinct-author rows never store the handle itself.
 */
export function authorHashHex(author: string): string {
  return digest('sha1', author, 'buffer').toString('hex', 0, 8);
}

/** 64-bit hash of a detection key, as 16 hex digits: the first 8 bytes of SHA-256, as migration 1764000001000 computes it. */
export function keyHashHex(key: string): string {
  return digest('sha256', key, 'buffer').toString('hex', 0, 8);
}

/** One (bucket, key) of a batch: its posts, its hash once the counts are written, the post that counted it last. */
interface KeyCell {
  key: string;
  hash: string;
  posts: number;
  lastPost: number;
}

/** One bucket of a batch: its key cells, and for each author (hash, hex) the cells the author was counted for. */
interface BucketCounts {
  cells: Map<string, KeyCell>;
  authorCells: Map<string, Set<KeyCell>>;
}

/** Name of the detection_state row with the detector's DetectionStatus after its last pass. */
export const DETECTION_STATUS_STATE = 'status';

@Injectable()
export class DetectionStateRepository {
  /** Bucket length of the stored counts; the detection engine runs its detector with the same. */
  readonly bucketMs: number;
  /** Hashes of detection keys seen lately (a few thousand distinct keys cover a day's stream), by generation. */
  private readonly keyHashes = new GenerationCache<string, string>(50_000);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.bucketMs = config.detectionBucketMinutes * 60_000;
  }

  /**
   * Ingest-time counting, run by the ingest worker inside the batch's transaction (ingestion's
   * IngestedPostsListener). The batch is aggregated in memory first: its detector views go to detection_posts in one
   * COPY; each (bucket, author) upserts one detection_author_keys row with the hashes of the keys the author was
   * counted for, returning the keys that were new for that author (so distinct authors stay exact across batches and
   * workers); detection_counts grows once per distinct (bucket, key) by the posts and by the new authors. Rows are
   * written in sorted order so that concurrent batches lock them in the same order (no deadlocks). Only the COPY runs
   * here; the upsert of the shared rows (addCounts) is returned, for PostStore to run at the end of the transaction.
   */
  async countInserted(manager: EntityManager, inserted: StoredPost[]): Promise<SharedCountsUpdate> {
    if (inserted.length === 0) {
      return { apply: () => Promise.resolve() };
    }
    const docs: CopyValue[][] = [];
    const buckets = new Map<number, BucketCounts>();
    const authors = new Map<string, string>();
    let post = 0;
    for (const stored of inserted) {
      const doc = toDetectorPost(
        {
          id: stored.id,
          text: '',
          createdAt: stored.createdAt.getTime(),
          author: stored.author ?? undefined,
          source: stored.sourceId,
          reach: stored.reach,
          url: stored.url ?? undefined,
        },
        stored.analysis,
      );
      docs.push([stored.id, stored.createdAt, JSON.stringify(doc)]);
      const bucket = Math.floor(doc.createdAt / this.bucketMs) * this.bucketMs;
      let author = authors.get(doc.author);
      if (author === undefined) {
        author = authorHashHex(doc.author);
        authors.set(doc.author, author);
      }
      const { cells, authorCells } = getOrAdd(buckets, bucket, () => ({ cells: new Map(), authorCells: new Map() }));
      const counted = getOrAdd(authorCells, author, () => new Set<KeyCell>());
      const current = post++;
      // A post counts each of its keys once: the cell remembers the last post that counted it.
      const count = (key: string): void => {
        let cell = cells.get(key);
        if (cell === undefined) {
          cell = { key, hash: '', posts: 0, lastPost: -1 };
          cells.set(key, cell);
        }
        if (cell.lastPost !== current) {
          cell.lastPost = current;
          cell.posts++;
          counted.add(cell);
        }
      };
      count('*');
      forEachFeatureKey(doc, count);
    }
    await copyRows(manager, 'detection_posts (post_id, created_at, doc)', docs);
    // The counters are shared with every concurrent batch of the same buckets: the caller runs them last.
    return { apply: (tail) => this.addCounts(tail, buckets) };
  }

  /**
   * One statement for both shared tables. Each (bucket, author) upserts its detection_author_keys row: the row's key
   * set grows by the keys it lacked, and `added` keeps those; an author already counted for every key of this batch
   * is not rewritten. detection_counts then grows, per (bucket, key) cell of the batch, by its posts and by the
   * authors whose `added` holds the cell's key hash. The key hashes of all author rows travel as one binary bigint[]
   * that each row slices ([s:e]); nothing comes back to JavaScript.
   */
  private async addCounts(manager: EntityManager, buckets: Map<number, BucketCounts>): Promise<void> {
    const authorStarts: number[] = [];
    const authors: string[] = [];
    const from: number[] = [];
    const to: number[] = [];
    const authorKeys: string[] = [];
    const cellStarts: number[] = [];
    const keys: string[] = [];
    const keyHashes: string[] = [];
    const posts: number[] = [];
    for (const [bucket, { cells, authorCells }] of buckets) {
      for (const cell of cells.values()) {
        cell.hash = this.keyHashes.get(cell.key, keyHashHex);
        cellStarts.push(bucket);
        keys.push(cell.key);
        keyHashes.push(cell.hash);
        posts.push(cell.posts);
      }
      for (const [author, counted] of authorCells) {
        authorStarts.push(bucket);
        authors.push(author);
        from.push(authorKeys.length + 1);
        for (const cell of counted) {
          authorKeys.push(cell.hash);
        }
        to.push(authorKeys.length);
      }
    }
    // ORDER BY in both inserts: concurrent batches lock the shared rows in one order (no deadlocks).
    await manager.query(
      `WITH up AS (
         INSERT INTO detection_author_keys AS t (bucket_start, author_hash, keys, added)
         SELECT b, a, k, k
           FROM (SELECT i.b, i.a, ($3::bigint[])[i.s:i.e] AS k
                   FROM unnest($1::timestamptz[], $2::bigint[], $4::int[], $5::int[]) AS i(b, a, s, e)) AS i
         ORDER BY b, a
         ON CONFLICT (bucket_start, author_hash) DO UPDATE
           SET added = ARRAY(SELECT unnest(excluded.keys) EXCEPT SELECT unnest(t.keys)),
               keys = t.keys || ARRAY(SELECT unnest(excluded.keys) EXCEPT SELECT unnest(t.keys))
           WHERE NOT (t.keys @> excluded.keys)
         RETURNING bucket_start, added
       ),
       fresh AS (SELECT bucket_start AS b, h, count(*)::int AS n FROM up, unnest(added) AS h GROUP BY 1, 2)
       INSERT INTO detection_counts (bucket_start, key, posts, authors)
       SELECT c.b, c.k, c.p, coalesce(f.n, 0)
         FROM unnest($6::timestamptz[], $7::text[], $8::bigint[], $9::int[]) AS c(b, k, h, p)
         LEFT JOIN fresh f ON f.b = c.b AND f.h = c.h
        ORDER BY c.b, c.k
       ON CONFLICT (bucket_start, key) DO UPDATE
         SET posts = detection_counts.posts + excluded.posts, authors = detection_counts.authors + excluded.authors`,
      [
        timestamptzArray(authorStarts),
        int8ArrayFromHex(authors),
        int8ArrayFromHex(authorKeys),
        int4Array(from),
        int4Array(to),
        timestamptzArray(cellStarts),
        keys,
        int8ArrayFromHex(keyHashes),
        int4Array(posts),
      ],
    );
  }

  /** Ids and ingest times of posts ingested since `since` (light: the docs are fetched only for unseen ids). */
  async idsIngestedSince(since: Date, limit: number): Promise<{ postId: string; ingestedAt: Date }[]> {
    const rows = await this.db.query<{ post_id: string; ingested_at: Date }[]>(
      `SELECT post_id::text, ingested_at FROM detection_posts WHERE ingested_at >= $1
        ORDER BY detection_posts.ingested_at, detection_posts.post_id LIMIT $2`,
      [since, limit],
    );
    return rows.map((r) => ({ postId: r.post_id, ingestedAt: new Date(r.ingested_at) }));
  }

  async docsOf(postIds: string[]): Promise<StoredDetectorPost[]> {
    if (postIds.length === 0) {
      return [];
    }
    const rows = await this.db.query<{ post_id: string; ingested_at: Date; doc: DetectorPost }[]>(
      `SELECT post_id::text, ingested_at, doc FROM detection_posts WHERE post_id = ANY($1::bigint[])`,
      [postIds],
    );
    return rows.map((r) => ({ postId: r.post_id, ingestedAt: new Date(r.ingested_at), doc: r.doc }));
  }

  /** Detector views of posts ingested since `since` (a cursor with a safety margin), in time order. */
  async postsIngestedSince(since: Date, limit: number): Promise<StoredDetectorPost[]> {
    const rows = await this.db.query<{ post_id: string; ingested_at: Date; doc: DetectorPost }[]>(
      `SELECT post_id::text, ingested_at, doc FROM detection_posts WHERE ingested_at >= $1
        ORDER BY detection_posts.ingested_at, detection_posts.post_id LIMIT $2`,
      [since, limit],
    );
    return rows.map((r) => ({ postId: r.post_id, ingestedAt: new Date(r.ingested_at), doc: r.doc }));
  }

  /**
   * Detector views of posts created in [from, to), by post id after `afterId` (replay after a restart, in pages).
   * The order is the column's, not the selected text's: ordered as text ('944' after '5499') a page skipped posts
   * whose ids sort late as text, and the restore's paging by the largest id never read them.
   */
  async postsCreatedBetween(from: Date, to: Date, afterId = '0', limit = 5000): Promise<StoredDetectorPost[]> {
    const rows = await this.db.query<{ post_id: string; ingested_at: Date; doc: DetectorPost }[]>(
      `SELECT post_id::text, ingested_at, doc FROM detection_posts
        WHERE created_at >= $1 AND created_at < $2 AND post_id > $3::bigint
        ORDER BY detection_posts.post_id LIMIT $4`,
      [from, to, afterId, limit],
    );
    return rows.map((r) => ({ postId: r.post_id, ingestedAt: new Date(r.ingested_at), doc: r.doc }));
  }

  /** Stored counts of buckets in [from, to) as detector rows (voices = distinct authors: copies are not grouped here). */
  async countsBetween(from: Date, to: Date): Promise<BucketCountRow[]> {
    const rows = await this.db.query<{ b: string; key: string; posts: number; authors: number }[]>(
      `SELECT (extract(epoch FROM bucket_start) * 1000)::bigint::text AS b, key, posts, authors
         FROM detection_counts WHERE bucket_start >= $1 AND bucket_start < $2`,
      [from, to],
    );
    return rows.map((r) => ({
      bucketStart: Number(r.b),
      key: r.key,
      kind: kindOfKey(r.key),
      posts: r.posts,
      authors: r.authors,
      voices: r.authors,
    }));
  }

  async newestPostTime(): Promise<Date | null> {
    const [row] = await this.db.query<{ at: Date | null }[]>(`SELECT max(created_at) AS at FROM detection_posts`);
    return row?.at ? new Date(row.at) : null;
  }

  async loadState<T>(name: string): Promise<T | null> {
    const [row] = await this.db.query<{ value: T }[]>(`SELECT value FROM detection_state WHERE name = $1`, [name]);
    return row ? row.value : null;
  }

  async saveState(name: string, value: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO detection_state (name, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [name, JSON.stringify(value)],
    );
  }

  async saveBaselines(rows: KeyBaselineRow[]): Promise<void> {
    await this.saveState('baselines', rows);
  }

  async loadBaselines(): Promise<KeyBaselineRow[]> {
    return (await this.loadState<KeyBaselineRow[]>('baselines')) ?? [];
  }

  /** Drops ingest-time rows no pass needs any more. */
  async purge(now: Date): Promise<{ keyAuthors: number; counts: number; posts: number }> {
    const day = 24 * 3600_000;
    const keyAuthors = await this.db.query(`DELETE FROM detection_author_keys WHERE bucket_start < $1`, [
      new Date(now.getTime() - 2 * day),
    ]);
    const counts = await this.db.query(`DELETE FROM detection_counts WHERE bucket_start < $1`, [
      new Date(now.getTime() - 8 * day),
    ]);
    const posts = await this.db.query(`DELETE FROM detection_posts WHERE created_at < $1`, [
      new Date(now.getTime() - 2 * day),
    ]);
    const affected = (r: unknown): number => (Array.isArray(r) && typeof r[1] === 'number' ? r[1] : 0);
    return { keyAuthors: affected(keyAuthors), counts: affected(counts), posts: affected(posts) };
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
