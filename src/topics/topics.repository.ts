import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from './analysis-jobs.repository.js';

export type TopicStatus = 'active' | 'paused';

export interface TopicView {
  id: string;
  name: string;
  query: string;
  categoryHint: string | null;
  status: TopicStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Stored posts matched by the topic now. */
  matchedPosts: number;
}

interface TopicRow {
  id: string;
  name: string;
  query: string;
  category_hint: string | null;
  status: TopicStatus;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  matched_posts: string;
}

const SELECT_TOPIC = `
  SELECT t.id, t.name, t.query, t.category_hint, t.status, u.username AS created_by_name, t.created_at, t.updated_at,
         (SELECT count(*) FROM post_topics pt WHERE pt.topic_id = t.id) AS matched_posts
  FROM topics t LEFT JOIN users u ON u.id = t.created_by`;

/** Recent post as the query preview shows it (text is stored PII-masked). */
export interface PreviewPostRow {
  id: string;
  text: string;
  created_at: Date;
  source: string;
  sentiment: string | null;
  category: string | null;
}

@Injectable()
export class TopicsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(status?: TopicStatus): Promise<TopicView[]> {
    const rows = await this.dataSource.query<TopicRow[]>(
      `${SELECT_TOPIC} WHERE ($1::text IS NULL OR t.status = $1) ORDER BY lower(t.name), t.id`,
      [status ?? null],
    );
    return rows.map(toView);
  }

  async find(id: string): Promise<TopicView | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const [row] = await this.dataSource.query<TopicRow[]>(`${SELECT_TOPIC} WHERE t.id = $1`, [id]);
    return row ? toView(row) : undefined;
  }

  async nameTaken(name: string, exceptId?: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM topics WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2)`,
      [name, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async categoryExists(slug: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM categories WHERE slug = $1`, [slug]);
    return rows.length > 0;
  }

  async insert(input: { name: string; query: string; categoryHint: string | null; createdBy: string | null }) {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO topics (name, query, category_hint, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, clock_timestamp(), clock_timestamp()) RETURNING id`,
      [input.name, input.query, input.categoryHint, input.createdBy],
    );
    return row.id;
  }

  async update(
    id: string,
    changes: { name?: string; query?: string; categoryHint?: string | null; status?: TopicStatus },
  ): Promise<boolean> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE topics SET name = coalesce($2, name), query = coalesce($3, query),
              category_hint = CASE WHEN $4 THEN $5 ELSE category_hint END,
              status = coalesce($6, status), updated_at = clock_timestamp()
       WHERE id = $1 RETURNING id`,
      [
        id,
        changes.name ?? null,
        changes.query ?? null,
        changes.categoryHint !== undefined,
        changes.categoryHint ?? null,
        changes.status ?? null,
      ],
    );
    return rows.length > 0;
  }

  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) {
      return false;
    }
    const rows = await this.dataSource.query<[unknown[], number]>(`DELETE FROM topics WHERE id = $1 RETURNING id`, [
      id,
    ]);
    return rows[0].length > 0;
  }

  /** The most recent stored posts, newest first, from before the cursor (created_at, id). */
  async recentPosts(limit: number, before?: { at: Date; id: string }): Promise<PreviewPostRow[]> {
    return this.dataSource.query<PreviewPostRow[]>(
      `SELECT p.id, p.text, p.created_at, s.name AS source, p.sentiment, p.category
       FROM posts p JOIN sources s ON s.id = p.source_id
       WHERE $1::timestamptz IS NULL OR (p.created_at, p.id) < ($1::timestamptz, $2::bigint)
       ORDER BY p.created_at DESC, p.id DESC LIMIT $3`,
      [before?.at ?? null, before?.id ?? null, limit],
    );
  }
}

function toView(row: TopicRow): TopicView {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    categoryHint: row.category_hint,
    status: row.status,
    createdBy: row.created_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    matchedPosts: Number(row.matched_posts),
  };
}
