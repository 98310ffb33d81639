import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { maskPii, type PostAnalysis } from '../analysis/index.js';
import { copyRows } from '../database/copy-rows.js';
import type { IngestBatchResult } from '../queue/job-payloads.js';
import { INGESTED_POSTS_LISTENER, type IngestedPostsListener } from './ingested-posts-listener.js';
import { normaliseHandle, normalisedHandleSql, replaceHandle, replaceHandleDeep } from './author-handle.js';
import { placesOf, RollupWriter, type RollupChange, type RollupLabels } from './rollup-writer.js';
import { listPostPartitions, monthOf, nextMonth, type PostPartition, PostPartitions } from './post-partitions.js';
import type { AnalysedPost, StoredPost } from './stored-post.js';
import { assertAnalysedWith, FENCE_SHARED_LOCK_CALL } from '../topics/configuration-fence.js';

/** A stored post with new labels (re-analysis of history). What it showed before, PostStore reads itself. */
export interface RelabelledPost {
  id: string;
  createdAt: Date;
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
  sentiment: string | null;
  category: string | null;
  opd: string | null;
  analysis: Record<string, unknown>;
}

/** What PostStore reads of a stored post (locked FOR UPDATE) to move its rollup cells. */
interface CountedRow {
  id: string;
  source_id: string;
  created_at: Date;
  author: string | null;
  reach: string;
  sentiment: string | null;
  category: string | null;
  opd: string | null;
  codes: string[] | null;
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

export interface StoreBatchOptions {
  demo?: boolean;
  /**
   * The configuration version the batch was analysed under (AnalyzerRegistry.versionOf): the batch is refused with
   * StaleAnalysisError, before anything is written, when another version is in force (src/topics/configuration-fence.ts).
   */
  analysedWith?: string;
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
    options: StoreBatchOptions = {},
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
    options: StoreBatchOptions,
  ): Promise<StoreBatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // Two deliveries of the same job (a stalled job handed to another worker) serialise here.
      // The configuration fence (shared) in the same statement: src/topics/configuration-fence.ts.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1)), ${FENCE_SHARED_LOCK_CALL}`, [jobId]);
      const [previous] = await manager.query<{ stored: number; duplicates: number }[]>(
        'SELECT stored, duplicates FROM ingest_batches WHERE job_id = $1',
        [jobId],
      );
      if (previous) {
        return { stored: previous.stored, duplicates: previous.duplicates, inserted: [] };
      }
      if (options.analysedWith !== undefined) {
        await assertAnalysedWith(manager, options.analysedWith);
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
   * (matches of an edited query that no longer hold are removed), and moves the topic's rollup cells with them, in
   * one transaction. Only the posts whose match changes are locked (FOR UPDATE, in id order, as the re-analysis
   * locks): their matches are read again under the lock, so a concurrent re-analysis of the same posts cannot make
   * the rollups count a match twice or not at all.
   */
  async replaceTopicMatches(
    topicId: string,
    afterId: string,
    lastId: string,
    matched: { id: string; createdAt: Date }[],
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await manager.query<{ post_id: string }[]>(
        `SELECT post_id::text FROM post_topics WHERE topic_id = $1 AND post_id > $2 AND post_id <= $3`,
        [topicId, afterId, lastId],
      );
      const wanted = new Map(matched.map((post) => [String(post.id), post]));
      const had = new Set(existing.map((row) => row.post_id));
      const candidates = [
        ...existing.map((row) => row.post_id).filter((id) => !wanted.has(id)),
        ...[...wanted.keys()].filter((id) => !had.has(id)),
      ];
      if (candidates.length === 0) {
        return;
      }
      const rows = await this.lockCounted(manager, candidates);
      const current = new Set(
        (
          await manager.query<{ post_id: string }[]>(
            `SELECT post_id::text FROM post_topics WHERE topic_id = $1 AND post_id = ANY($2::bigint[])`,
            [topicId, candidates],
          )
        ).map((row) => row.post_id),
      );
      const remove = candidates.filter((id) => current.has(id) && !wanted.has(id));
      const add = candidates.filter((id) => !current.has(id) && wanted.has(id) && rows.has(id));
      // TypeORM answers a DELETE with [rows, count].
      const [removed] =
        remove.length === 0
          ? [[]]
          : await manager.query<[{ post_id: string }[], number]>(
              `DELETE FROM post_topics WHERE topic_id = $1 AND post_id = ANY($2::bigint[]) RETURNING post_id::text`,
              [topicId, remove],
            );
      // A topic deleted while the backfill ran simply gains nothing (the join drops it).
      const added: { post_id: string }[] =
        add.length === 0
          ? []
          : await manager.query(
              `INSERT INTO post_topics (topic_id, post_id, post_created_at)
               SELECT t.id, m.post_id, m.at FROM unnest($2::bigint[], $3::timestamptz[]) AS m(post_id, at)
               JOIN topics t ON t.id = $1
               ON CONFLICT DO NOTHING
               RETURNING post_id::text`,
              [topicId, add, add.map((id) => (wanted.get(id) as { createdAt: Date }).createdAt)],
            );
      const changes: RollupChange[] = [];
      // Only the topic's cells move: the post's other labels (and places) are the same before and after.
      const move = (id: string, gained: boolean) => {
        const row = rows.get(id);
        const labels = row && countedLabels(row, [], []);
        if (row && labels) {
          const withTopic = { ...labels, topics: [topicId] };
          changes.push({ ...changeOf(row), before: gained ? labels : withTopic, after: gained ? withTopic : labels });
        }
      };
      removed.forEach((row) => move(row.post_id, false));
      added.forEach((row) => move(row.post_id, true));
      await this.rollups.applyChanges(manager, changes);
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
   * topics recomputed (paused topics keep theirs), every rollup cell moved (RollupWriter.applyChanges) from what the
   * post counted under to what it counts under now. The posts are locked (FOR UPDATE) before they are read. Returns
   * how many posts changed sentiment or category.
   */
  async relabel(manager: EntityManager, posts: RelabelledPost[], activeTopics: string[]): Promise<number> {
    const ids = posts.map((post) => String(post.id));
    const rows = await this.lockCounted(manager, ids);
    const topicsBefore = await this.topicsOf(manager, ids);
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
    const topicsAfter = await this.topicsOf(manager, ids);
    let changed = 0;
    const changes: RollupChange[] = [];
    for (const post of posts) {
      const row = rows.get(String(post.id));
      if (!row) {
        continue;
      }
      const before = countedLabels(row, row.codes ?? [], topicsBefore.get(row.id) ?? []);
      if (!before || before.sentiment !== post.sentiment || before.category !== post.category) {
        changed++;
      }
      const after: RollupLabels = {
        category: post.category,
        sentiment: post.sentiment,
        opd: post.opd,
        places: placesOf(post.locations.map((location) => location.code)),
        topics: topicsAfter.get(row.id) ?? [],
      };
      if (!sameLabels(before, after)) {
        changes.push({ ...changeOf(row), before, after });
      }
    }
    await this.rollups.applyChanges(manager, changes);
    return changed;
  }

  /**
   * An analyst's correction (in the caller's transaction): the post's labels and explanation, its rollup cells moved
   * (RollupWriter.applyChanges) from the labels it counted under to the corrected ones. The post is locked first.
   */
  async correct(manager: EntityManager, post: CorrectedPost): Promise<void> {
    const row = (await this.lockCounted(manager, [String(post.id)])).get(String(post.id));
    await manager.query(`UPDATE posts SET sentiment = $2, category = $3, opd = $4, analysis = $5 WHERE id = $1`, [
      post.id,
      post.sentiment,
      post.category,
      post.opd,
      JSON.stringify(post.analysis),
    ]);
    if (!row || !post.sentiment || !post.category) {
      return;
    }
    const topics = (await this.topicsOf(manager, [row.id])).get(row.id) ?? [];
    const before = countedLabels(row, row.codes ?? [], topics);
    const after: RollupLabels = {
      category: post.category,
      sentiment: post.sentiment,
      opd: post.opd ?? row.opd ?? '',
      places: placesOf(row.codes ?? []),
      topics,
    };
    if (!sameLabels(before, after)) {
      await this.rollups.applyChanges(manager, [{ ...changeOf(row), before, after }]);
    }
  }

  /** Locks stored posts (FOR UPDATE, in id order) and reads what their rollup cells depend on. */
  private async lockCounted(manager: EntityManager, ids: string[]): Promise<Map<string, CountedRow>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await manager.query<CountedRow[]>(
      `SELECT id::text, source_id, created_at, author, (likes + replies + reposts)::text AS reach,
              sentiment, category, opd,
              ARRAY(SELECT l ->> 'code' FROM jsonb_array_elements(COALESCE(locations, '[]'::jsonb)) AS l) AS codes
         FROM posts WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The topic matches (post_topics) of these posts, by post id. */
  private async topicsOf(manager: EntityManager, ids: string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await manager.query<{ post_id: string; topics: string[] }[]>(
      `SELECT post_id::text, array_agg(topic_id::text ORDER BY topic_id) AS topics
         FROM post_topics WHERE post_id = ANY($1::bigint[]) GROUP BY post_id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.post_id, row.topics]));
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

  /**
   * A data subject's erasure (UU PDP, src/privacy), in the caller's transaction: every post of the author on the
   * source and every record derived from it (topic matches, issue memberships, corrections, detection's view of the
   * post, the idempotency key), by post id; the posts leave the additive rollups and the author's top-authors rows go.
   * Issues keep their other posts; their post counts are recomputed.
   */
  async eraseAuthor(manager: EntityManager, sourceId: string, handle: string): Promise<AuthorErasureOutcome> {
    const posts = await this.lockAuthorPosts(manager, sourceId, handle);
    const ids = posts.map((post) => post.id);
    const deleted = async (sql: string, params: unknown[]): Promise<number> =>
      (await manager.query<[unknown[], number]>(sql, params))[1];
    const postTopics = await deleted(`DELETE FROM post_topics WHERE post_id = ANY($1::bigint[])`, [ids]);
    // TypeORM answers a DELETE … RETURNING with [rows, affected].
    const [issues] = await manager.query<[{ issue_id: string }[], number]>(
      `DELETE FROM issue_posts WHERE post_id = ANY($1::bigint[]) RETURNING issue_id`,
      [ids],
    );
    const touchedIssues = [...new Set(issues.map((row) => row.issue_id))];
    if (touchedIssues.length > 0) {
      await manager.query(
        `UPDATE issues i SET post_count = (SELECT count(*) FROM issue_posts ip WHERE ip.issue_id = i.id)
          WHERE i.id = ANY($1::uuid[])`,
        [touchedIssues],
      );
    }
    const corrections = await deleted(`DELETE FROM post_corrections WHERE post_id = ANY($1::bigint[])`, [ids]);
    const detectionPosts = await deleted(`DELETE FROM detection_posts WHERE post_id = ANY($1::bigint[])`, [ids]);
    const postKeys = await deleted(
      `DELETE FROM post_keys WHERE source_id = $1 AND external_id = ANY($2::text[]) AND post_id = ANY($3::bigint[])`,
      [sourceId, posts.map((post) => post.external_id), ids],
    );
    await deleted(`DELETE FROM posts WHERE id = ANY($1::bigint[])`, [ids]);
    const { authorRows } = await this.rollups.removePosts(
      manager,
      sourceId,
      posts.map((post) => post.author),
      posts
        .filter((post) => post.category !== null && post.sentiment !== null)
        .map((post) => ({
          sourceId,
          createdAt: new Date(post.created_at),
          reach: Number(post.reach),
          labels: {
            category: post.category as string,
            sentiment: post.sentiment as string,
            opd: post.opd ?? '',
            places: placesOf((post.locations ?? []).map((location) => location.code)),
            topics: post.topics,
          },
        })),
    );
    return {
      posts: posts.length,
      postTopics,
      issuePosts: issues.length,
      corrections,
      detectionPosts,
      postKeys,
      authorStatsRows: authorRows,
    };
  }

  /**
   * A data subject's anonymisation (in the caller's transaction): the author's posts stay (counts, issues and
   * corrections keep their meaning) but no longer say who wrote them: author replaced, URL and raw payload dropped,
   * the handle replaced in the text and the explanation, personal data in the text masked again; detection's view of
   * each post gets an author of its own (as a post without author) and no URL; the author's top-authors rows go.
   */
  async anonymiseAuthor(manager: EntityManager, sourceId: string, handle: string): Promise<AuthorErasureOutcome> {
    const posts = await this.lockAuthorPosts(manager, sourceId, handle);
    const ids = posts.map((post) => post.id);
    if (ids.length > 0) {
      const texts = await manager.query<{ id: string; text: string }[]>(
        `SELECT id::text, text FROM posts WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      const textOf = new Map(texts.map((row) => [row.id, row.text]));
      await manager.query(
        `UPDATE posts p SET author = $2, url = NULL, raw = NULL, text = u.text, analysis = u.analysis
           FROM unnest($1::bigint[], $3::text[], $4::jsonb[]) AS u(id, text, analysis)
          WHERE p.id = u.id`,
        [
          ids,
          ANONYMOUS_AUTHOR,
          ids.map((id) => maskPii(replaceHandle(textOf.get(id) ?? '', handle, ANONYMOUS_AUTHOR))),
          posts.map((post) =>
            post.analysis === null ? null : JSON.stringify(replaceHandleDeep(post.analysis, handle, ANONYMOUS_AUTHOR)),
          ),
        ],
      );
    }
    const docs = await manager.query<{ post_id: string; doc: Record<string, unknown> }[]>(
      `SELECT post_id::text, doc FROM detection_posts WHERE post_id = ANY($1::bigint[])`,
      [ids],
    );
    if (docs.length > 0) {
      await manager.query(
        `UPDATE detection_posts d SET doc = u.doc FROM unnest($1::bigint[], $2::jsonb[]) AS u(id, doc)
          WHERE d.post_id = u.id`,
        [
          docs.map((row) => row.post_id),
          docs.map((row) => {
            const { url: _url, ...doc } = replaceHandleDeep(row.doc, handle, ANONYMOUS_AUTHOR) as Record<
              string,
              unknown
            >;
            return JSON.stringify({ ...doc, author: `${sourceId}:post:${row.post_id}` });
          }),
        ],
      );
    }
    const { authorRows } = await this.rollups.removeAuthors(
      manager,
      sourceId,
      posts.map((post) => post.author),
    );
    return {
      posts: posts.length,
      postTopics: 0,
      issuePosts: 0,
      corrections: 0,
      detectionPosts: docs.length,
      postKeys: 0,
      authorStatsRows: authorRows,
    };
  }

  private lockAuthorPosts(manager: EntityManager, sourceId: string, handle: string): Promise<AuthorPostRow[]> {
    return manager.query<AuthorPostRow[]>(
      `SELECT p.id::text, p.external_id, p.created_at, p.author, (p.likes + p.replies + p.reposts)::bigint AS reach,
              p.category, p.sentiment, p.opd, p.locations, p.analysis,
              coalesce((SELECT array_agg(pt.topic_id::text) FROM post_topics pt WHERE pt.post_id = p.id), '{}') AS topics
         FROM posts p
        WHERE p.source_id = $1 AND ${normalisedHandleSql('p.author')} = $2
        ORDER BY p.id
          FOR UPDATE OF p`,
      [sourceId, normaliseHandle(handle)],
    );
  }
}

/** The labels a stored post counts under in the rollups (null for a post never labelled, counted nowhere). */
function countedLabels(row: CountedRow, codes: string[], topics: string[]): RollupLabels | null {
  if (!row.sentiment || !row.category) {
    return null;
  }
  return { category: row.category, sentiment: row.sentiment, opd: row.opd ?? '', places: placesOf(codes), topics };
}

function changeOf(row: CountedRow): Omit<RollupChange, 'before' | 'after'> {
  return { sourceId: row.source_id, createdAt: new Date(row.created_at), author: row.author, reach: Number(row.reach) };
}

function sameLabels(before: RollupLabels | null, after: RollupLabels): boolean {
  const same = (a: string[], b: string[]) =>
    a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');
  return (
    before !== null &&
    before.category === after.category &&
    before.sentiment === after.sentiment &&
    before.opd === after.opd &&
    same(before.places, after.places) &&
    same(before.topics, after.topics)
  );
}

/** The author's posts of one source, locked for the erasure under way (by id only: created_at-agnostic). */
interface AuthorPostRow {
  id: string;
  external_id: string;
  created_at: Date;
  author: string;
  reach: number;
  category: string | null;
  sentiment: string | null;
  opd: string | null;
  locations: { code: string }[] | null;
  analysis: Record<string, unknown> | null;
  topics: string[];
}

/** What an erasure or anonymisation changed, per table. */
export interface AuthorErasureOutcome {
  posts: number;
  postTopics: number;
  issuePosts: number;
  corrections: number;
  detectionPosts: number;
  postKeys: number;
  authorStatsRows: number;
}

/** Placeholder of an anonymised author in posts and texts. */
export const ANONYMOUS_AUTHOR = '[ANONIM]';

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
