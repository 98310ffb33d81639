/**
 * Per-issue figures from the issue's posts (issue_posts joined to posts), read for briefs through IssuesService.
 * Plain parameterised SQL: an issue can hold tens of thousands of posts.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  IssueFigures,
  IssueOfficialStatement,
  IssueQuote,
  IssueWindowFigures,
  RelatedIssue,
} from './dto/issue-figures.js';

const QUOTES = 5;
const PLACES = 5;

@Injectable()
export class IssueFiguresRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The statements are independent (but for the periods, which need the last post's time) and run at once on
   * the pool's connections: the draft waits for the slowest (the quotes) instead of their sum.
   */
  async figures(issueId: string, periodHours: number): Promise<IssueFigures> {
    const totalsAndPeriods = async () => {
      const [totals] = await this.db.query<
        {
          posts: number;
          authors: number;
          first: Date | null;
          last: Date | null;
          pos: number;
          neu: number;
          neg: number;
          unk: number;
        }[]
      >(
        `SELECT count(*)::int AS posts, count(DISTINCT coalesce(p.author, p.id::text))::int AS authors,
              min(p.created_at) AS first, max(p.created_at) AS last,
              count(*) FILTER (WHERE p.sentiment = 'positive')::int AS pos,
              count(*) FILTER (WHERE p.sentiment = 'neutral')::int AS neu,
              count(*) FILTER (WHERE p.sentiment = 'negative')::int AS neg,
              count(*) FILTER (WHERE p.sentiment IS NULL)::int AS unk
         FROM issue_posts ip JOIN posts p ON p.id = ip.post_id AND p.created_at = ip.post_created_at
        WHERE ip.issue_id = $1`,
        [issueId],
      );
      const [periods] = totals.last
        ? await this.db.query<{ current: number; previous: number }[]>(
            `SELECT count(*) FILTER (WHERE ip.post_created_at > $2::timestamptz - make_interval(hours => $3))::int AS current,
                  count(*) FILTER (WHERE ip.post_created_at <= $2::timestamptz - make_interval(hours => $3)
                                     AND ip.post_created_at > $2::timestamptz - make_interval(hours => 2 * $3))::int
                    AS previous
             FROM issue_posts ip WHERE ip.issue_id = $1`,
            [issueId, totals.last, periodHours],
          )
        : [{ current: 0, previous: 0 }];
      return { totals, periods };
    };
    const [{ totals, periods }, hourly, places, [dup], quotes] = await Promise.all([
      totalsAndPeriods(),
      this.db.query<{ hour: Date; posts: number }[]>(
        `SELECT date_trunc('hour', ip.post_created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour, count(*)::int AS posts
         FROM issue_posts ip WHERE ip.issue_id = $1 GROUP BY 1 ORDER BY 1`,
        [issueId],
      ),
      this.db.query<{ code: string; name: string; posts: number }[]>(
        `SELECT l->>'code' AS code, min(l->>'name') AS name, count(DISTINCT p.id)::int AS posts
         FROM issue_posts ip JOIN posts p ON p.id = ip.post_id AND p.created_at = ip.post_created_at,
              jsonb_array_elements(CASE WHEN jsonb_typeof(p.locations) = 'array' THEN p.locations ELSE '[]' END) l
        WHERE ip.issue_id = $1 AND l->>'code' IS NOT NULL
        GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT $2`,
        [issueId, PLACES],
      ),
      this.db.query<{ posts: number }[]>(
        `SELECT coalesce(sum(n), 0)::int AS posts FROM (
         SELECT count(*) AS n FROM issue_posts ip JOIN posts p ON p.id = ip.post_id AND p.created_at = ip.post_created_at
          WHERE ip.issue_id = $1 AND p.near_duplicate_key IS NOT NULL
          GROUP BY p.near_duplicate_key HAVING count(*) > 1) d`,
        [issueId],
      ),
      this.quotes(issueId),
    ]);
    let peak: IssueFigures['peak'] = null;
    for (const h of hourly) {
      if (!peak || h.posts > peak.posts) {
        peak = { hourStart: new Date(h.hour).toISOString(), posts: h.posts };
      }
    }
    return {
      posts: totals.posts,
      authors: totals.authors,
      firstPostAt: totals.first ? new Date(totals.first).toISOString() : null,
      lastPostAt: totals.last ? new Date(totals.last).toISOString() : null,
      periodHours,
      currentPeriodPosts: periods.current,
      previousPeriodPosts: periods.previous,
      sentiment: { positive: totals.pos, neutral: totals.neu, negative: totals.neg, unknown: totals.unk },
      places,
      nearDuplicatePosts: dup.posts,
      hourly: hourly.map((h) => ({ hourStart: new Date(h.hour).toISOString(), posts: h.posts })),
      peak,
      quotes,
    };
  }

  /**
   * For each issue of `ids`: its posts in [from, to) and in the equal window before, and the sentiment and most
   * named places of the window's posts. One statement for all the issues; the window reads go through
   * issue_posts_issue_time_idx (migration 1764000003200), and only the window's posts are joined to posts.
   */
  async postsInWindows(ids: string[], from: Date, to: Date, places: number): Promise<IssueWindowFigures[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await this.db.query<
      {
        issue_id: string;
        posts: number;
        previous: number;
        pos: number;
        neu: number;
        neg: number;
        unk: number;
        places: { code: string; name: string; posts: number }[];
      }[]
    >(
      `WITH win AS (
         SELECT ip.issue_id, ip.post_id, ip.post_created_at FROM issue_posts ip
          WHERE ip.issue_id = ANY($1::uuid[])
            AND ip.post_created_at >= $2::timestamptz - ($3::timestamptz - $2::timestamptz)
            AND ip.post_created_at < $3),
       counts AS (
         SELECT issue_id, count(*) FILTER (WHERE post_created_at >= $2)::int AS posts,
                count(*) FILTER (WHERE post_created_at < $2)::int AS previous
           FROM win GROUP BY issue_id),
       current AS (
         SELECT w.issue_id, p.id, p.sentiment, p.locations
           FROM win w JOIN posts p ON p.id = w.post_id AND p.created_at = w.post_created_at
          WHERE w.post_created_at >= $2 AND p.created_at >= $2 AND p.created_at < $3),
       tone AS (
         SELECT issue_id, count(*) FILTER (WHERE sentiment = 'positive')::int AS pos,
                count(*) FILTER (WHERE sentiment = 'neutral')::int AS neu,
                count(*) FILTER (WHERE sentiment = 'negative')::int AS neg,
                count(*) FILTER (WHERE sentiment IS NULL)::int AS unk
           FROM current GROUP BY issue_id),
       named AS (
         SELECT c.issue_id, l->>'code' AS code, min(l->>'name') AS name, count(DISTINCT c.id)::int AS posts
           FROM current c,
                jsonb_array_elements(CASE WHEN jsonb_typeof(c.locations) = 'array' THEN c.locations ELSE '[]' END) l
          WHERE l->>'code' IS NOT NULL GROUP BY 1, 2),
       ranked AS (
         SELECT *, row_number() OVER (PARTITION BY issue_id ORDER BY posts DESC, code) AS rank FROM named)
       SELECT c.issue_id, c.posts, c.previous, coalesce(t.pos, 0) AS pos, coalesce(t.neu, 0) AS neu,
              coalesce(t.neg, 0) AS neg, coalesce(t.unk, 0) AS unk,
              coalesce((SELECT jsonb_agg(jsonb_build_object('code', r.code, 'name', r.name, 'posts', r.posts)
                                         ORDER BY r.rank)
                          FROM ranked r WHERE r.issue_id = c.issue_id AND r.rank <= $4), '[]') AS places
         FROM counts c LEFT JOIN tone t USING (issue_id)`,
      [ids, from, to, places],
    );
    const byId = new Map(rows.map((row) => [row.issue_id, row]));
    return ids.map((issueId) => {
      const row = byId.get(issueId);
      return {
        issueId,
        posts: row?.posts ?? 0,
        previous: row?.previous ?? 0,
        sentiment: {
          positive: row?.pos ?? 0,
          neutral: row?.neu ?? 0,
          negative: row?.neg ?? 0,
          unknown: row?.unk ?? 0,
        },
        places: row?.places ?? [],
      };
    });
  }

  /**
   * For each issue of `ids` with an official statement in [from, to): the first one and the other posts after it
   * (see IssueOfficialStatement). Official: a post of one of `sources` or whose author, without `@` and in lower
   * case, is one of `accounts`. Patterns are PostgreSQL regular expressions matched case-insensitively.
   */
  async officialStatements(
    ids: string[],
    window: { from: Date; to: Date },
    official: { sources: string[]; accounts: string[] },
    patterns: { statement: string; claim: string },
  ): Promise<IssueOfficialStatement[]> {
    if (ids.length === 0 || (official.sources.length === 0 && official.accounts.length === 0)) {
      return [];
    }
    const rows = await this.db.query<
      {
        issue_id: string;
        post_id: string;
        created_at: Date;
        author: string | null;
        source: string | null;
        text: string;
        citizens: number;
        claims: number;
      }[]
    >(
      `WITH official AS (
         SELECT DISTINCT ON (ip.issue_id) ip.issue_id, p.id, p.created_at, p.author, p.source_id, p.text
           FROM issue_posts ip JOIN posts p ON p.id = ip.post_id AND p.created_at = ip.post_created_at
          WHERE ip.issue_id = ANY($1::uuid[]) AND ip.post_created_at >= $2 AND ip.post_created_at < $3
            AND p.created_at >= $2 AND p.created_at < $3
            AND (p.source_id = ANY($4::uuid[]) OR lower(ltrim(p.author, '@')) = ANY($5::text[]))
            AND p.text ~* $6
          ORDER BY ip.issue_id, p.created_at, p.id)
       SELECT o.issue_id, o.id::text AS post_id, o.created_at, o.author, s.name AS source, o.text,
              count(c.id)::int AS citizens, count(c.id) FILTER (WHERE c.text ~* $7)::int AS claims
         FROM official o
         LEFT JOIN sources s ON s.id = o.source_id
         LEFT JOIN issue_posts cp
           ON cp.issue_id = o.issue_id AND cp.post_created_at > o.created_at AND cp.post_created_at < $3
         LEFT JOIN posts c
           ON c.id = cp.post_id AND c.created_at = cp.post_created_at
          AND NOT (c.source_id = ANY($4::uuid[]) OR coalesce(lower(ltrim(c.author, '@')), '') = ANY($5::text[]))
        GROUP BY o.issue_id, o.id, o.created_at, o.author, s.name, o.text`,
      [ids, window.from, window.to, official.sources, official.accounts, patterns.statement, patterns.claim],
    );
    return rows.map((r) => ({
      issueId: r.issue_id,
      statement: {
        postId: r.post_id,
        createdAt: new Date(r.created_at).toISOString(),
        author: r.author,
        source: r.source,
        text: r.text,
      },
      citizensAfter: r.citizens,
      claimsAfter: r.claims,
    }));
  }

  private async quotes(issueId: string): Promise<IssueQuote[]> {
    const rows = await this.db.query<
      {
        id: string;
        created_at: Date;
        author: string | null;
        source: string | null;
        url: string | null;
        text: string;
        reach: number;
        sentiment: string | null;
      }[]
    >(
      `WITH ranked AS (
         SELECT p.id, p.created_at, p.author, p.url, p.text, p.sentiment, p.source_id,
                (p.likes + p.replies + p.reposts)::int AS reach,
                row_number() OVER (PARTITION BY coalesce(p.near_duplicate_key, -p.id)
                                   ORDER BY p.likes + p.replies + p.reposts DESC, p.created_at, p.id) AS in_group,
                row_number() OVER (PARTITION BY coalesce(p.author, p.id::text)
                                   ORDER BY p.likes + p.replies + p.reposts DESC, p.created_at, p.id) AS of_author
           FROM issue_posts ip JOIN posts p ON p.id = ip.post_id AND p.created_at = ip.post_created_at
          WHERE ip.issue_id = $1)
       SELECT r.id::text, r.created_at, r.author, s.name AS source, r.url, r.text, r.reach, r.sentiment
         FROM ranked r LEFT JOIN sources s ON s.id = r.source_id
        WHERE r.in_group = 1 AND r.of_author = 1
        ORDER BY r.reach DESC, r.created_at, r.id LIMIT $2`,
      [issueId, QUOTES],
    );
    return rows.map((r) => ({
      postId: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      author: r.author,
      source: r.source ?? 'sumber tidak diketahui',
      url: r.url,
      text: r.text,
      reach: r.reach,
      sentiment: r.sentiment,
    }));
  }

  /** Issues of the same category sharing a place, first detected in the `days` before this one (not merged away). */
  async relatedEarlier(issueId: string, days: number): Promise<RelatedIssue[]> {
    const rows = await this.db.query<
      { id: string; label: string; first_detected_at: Date; state: string; outcome: string | null; shared: string[] }[]
    >(
      `SELECT o.id, o.label, o.first_detected_at, o.state, o.outcome,
              ARRAY(SELECT unnest(o.region_codes) INTERSECT SELECT unnest(t.region_codes) ORDER BY 1) AS shared
         FROM issues t JOIN issues o
           ON o.id <> t.id AND o.category = t.category AND o.region_codes && t.region_codes AND o.merged_into IS NULL
          AND o.first_detected_at < t.first_detected_at
          AND o.first_detected_at >= t.first_detected_at - make_interval(days => $2)
        WHERE t.id = $1
        ORDER BY o.first_detected_at DESC LIMIT 5`,
      [issueId, days],
    );
    return rows.map((r) => ({
      id: r.id,
      label: r.label,
      firstDetectedAt: new Date(r.first_detected_at).toISOString(),
      state: r.state,
      outcome: r.outcome,
      sharedPlaces: r.shared,
    }));
  }
}
