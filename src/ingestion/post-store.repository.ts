import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PostAnalysis } from '../analysis/index.js';
import type { IngestBatchResult, IngestPostPayload } from '../queue/job-payloads.js';
import { RollupWriter } from './rollup-writer.js';

/** A post ready to store: the payload plus its analysis (absent only if analysis failed). */
export interface AnalysedPost {
  post: IngestPostPayload;
  analysis: PostAnalysis;
}

export interface StoredPost {
  id: string;
  externalId: string;
  createdAt: Date;
  analysis: PostAnalysis;
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
    private readonly rollups: RollupWriter,
  ) {}

  async storeBatch(
    jobId: string,
    sourceId: string,
    posts: AnalysedPost[],
    options: { demo?: boolean; afterInsert?: (manager: EntityManager, inserted: StoredPost[]) => Promise<void> } = {},
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
      await this.insertTopicMatches(manager, inserted);
      await this.rollups.record(manager, sourceId, inserted, unique);
      await options.afterInsert?.(manager, inserted);
      const result = { stored: inserted.length, duplicates: posts.length - inserted.length };
      await manager.query(
        `INSERT INTO ingest_batches (job_id, source_id, accepted, stored, duplicates) VALUES ($1, $2, $3, $4, $5)`,
        [jobId, sourceId, posts.length, result.stored, result.duplicates],
      );
      return { ...result, inserted };
    });
  }

  private async insertPosts(
    manager: EntityManager,
    sourceId: string,
    posts: AnalysedPost[],
    demo: boolean,
  ): Promise<StoredPost[]> {
    if (posts.length === 0) {
      return [];
    }
    const column = <T>(pick: (item: AnalysedPost) => T) => posts.map(pick);
    const rows = await manager.query<{ id: string; external_id: string; created_at: Date }[]>(
      `WITH input AS (
         SELECT * FROM unnest(
           $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::int[], $9::int[], $10::int[], $11::bigint[], $12::jsonb[],
           $13::text[], $14::real[], $15::text[], $16::text[], $17::jsonb[], $18::jsonb[]
         ) AS t(external_id, created_at, text, author, url, lang, likes, replies, reposts, views, raw,
                sentiment, sentiment_score, category, opd, locations, analysis)
       ),
       fresh AS (
         INSERT INTO post_keys (source_id, external_id, post_id)
         SELECT $1, external_id, nextval(pg_get_serial_sequence('posts', 'id')) FROM input
         ON CONFLICT DO NOTHING
         RETURNING external_id, post_id
       )
       INSERT INTO posts (id, source_id, external_id, created_at, text, author, url, lang, likes, replies, reposts,
                          views, raw, demo, analyzed_at, sentiment, sentiment_score, category, opd, locations, analysis)
       SELECT f.post_id, $1, i.external_id, i.created_at, i.text, i.author, i.url, i.lang, i.likes, i.replies,
              i.reposts, i.views, i.raw, $19, now(), i.sentiment, i.sentiment_score, i.category, i.opd,
              i.locations, i.analysis
       FROM fresh f JOIN input i USING (external_id)
       RETURNING id, external_id, created_at`,
      [
        sourceId,
        column(({ post }) => post.externalId),
        column(({ post }) => post.createdAt),
        column(({ analysis }) => analysis.maskedText),
        column(({ post }) => post.author ?? null),
        column(({ post }) => post.url ?? null),
        column(({ post }) => post.lang ?? null),
        column(({ post }) => post.metrics?.likes ?? 0),
        column(({ post }) => post.metrics?.replies ?? 0),
        column(({ post }) => post.metrics?.reposts ?? 0),
        column(({ post }) => post.metrics?.views ?? 0),
        column(({ post }) => (post.raw === undefined ? null : JSON.stringify(post.raw))),
        column(({ analysis }) => analysis.sentiment.label),
        column(({ analysis }) => analysis.sentiment.score),
        column(({ analysis }) => analysis.category.slug),
        column(({ analysis }) => analysis.category.opd),
        column(({ analysis }) =>
          JSON.stringify(analysis.locations.map(({ code, name, level }) => ({ code, name, level }))),
        ),
        column(({ analysis }) => JSON.stringify(explanationOf(analysis))),
        demo,
      ],
    );
    const byExternalId = new Map(posts.map((item) => [item.post.externalId, item.analysis]));
    return rows.map((row) => ({
      id: String(row.id),
      externalId: row.external_id,
      createdAt: new Date(row.created_at),
      analysis: byExternalId.get(row.external_id) as PostAnalysis,
    }));
  }

  private async insertTopicMatches(manager: EntityManager, inserted: StoredPost[]): Promise<void> {
    const topicIds: string[] = [];
    const postIds: string[] = [];
    const times: Date[] = [];
    for (const post of inserted) {
      for (const topic of post.analysis.topics) {
        topicIds.push(topic.id);
        postIds.push(post.id);
        times.push(post.createdAt);
      }
    }
    if (topicIds.length === 0) {
      return;
    }
    // A topic deleted while this batch was in flight simply loses the match (the join drops it).
    await manager.query(
      `INSERT INTO post_topics (topic_id, post_id, post_created_at)
       SELECT m.topic_id, m.post_id, m.at FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[]) AS m(topic_id, post_id, at)
       JOIN topics t ON t.id = m.topic_id
       ON CONFLICT DO NOTHING`,
      [topicIds, postIds, times],
    );
  }
}

function dedupeByExternalId(posts: AnalysedPost[]): AnalysedPost[] {
  const seen = new Set<string>();
  return posts.filter((item) => !seen.has(item.post.externalId) && seen.add(item.post.externalId));
}
