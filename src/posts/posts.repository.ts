import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SingleFlight } from '../common/single-flight.js';
import { ListPostsQuery } from './dto/list-posts.query.js';

export interface PostView {
  id: string;
  source: string;
  sourceType: string;
  externalId: string;
  text: string;
  author: string | null;
  url: string | null;
  lang: string | null;
  createdAt: string;
  ingestedAt: string;
  metrics: { likes: number; replies: number; reposts: number; views: number };
  demo: boolean;
  analyzed: boolean;
  sentiment: string | null;
  sentimentScore: number | null;
  category: string | null;
  opd: string | null;
  locations: { code: string; name: string; level: string }[];
  explanation: unknown;
}

interface PostRow {
  id: string;
  source: string;
  source_type: string;
  external_id: string;
  text: string;
  author: string | null;
  url: string | null;
  lang: string | null;
  created_at: Date;
  ingested_at: Date;
  likes: number;
  replies: number;
  reposts: number;
  views: string;
  demo: boolean;
  analyzed_at: Date | null;
  sentiment: string | null;
  sentiment_score: number | null;
  category: string | null;
  opd: string | null;
  locations: PostView['locations'] | null;
  analysis: unknown;
}

const SELECT_POST = `
  SELECT p.id, s.name AS source, s.type AS source_type, p.external_id, p.text, p.author, p.url, p.lang,
         p.created_at, p.ingested_at, p.likes, p.replies, p.reposts, p.views, p.demo, p.analyzed_at,
         p.sentiment, p.sentiment_score, p.category, p.opd, p.locations, p.analysis
  FROM posts p JOIN sources s ON s.id = p.source_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** Keyset cursor over (created_at DESC, id DESC): stable while new posts arrive. */
function encodeCursor(row: PostRow): string {
  return Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^\d+$/.test(id)) {
    throw new BadRequestException(['cursor: kursor tidak valid']);
  }
  return [at, id];
}

/**
 * `total` of a post list is counted exactly up to this many matching posts; beyond, it is the planner's estimate and
 * the answer says so (`totalExact: false`): counting ten million rows for a page of fifty would take seconds.
 */
export const EXACT_TOTAL_CAP = 10_000;

@Injectable()
export class PostsRepository {
  /**
   * The total of a list does not depend on its page: users paging or opening the same list at once share one count
   * (counting up to 10,001 rows was a third of the database's work under bench:load, docs/operations.md).
   */
  private readonly counts = new SingleFlight();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    query: ListPostsQuery,
    exactCap = EXACT_TOTAL_CAP,
  ): Promise<{ items: PostView[]; total: number; totalExact: boolean; nextCursor: string | null }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (query.source && UUID.test(query.source)) {
      add((p) => `p.source_id = ${p}`, query.source);
    } else if (query.source) {
      add((p) => `lower(s.name) = lower(${p})`, query.source);
    }
    if (query.opd) {
      add((p) => `p.opd = ${p}`, query.opd);
    }
    if (query.region) {
      // The stats rollups' semantics: a post counts for every place it names and for the places containing them.
      add(
        (p) =>
          `EXISTS (SELECT 1 FROM jsonb_array_elements(p.locations) l WHERE l->>'code' = ${p} OR l->>'code' LIKE ${p} || '.%')`,
        query.region,
      );
    }
    if (query.from) {
      add((p) => `p.created_at >= ${p}`, query.from);
    }
    if (query.to) {
      add((p) => `p.created_at < ${p}`, query.to);
    }
    if (query.q) {
      add((p) => `to_tsvector('simple', p.text) @@ plainto_tsquery('simple', ${p})`, query.q);
    }
    if (query.category) {
      add((p) => `p.category = ${p}`, query.category);
    }
    if (query.sentiment) {
      add((p) => `p.sentiment = ${p}`, query.sentiment);
    }
    if (query.issue) {
      add((p) => `p.id IN (SELECT post_id FROM issue_posts WHERE issue_id = ${p}::uuid)`, query.issue);
    }
    if (query.topic) {
      add((p) => `p.id IN (SELECT post_id FROM post_topics WHERE topic_id::text = ${p})`, query.topic);
    }
    const filter = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const { total, totalExact } = await this.countUpTo(
      `SELECT 1 FROM posts p JOIN sources s ON s.id = p.source_id ${filter}`,
      params,
      exactCap,
    );
    const limit = query.limit ?? 50;
    const pageConditions = [...conditions];
    const pageParams = [...params];
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      pageParams.push(at, id);
      pageConditions.push(
        `(p.created_at, p.id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::bigint)`,
      );
    }
    pageParams.push(limit + 1);
    const rows = await this.dataSource.query<PostRow[]>(
      `${SELECT_POST} ${pageConditions.length > 0 ? `WHERE ${pageConditions.join(' AND ')}` : ''}
       ORDER BY p.created_at DESC, p.id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map(toView),
      total,
      totalExact,
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  /** Rows of `matching` counted up to `cap`; beyond it, the planner's estimate (never below cap + 1). */
  private countUpTo(matching: string, params: unknown[], cap: number): Promise<{ total: number; totalExact: boolean }> {
    return this.counts.run(JSON.stringify([matching, params, cap]), () => this.countNow(matching, params, cap));
  }

  private async countNow(
    matching: string,
    params: unknown[],
    cap: number,
  ): Promise<{ total: number; totalExact: boolean }> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (${matching} LIMIT ${Math.floor(cap) + 1}) capped`,
      params,
    );
    if (n <= cap) {
      return { total: n, totalExact: true };
    }
    const [{ 'QUERY PLAN': plan }] = await this.dataSource.query<
      { 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[]
    >(`EXPLAIN (FORMAT JSON) ${matching}`, params);
    return { total: Math.max(cap + 1, Math.round(plan[0].Plan['Plan Rows'])), totalExact: false };
  }

  async findById(id: string): Promise<PostView | undefined> {
    if (!/^\d{1,18}$/.test(id)) {
      return undefined;
    }
    const [row] = await this.dataSource.query<PostRow[]>(`${SELECT_POST} WHERE p.id = $1`, [id]);
    return row ? toView(row) : undefined;
  }
}

function toView(row: PostRow): PostView {
  return {
    id: String(row.id),
    source: row.source,
    sourceType: row.source_type,
    externalId: row.external_id,
    text: row.text,
    author: row.author,
    url: row.url,
    lang: row.lang,
    createdAt: new Date(row.created_at).toISOString(),
    ingestedAt: new Date(row.ingested_at).toISOString(),
    metrics: { likes: row.likes, replies: row.replies, reposts: row.reposts, views: Number(row.views) },
    demo: row.demo,
    analyzed: row.analyzed_at !== null,
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
    category: row.category,
    opd: row.opd,
    locations: row.locations ?? [],
    explanation: row.analysis,
  };
}
