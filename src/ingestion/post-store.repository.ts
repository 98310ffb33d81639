import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PostAnalysis } from '../analysis/index.js';
import { copyRows } from '../database/copy-rows.js';
import type { IngestBatchResult } from '../queue/job-payloads.js';
import { INGESTED_POSTS_LISTENER, type IngestedPostsListener } from './ingested-posts-listener.js';
import { listPostPartitions, monthOf, nextMonth, type PostPartition, PostPartitions } from './post-partitions.js';
import { RollupWriter } from './rollup-writer.js';
import type { AnalysedPost, StoredPost } from './stored-post.js';

/** A stored post with new labels (re-analysis of history): what it shows now and what it showed before. */
export interface RelabelledPost {
  id: string;
  sourceId: string;
  createdAt: Date;
  before: { sentiment: string; category: string } | null;
  sentiment: string;
  sentimentScore: number;
  category: string;
  opd: string;
  locations: { code: string; name: string; level: string }[];
  explanation: Record<string, unknown>;
  /** Ids of the active topics it matches now. */
  topics: string[];
}

/** An analyst's correction of one post's displayed labels. */
export interface CorrectedPost {
  id: string;
  sourceId: string;
  createdAt: Date;
  before: { sentiment: string; category: string } | null;
  sentiment: string | null;
  category: string | null;
  opd: string | null;
  analysis: Record<string, unknown>;
}

interface RollupMove {
  createdAt: Date;
  sourceId: string;
  before: { sentiment: string; category: string } | null;
  after: { sentiment: string; category: string };
}

export interface StoreBatchOutcome extends IngestBatchResult {
  /** Posts inserted by this call (empty when the batch had been stored before). */
  inserted: StoredPost[];
}

/** Explanation stored with each post: what the dashboard and briefs show next to a label. */
export function explanationOf(analysis: PostAnalysis) {
  return {
    sentiment: { source: analysis.sentiment.source, evidence: analysis.sentiment.evidence },
    category: {
      confidence: analysis.category.confidence,
      keywords: analysis.category.keywords,
      source: analysis.category.source,
    },
    locations: analysis.locations.map(({ code, matched, trigger, reason }) => ({ code, matched, trigger, reason })),
    topics: analysis.topics,
    pii: analysis.pii,
    hashtags: analysis.hashtags,
    mentions: analysis.mentions,
    ...(analysis.language ? { language: analysis.language } : {}),
    ...(analysis.emotion ? { emotion: analysis.emotion } : {}),
  };
}

/**
 * The ingest hot path in plain, parameterised SQL: one transaction per batch, multi-row inserts
 * through unnest(), idempotent by (source, external id) through post_keys, and by job id through
 * ingest_batches (a retried job that had already committed stores nothing twice).
 */
@Injectable()
export class PostStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INGESTED_POSTS_LISTENER) private readonly listener: IngestedPostsListener,
    private readonly rollups: RollupWriter,
    private readonly partitions: PostPartitions,
  ) {}

  /** Stores a batch; the partitions of its months are made first, each in a short transaction of its own. */
  async storeBatch(
    jobId: string,
    sourceId: string,
    posts: AnalysedPost[],
    options: { demo?: boolean } = {},
  ): Promise<StoreBatchOutcome> {
    return this.partitions.writing(
      posts.map(({ post }) => post.createdAt),
      () => this.storeInTransaction(jobId, sourceId, posts, options),
    );
  }

  private async storeInTransaction(
    jobId: string,
    sourceId: string,
    posts: AnalysedPost[],
    options: { demo?: boolean },
  ): Promise<StoreBatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // Two deliveries of the same job (a stalled job handed to another worker) serialise here.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [jobId]);
      const [previous] = await manager.query<{ stored: number; duplicates: number }[]>(
        'SELECT stored, duplicates FROM ingest_batches WHERE job_id = $1',
        [jobId],
      );
      if (previous) {
        return { stored: previous.stored, duplicates: previous.duplicates, inserted: [] };
      }
      const unique = dedupeByExternalId(posts);
      const inserted = await this.insertPosts(manager, sourceId, unique, options.demo ?? false);
      await this.insertTopicMatches(
        manager,
        inserted.flatMap((post) =>
          post.analysis.topics.map((topic) => ({ topicId: topic.id, postId: post.id, createdAt: post.createdAt })),
        ),
      );
      const counts = inserted.length > 0 ? await this.listener.onStored(manager, inserted) : undefined;
      const result = { stored: inserted.length, duplicates: posts.length - inserted.length };
      await manager.query(
        `INSERT INTO ingest_batches (job_id, source_id, accepted, stored, duplicates) VALUES ($1, $2, $3, $4, $5)`,
        [jobId, sourceId, posts.length, result.stored, result.duplicates],
      );
      // Shared counters last: every concurrent batch of the same hours updates these rows (detection's counts, the
      // rollup cells) and holds their locks until commit, so batches serialise on this tail only; everything above
      // writes rows of this batch alone and runs in parallel with other batches.
      await counts?.apply(manager);
      await this.rollups.record(manager, sourceId, inserted, unique);
      return { ...result, inserted };
    });
  }

  /**
   * History backfill of one topic: makes its matches among posts with ids in (afterId, lastId] agree with `matched`
   * (matches of an edited query that no longer hold are removed), in one transaction.
   */
  async replaceTopicMatches(
    topicId: string,
    afterId: string,
    lastId: string,
    matched: { id: string; createdAt: Date }[],
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM post_topics WHERE topic_id = $1 AND post_id > $2 AND post_id <= $3 AND NOT (post_id = ANY($4::bigint[]))`,
        [topicId, afterId, lastId, matched.map((post) => post.id)],
      );
      if (matched.length > 0) {
        await manager.query(
          `INSERT INTO post_topics (topic_id, post_id, post_created_at)
           SELECT t.id, m.post_id, m.at FROM unnest($2::bigint[], $3::timestamptz[]) AS m(post_id, at)
           JOIN topics t ON t.id = $1
           ON CONFLICT DO NOTHING`,
          [topicId, matched.map((post) => post.id), matched.map((post) => post.createdAt)],
        );
      }
    });
  }

  /**
   * Retention: the posts created before `cutoff` go, with the rows that reference them (POST_REFERENCES) and their
   * post_keys. A month wholly before the cut-off goes as a partition (referencing rows deleted by post_created_at
   * range, DETACH, DROP: one short transaction per month); the rest of the cut-off's own month is deleted by rows.
   */
  async retireCreatedBefore(cutoff: Date, batchSize = 5000): Promise<{ posts: number; partitions: string[] }> {
    const boundary = monthOf(cutoff);
    const expired = (await listPostPartitions(this.dataSource)).filter((partition) => partition.month < boundary);
    let posts = 0;
    for (const partition of expired) {
      posts += await this.dataSource.transaction((manager) => retirePartition(manager, partition));
    }
    this.partitions.forget(expired.map((partition) => partition.name));
    for (;;) {
      // TypeORM answers a DELETE with [rows, affected count].
      const [, deleted] = await this.dataSource.query<[unknown[], number]>(
        `WITH doomed AS (SELECT id, created_at, source_id, external_id FROM posts WHERE created_at < $1 LIMIT $2),
              keys AS (DELETE FROM post_keys k USING doomed d
                       WHERE k.source_id = d.source_id AND k.external_id = d.external_id)
         DELETE FROM posts p USING doomed d WHERE p.id = d.id AND p.created_at = d.created_at`,
        [cutoff, batchSize],
      );
      posts += deleted;
      if (deleted < batchSize) {
        return { posts, partitions: expired.map((partition) => partition.name) };
      }
    }
  }

  /**
   * Re-analysis of stored posts (in the caller's transaction): new labels and places, the matches of the active
   * topics recomputed (paused topics keep theirs), roll-up cells moved. Returns how many posts changed labels.
   */
  async relabel(manager: EntityManager, posts: RelabelledPost[], activeTopics: string[]): Promise<number> {
    const ids = posts.map((post) => post.id);
    await manager.query(
      `UPDATE posts p SET sentiment = u.sentiment, sentiment_score = u.score, category = u.category, opd = u.opd,
              locations = u.locations, analysis = u.analysis, analyzed_at = now()
       FROM unnest($1::bigint[], $2::text[], $3::real[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])
            AS u(id, sentiment, score, category, opd, locations, analysis)
       WHERE p.id = u.id`,
      [
        ids,
        posts.map((post) => post.sentiment),
        posts.map((post) => post.sentimentScore),
        posts.map((post) => post.category),
        posts.map((post) => post.opd),
        posts.map((post) => JSON.stringify(post.locations)),
        posts.map((post) => JSON.stringify(post.explanation)),
      ],
    );
    if (activeTopics.length > 0) {
      await manager.query(`DELETE FROM post_topics WHERE post_id = ANY($1::bigint[]) AND topic_id = ANY($2::uuid[])`, [
        ids,
        activeTopics,
      ]);
    }
    await this.insertTopicMatches(
      manager,
      posts.flatMap((post) => post.topics.map((topicId) => ({ topicId, postId: post.id, createdAt: post.createdAt }))),
    );
    return this.moveRollupCells(
      manager,
      posts.map((post) => ({
        createdAt: post.createdAt,
        sourceId: post.sourceId,
        before: post.before,
        after: { sentiment: post.sentiment, category: post.category },
      })),
    );
  }

  /** An analyst's correction (in the caller's transaction): the post's labels and explanation, its roll-up cell. */
  async correct(manager: EntityManager, post: CorrectedPost): Promise<void> {
    await manager.query(`UPDATE posts SET sentiment = $2, category = $3, opd = $4, analysis = $5 WHERE id = $1`, [
      post.id,
      post.sentiment,
      post.category,
      post.opd,
      JSON.stringify(post.analysis),
    ]);
    if (post.sentiment && post.category) {
      await this.moveRollupCells(manager, [
        {
          createdAt: post.createdAt,
          sourceId: post.sourceId,
          before: post.before,
          after: { sentiment: post.sentiment, category: post.category },
        },
      ]);
    }
  }

  /**
   * Two statements whatever the batch size: one INSERT claims the batch's keys in post_keys (ON CONFLICT DO NOTHING:
   * duplicates of earlier batches drop out; in key order, so that concurrent batches cannot deadlock) and returns the
   * ids it drew; then the posts whose keys it claimed go by COPY straight into posts.
   */
  private async insertPosts(
    manager: EntityManager,
    sourceId: string,
    posts: AnalysedPost[],
    demo: boolean,
  ): Promise<StoredPost[]> {
    if (posts.length === 0) {
      return [];
    }
    const claimed = await manager.query<{ external_id: string; post_id: string }[]>(
      `INSERT INTO post_keys (source_id, external_id, post_id)
       SELECT $1, k.external_id, nextval(pg_get_serial_sequence('posts', 'id'))
         FROM unnest($2::text[]) AS k(external_id) ORDER BY k.external_id
       ON CONFLICT DO NOTHING
       RETURNING external_id, post_id::text`,
      [sourceId, posts.map(({ post }) => post.externalId)],
    );
    const byExternalId = new Map(posts.map((item) => [item.post.externalId, item]));
    const fresh = claimed.map((row) => ({ id: row.post_id, ...(byExternalId.get(row.external_id) as AnalysedPost) }));
    const now = new Date();
    await copyRows(
      manager,
      `posts (id, source_id, external_id, created_at, text, author, url, lang, likes, replies, reposts, views, raw,
              demo, analyzed_at, sentiment, sentiment_score, category, opd, locations, analysis)`,
      fresh.map(({ id, post, analysis }) => [
        id,
        sourceId,
        post.externalId,
        post.createdAt,
        analysis.maskedText,
        post.author,
        post.url,
        post.lang,
        post.metrics?.likes ?? 0,
        post.metrics?.replies ?? 0,
        post.metrics?.reposts ?? 0,
        post.metrics?.views ?? 0,
        post.raw === undefined ? null : JSON.stringify(post.raw),
        demo,
        now,
        analysis.sentiment.label,
        analysis.sentiment.score,
        analysis.category.slug,
        analysis.category.opd,
        JSON.stringify(analysis.locations.map(({ code, name, level }) => ({ code, name, level }))),
        JSON.stringify(explanationOf(analysis)),
      ]),
    );
    return fresh.map(({ id, post, analysis }) => {
      const metrics = post.metrics;
      return {
        id,
        sourceId,
        externalId: post.externalId,
        createdAt: new Date(post.createdAt),
        author: post.author ?? null,
        url: post.url ?? null,
        reach: (metrics?.likes ?? 0) + (metrics?.replies ?? 0) + (metrics?.reposts ?? 0),
        analysis,
      };
    });
  }

  private async insertTopicMatches(
    manager: EntityManager,
    matches: { topicId: string; postId: string; createdAt: Date }[],
  ): Promise<void> {
    if (matches.length === 0) {
      return;
    }
    // A topic deleted while this batch was in flight simply loses the match (the join drops it).
    await manager.query(
      `INSERT INTO post_topics (topic_id, post_id, post_created_at)
       SELECT m.topic_id, m.post_id, m.at FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[]) AS m(topic_id, post_id, at)
       JOIN topics t ON t.id = m.topic_id
       ON CONFLICT DO NOTHING`,
      [matches.map((m) => m.topicId), matches.map((m) => m.postId), matches.map((m) => m.createdAt)],
    );
  }

  /** Moves posts between hourly roll-up cells when their labels change; returns how many posts changed. */
  private async moveRollupCells(manager: EntityManager, moves: RollupMove[]): Promise<number> {
    const deltas = new Map<string, number>();
    let changed = 0;
    const add = (key: string, delta: number) => deltas.set(key, (deltas.get(key) ?? 0) + delta);
    for (const move of moves) {
      const { before, after } = move;
      if (before && before.sentiment === after.sentiment && before.category === after.category) {
        continue;
      }
      changed++;
      const hour = new Date(move.createdAt);
      hour.setUTCMinutes(0, 0, 0);
      const prefix = `${hour.toISOString()}|${move.sourceId}`;
      if (before) {
        add(`${prefix}|${before.category}|${before.sentiment}`, -1);
      }
      add(`${prefix}|${after.category}|${after.sentiment}`, 1);
    }
    // Sorted keys: concurrent writers lock roll-up rows in the same order (as the ingest worker does).
    const keys = [...deltas.keys()].filter((key) => deltas.get(key) !== 0).sort();
    if (keys.length > 0) {
      const parts = keys.map((key) => key.split('|'));
      const hours = parts.map((p) => p[0]);
      await manager.query(
        `INSERT INTO rollup_hourly (hour, source_id, category, sentiment, posts)
         SELECT h, s, c, se, n FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::int[])
           AS r(h, s, c, se, n)
         ON CONFLICT (hour, source_id, category, sentiment)
         DO UPDATE SET posts = rollup_hourly.posts + excluded.posts`,
        [hours, parts.map((p) => p[1]), parts.map((p) => p[2]), parts.map((p) => p[3]), keys.map((k) => deltas.get(k))],
      );
      // A cell that was already out of step (e.g. posts stored before the roll-up existed) never goes below zero.
      await manager.query(`DELETE FROM rollup_hourly WHERE hour = ANY($1::timestamptz[]) AND posts < 0`, [hours]);
    }
    return changed;
  }
}

/** The tables whose rows reference posts by (post_id, post_created_at), ON DELETE CASCADE. */
export const POST_REFERENCES = ['post_topics', 'issue_posts', 'post_corrections'] as const;

/**
 * One expired month (in the caller's transaction): the partition is locked against new rows and new references
 * first, then its referencing rows and keys go, then the partition itself. DETACH checks that nothing references it
 * any more (a table added to the references but not to POST_REFERENCES fails here, and nothing is dropped).
 */
async function retirePartition(manager: EntityManager, { name, month }: PostPartition): Promise<number> {
  // DETACH waits for ACCESS EXCLUSIVE on posts and every writer queues behind it: wait briefly, retry next night.
  await manager.query(`SET LOCAL lock_timeout = '10s'`);
  await manager.query(`LOCK TABLE ${name} IN EXCLUSIVE MODE`);
  for (const table of POST_REFERENCES) {
    await manager.query(`DELETE FROM ${table} WHERE post_created_at >= $1 AND post_created_at < $2`, [
      month,
      nextMonth(month),
    ]);
  }
  await manager.query(
    `DELETE FROM post_keys k USING ${name} p WHERE k.source_id = p.source_id AND k.external_id = p.external_id`,
  );
  const [{ posts }] = await manager.query<{ posts: number }[]>(`SELECT count(*)::int AS posts FROM ${name}`);
  await manager.query(`ALTER TABLE posts DETACH PARTITION ${name}`);
  await manager.query(`DROP TABLE ${name}`);
  return posts;
}

function dedupeByExternalId(posts: AnalysedPost[]): AnalysedPost[] {
  const seen = new Set<string>();
  return posts.filter((item) => !seen.has(item.post.externalId) && seen.add(item.post.externalId));
}
