/**
 * What the detector keeps in PostgreSQL: counts written at ingest (inside the batch's transaction), the detector's
 * view of each post (fed to the detection worker, replayed after a restart), its baselines and the map from its
 * in-memory issue ids to issue rows.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { StoredPost } from '../ingestion/post-store.repository.js';
import type { BucketCountRow, DetectorPost, KeyBaselineRow } from './detection/detection.types.js';
import { extractFeatures, kindOfKey } from './detection/feature-extractor.js';
import { toDetectorPost } from './detection/post-adapter.js';

interface PostMeta {
  id: string;
  source_id: string;
  author: string | null;
  url: string | null;
  reach: number;
}

export interface StoredDetectorPost {
  postId: string;
  ingestedAt: Date;
  doc: DetectorPost;
}

/** 64-bit signed hash of an author key (distinct-author rows never store the handle itself). */
export function authorHash(author: string): string {
  return createHash('sha1').update(author).digest().readBigInt64BE(0).toString();
}

/** Name of the detection_state row with the detector's DetectionStatus after its last pass. */
export const DETECTION_STATUS_STATE = 'status';

@Injectable()
export class DetectionStateRepository {
  /** Bucket length of the stored counts; the detection engine runs its detector with the same. */
  readonly bucketMs: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.bucketMs = config.detectionBucketMinutes * 60_000;
  }

  /**
   * Ingest-time counting, run by the ingest worker inside the batch's transaction. For every inserted post: its
   * detector view goes to detection_posts; each (bucket, key, author) is recorded once in detection_key_authors
   * (ON CONFLICT DO NOTHING), and detection_counts grows by the posts and by the authors that were new. Rows are
   * written in sorted order so that concurrent batches lock them in the same order (no deadlocks).
   */
  async countInserted(manager: EntityManager, inserted: StoredPost[]): Promise<void> {
    if (inserted.length === 0) {
      return;
    }
    const metas = await manager.query<PostMeta[]>(
      `SELECT id::text AS id, source_id, author, url, (likes + replies + reposts)::int AS reach
         FROM posts WHERE id = ANY($1::bigint[])`,
      [inserted.map((p) => p.id)],
    );
    const metaById = new Map(metas.map((m) => [m.id, m]));
    const docIds: string[] = [];
    const docTimes: Date[] = [];
    const docs: string[] = [];
    /** bucketStart|key → posts, and the set of (bucketStart|key|author) cells. */
    const posts = new Map<string, number>();
    const cells = new Set<string>();
    for (const stored of inserted) {
      const meta = metaById.get(stored.id);
      if (!meta) {
        continue;
      }
      const doc = toDetectorPost(
        {
          id: stored.id,
          text: '',
          createdAt: stored.createdAt.getTime(),
          author: meta.author ?? undefined,
          source: meta.source_id,
          reach: meta.reach,
          url: meta.url ?? undefined,
        },
        stored.analysis,
      );
      docIds.push(stored.id);
      docTimes.push(stored.createdAt);
      docs.push(JSON.stringify(doc));
      const bucket = Math.floor(doc.createdAt / this.bucketMs) * this.bucketMs;
      const author = authorHash(doc.author);
      for (const key of ['*', ...extractFeatures(doc).map((f) => f.key)]) {
        const cell = `${bucket}|${key}`;
        posts.set(cell, (posts.get(cell) ?? 0) + 1);
        cells.add(`${cell}|${author}`);
      }
    }
    if (docs.length === 0) {
      return;
    }
    await manager.query(
      `INSERT INTO detection_posts (post_id, created_at, doc)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::jsonb[]) ON CONFLICT DO NOTHING`,
      [docIds, docTimes, docs],
    );
    const sortedCells = [...cells].sort();
    const buckets: string[] = [];
    const keys: string[] = [];
    const authors: string[] = [];
    for (const c of sortedCells) {
      const first = c.indexOf('|');
      const last = c.lastIndexOf('|');
      buckets.push(new Date(Number(c.slice(0, first))).toISOString());
      keys.push(c.slice(first + 1, last));
      authors.push(c.slice(last + 1));
    }
    const fresh = await manager.query<{ b: string; key: string; n: number }[]>(
      `WITH ins AS (
         INSERT INTO detection_key_authors (bucket_start, key, author_hash)
         SELECT b, k, a FROM unnest($1::timestamptz[], $2::text[], $3::bigint[]) AS t(b, k, a)
         ORDER BY b, k, a
         ON CONFLICT DO NOTHING
         RETURNING bucket_start, key
       )
       SELECT (extract(epoch FROM bucket_start) * 1000)::bigint::text AS b, key, count(*)::int AS n
         FROM ins GROUP BY bucket_start, key`,
      [buckets, keys, authors],
    );
    const newAuthors = new Map(fresh.map((r) => [`${r.b}|${r.key}`, r.n]));
    const countCells = [...posts.keys()].sort();
    await manager.query(
      `INSERT INTO detection_counts (bucket_start, key, posts, authors)
       SELECT b, k, p, a FROM unnest($1::timestamptz[], $2::text[], $3::int[], $4::int[]) AS t(b, k, p, a)
       ORDER BY b, k
       ON CONFLICT (bucket_start, key) DO UPDATE
         SET posts = detection_counts.posts + excluded.posts, authors = detection_counts.authors + excluded.authors`,
      [
        countCells.map((c) => new Date(Number(c.slice(0, c.indexOf('|')))).toISOString()),
        countCells.map((c) => c.slice(c.indexOf('|') + 1)),
        countCells.map((c) => posts.get(c)),
        countCells.map((c) => newAuthors.get(c) ?? 0),
      ],
    );
  }

  /** Ids and ingest times of posts ingested since `since` (light: the docs are fetched only for unseen ids). */
  async idsIngestedSince(since: Date, limit: number): Promise<{ postId: string; ingestedAt: Date }[]> {
    const rows = await this.db.query<{ post_id: string; ingested_at: Date }[]>(
      `SELECT post_id::text, ingested_at FROM detection_posts WHERE ingested_at >= $1
        ORDER BY ingested_at, post_id LIMIT $2`,
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
        ORDER BY ingested_at, post_id LIMIT $2`,
      [since, limit],
    );
    return rows.map((r) => ({ postId: r.post_id, ingestedAt: new Date(r.ingested_at), doc: r.doc }));
  }

  /** Detector views of posts created in [from, to), in creation order (replay after a restart). */
  async postsCreatedBetween(from: Date, to: Date, afterId = '0', limit = 5000): Promise<StoredDetectorPost[]> {
    const rows = await this.db.query<{ post_id: string; ingested_at: Date; doc: DetectorPost }[]>(
      `SELECT post_id::text, ingested_at, doc FROM detection_posts
        WHERE created_at >= $1 AND created_at < $2 AND post_id > $3::bigint
        ORDER BY post_id LIMIT $4`,
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
    const keyAuthors = await this.db.query(`DELETE FROM detection_key_authors WHERE bucket_start < $1`, [
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
