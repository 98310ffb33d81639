import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normalizeText } from '../analysis/index.js';

/** Word-set Jaccard at or above which two posts count as the same text (copy-paste with small edits). */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;
/** Shorter posts are never grouped: short texts match by chance. */
const MIN_TOKENS = 5;
const MAX_CANDIDATES = 2000;
const MAX_ITEMS = 100;

export interface NearDuplicateItem {
  id: string;
  sourceId: string;
  author: string | null;
  createdAt: string;
  similarity: number;
}

export interface NearDuplicateGroup {
  postId: string;
  /** Posts in the group, this one included. */
  posts: number;
  /** Distinct accounts that posted the text. */
  accounts: number;
  firstAt: string;
  lastAt: string;
  /** Posts per hour between the first and the last (a coordinated burst is dense). */
  postsPerHour: number;
  /** "N akun memposting teks yang sama", for the dashboard. */
  summary: string;
  /** How the group was found: the stored near-duplicate key, or a similarity search around the post's time. */
  method: 'near-duplicate-key' | 'similarity-search';
  items: NearDuplicateItem[];
}

interface PostRow {
  id: string;
  source_id: string;
  author: string | null;
  created_at: Date;
  text: string;
  near_duplicate_key: string | null;
}

/**
 * "N accounts posted this same text": the copy-paste pattern of coordinated (buzzer) campaigns.
 * When the ingest path has stored a near-duplicate key, the group is that key's posts; otherwise it is
 * found at query time: candidates sharing the post's words (PostgreSQL full-text index) within a
 * time window, kept when the Jaccard similarity of their normalised word sets reaches the threshold.
 */
@Injectable()
export class NearDuplicatesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async groupOf(postId: string, windowHours: number): Promise<NearDuplicateGroup> {
    const [post] = /^\d{1,19}$/.test(postId)
      ? await this.db.query<PostRow[]>(
          `SELECT id::text, source_id, author, created_at, text, near_duplicate_key::text FROM posts WHERE id = $1`,
          [postId],
        )
      : [];
    if (!post) {
      throw new NotFoundException(`Post ${postId} tidak ditemukan`);
    }
    if (post.near_duplicate_key !== null) {
      const rows = await this.db.query<PostRow[]>(
        `SELECT id::text, source_id, author, created_at, text, near_duplicate_key::text FROM posts
          WHERE near_duplicate_key = $1 ORDER BY created_at LIMIT $2`,
        [post.near_duplicate_key, MAX_CANDIDATES],
      );
      return summarise(
        post,
        rows.map((row) => ({ row, similarity: 1 })),
        'near-duplicate-key',
      );
    }
    const words = wordSet(post.text);
    if (words.size < MIN_TOKENS) {
      return summarise(post, [{ row: post, similarity: 1 }], 'similarity-search');
    }
    const query = tsQueryOf(post.text);
    const candidates = query
      ? await this.db.query<PostRow[]>(
          `SELECT id::text, source_id, author, created_at, text, near_duplicate_key::text FROM posts
            WHERE created_at BETWEEN $1::timestamptz - make_interval(hours => $2) AND $1::timestamptz + make_interval(hours => $2)
              AND id <> $3 AND to_tsvector('simple', text) @@ to_tsquery('simple', $4)
            ORDER BY ts_rank(to_tsvector('simple', text), to_tsquery('simple', $4)) DESC
            LIMIT $5`,
          [post.created_at, windowHours, post.id, query, MAX_CANDIDATES],
        )
      : [];
    const members = [{ row: post, similarity: 1 }];
    for (const row of candidates) {
      const similarity = jaccard(words, wordSet(row.text));
      if (similarity >= NEAR_DUPLICATE_THRESHOLD) {
        members.push({ row, similarity });
      }
    }
    return summarise(post, members, 'similarity-search');
  }
}

function wordSet(text: string): Set<string> {
  return new Set(
    normalizeText(text).tokens.filter(
      (token) => !token.startsWith('http') && !token.startsWith('@') && token.length > 1,
    ),
  );
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const token of a) {
    if (b.has(token)) {
      shared++;
    }
  }
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** An OR query over the post's longest plain words (as they appear in the stored text, for the full-text index). */
function tsQueryOf(text: string): string | undefined {
  const words = [...new Set(text.toLowerCase().match(/[a-z0-9]{4,}/g) ?? [])]
    .sort((a, b) => b.length - a.length)
    .slice(0, 8);
  return words.length === 0 ? undefined : words.join(' | ');
}

function summarise(
  post: PostRow,
  members: { row: PostRow; similarity: number }[],
  method: NearDuplicateGroup['method'],
): NearDuplicateGroup {
  const sorted = members.sort((a, b) => a.row.created_at.getTime() - b.row.created_at.getTime());
  const accounts = new Set(sorted.map((member) => member.row.author ?? `tanpa-nama:${member.row.id}`)).size;
  const first = sorted[0].row.created_at;
  const last = sorted[sorted.length - 1].row.created_at;
  const hours = Math.max((last.getTime() - first.getTime()) / 3_600_000, 1 / 60);
  return {
    postId: post.id,
    posts: sorted.length,
    accounts,
    firstAt: first.toISOString(),
    lastAt: last.toISOString(),
    postsPerHour: sorted.length > 1 ? Math.round((sorted.length / hours) * 10) / 10 : 0,
    summary:
      accounts > 1
        ? `${accounts} akun memposting teks yang sama (${sorted.length} pos)`
        : 'Tidak ada akun lain yang memposting teks yang sama',
    method,
    items: sorted.slice(0, MAX_ITEMS).map(({ row, similarity }) => ({
      id: row.id,
      sourceId: row.source_id,
      author: row.author,
      createdAt: row.created_at.toISOString(),
      similarity: Math.round(similarity * 100) / 100,
    })),
  };
}
