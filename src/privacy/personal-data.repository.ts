import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normaliseHandle, normalisedHandleSql } from '../ingestion/author-handle.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export interface HeldPost {
  id: string;
  externalId: string;
  createdAt: string;
  ingestedAt: string;
  author: string | null;
  text: string;
  url: string | null;
  lang: string | null;
  metrics: { likes: number; replies: number; reposts: number; views: number };
  raw: unknown;
  sentiment: string | null;
  category: string | null;
  opd: string | null;
  locations: unknown;
  explanation: unknown;
  topics: { id: string; name: string }[];
}

export interface HeldCorrection {
  id: string;
  postId: string;
  sentiment: string | null;
  category: string | null;
  correctedAt: string;
}

export interface HeldIssue {
  id: string;
  label: string;
  state: string;
  firstSeenAt: string;
  postIds: string[];
}

export interface HeldAuthorStats {
  hour: string;
  author: string;
  posts: number;
  reach: number;
}

/** Reads what is held about one author handle on one source (the export of a data subject's request). */
@Injectable()
export class PersonalDataRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findSource(source: string): Promise<{ id: string; name: string } | undefined> {
    const [row] = await this.db.query<{ id: string; name: string }[]>(
      UUID.test(source)
        ? `SELECT id::text, name FROM sources WHERE id = $1`
        : `SELECT id::text, name FROM sources WHERE lower(name) = lower($1) ORDER BY status = 'deleted', created_at DESC LIMIT 1`,
      [source],
    );
    return row;
  }

  async posts(sourceId: string, handle: string): Promise<HeldPost[]> {
    const rows = await this.db.query<
      {
        id: string;
        external_id: string;
        created_at: Date;
        ingested_at: Date;
        author: string | null;
        text: string;
        url: string | null;
        lang: string | null;
        likes: number;
        replies: number;
        reposts: number;
        views: string;
        raw: unknown;
        sentiment: string | null;
        category: string | null;
        opd: string | null;
        locations: unknown;
        analysis: unknown;
        topics: { id: string; name: string }[];
      }[]
    >(
      `SELECT p.id::text, p.external_id, p.created_at, p.ingested_at, p.author, p.text, p.url, p.lang, p.likes,
              p.replies, p.reposts, p.views, p.raw, p.sentiment, p.category, p.opd, p.locations, p.analysis,
              coalesce((SELECT jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
                          FROM post_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.post_id = p.id),
                       '[]') AS topics
         FROM posts p
        WHERE p.source_id = $1 AND ${normalisedHandleSql('p.author')} = $2
        ORDER BY p.created_at, p.id`,
      [sourceId, normaliseHandle(handle)],
    );
    return rows.map((row) => ({
      id: row.id,
      externalId: row.external_id,
      createdAt: new Date(row.created_at).toISOString(),
      ingestedAt: new Date(row.ingested_at).toISOString(),
      author: row.author,
      text: row.text,
      url: row.url,
      lang: row.lang,
      metrics: { likes: row.likes, replies: row.replies, reposts: row.reposts, views: Number(row.views) },
      raw: row.raw,
      sentiment: row.sentiment,
      category: row.category,
      opd: row.opd,
      locations: row.locations ?? [],
      explanation: row.analysis,
      topics: row.topics,
    }));
  }

  async corrections(postIds: string[]): Promise<HeldCorrection[]> {
    const rows = await this.db.query<
      { id: string; post_id: string; sentiment: string | null; category: string | null; corrected_at: Date }[]
    >(
      `SELECT id::text, post_id::text, sentiment, category, corrected_at FROM post_corrections
        WHERE post_id = ANY($1::bigint[]) ORDER BY id`,
      [postIds],
    );
    return rows.map((row) => ({
      id: row.id,
      postId: row.post_id,
      sentiment: row.sentiment,
      category: row.category,
      correctedAt: new Date(row.corrected_at).toISOString(),
    }));
  }

  async issues(postIds: string[]): Promise<HeldIssue[]> {
    const rows = await this.db.query<
      { id: string; label: string; state: string; first_seen_at: Date; post_ids: string[] }[]
    >(
      `SELECT i.id::text, i.label, i.state, i.first_seen_at, array_agg(ip.post_id::text ORDER BY ip.post_id) AS post_ids
         FROM issue_posts ip JOIN issues i ON i.id = ip.issue_id
        WHERE ip.post_id = ANY($1::bigint[])
        GROUP BY i.id ORDER BY i.first_seen_at, i.id`,
      [postIds],
    );
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      state: row.state,
      firstSeenAt: new Date(row.first_seen_at).toISOString(),
      postIds: row.post_ids,
    }));
  }

  /** The author's entries in the hourly top-authors summaries (by the handle as stored). */
  async authorStats(sourceId: string, handle: string): Promise<HeldAuthorStats[]> {
    const rows = await this.db.query<{ hour: Date; author: string; posts: number; reach: string }[]>(
      `SELECT s.hour, u.author, u.posts, u.reach
         FROM stats_top_authors_hourly s, unnest(s.authors, s.posts, s.reach) AS u(author, posts, reach)
        WHERE s.source_id = $1 AND ${normalisedHandleSql('u.author')} = $2 ORDER BY 1, 2`,
      [sourceId, normaliseHandle(handle)],
    );
    return rows.map((row) => ({
      hour: new Date(row.hour).toISOString(),
      author: row.author,
      posts: row.posts,
      reach: Number(row.reach),
    }));
  }
}
