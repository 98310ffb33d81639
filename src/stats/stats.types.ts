/** Response shapes of /api/stats/* (documented in docs/stats.md; the dashboard builds on them: keep them stable). */
import type { FilterName, StatsFilters } from './stats.repository.js';

export interface StatsMeta {
  /** The period covered, rounded out to whole hours (ISO, UTC). */
  from: string;
  to: string;
  /** Start of the previous equal period that `change` compares against (it ends at `from`). */
  previousFrom: string;
  /** The home region's zone: day buckets start at midnight there; show times in it. */
  timeZone: string;
  timeZoneAbbreviation: 'WIB' | 'WITA' | 'WIT';
  filters: StatsFilters;
  /** Filters the rollup behind this answer cannot apply (the figures ignore them). Empty when exact. */
  notApplied: FilterName[];
}

export interface Change {
  value: number;
  previous: number;
  /** (value − previous) / previous, rounded to 4 decimals; null when previous is 0. */
  change: number | null;
}

export interface OverviewResponse extends StatsMeta {
  posts: Change;
  reach: Change;
  /** HyperLogLog estimate (standard error ≈ 1.6 %); `notApplied` may name filters it could not apply. */
  authors: Change & { estimated: true; notApplied: FilterName[] };
  /** Share of negative posts in [0, 1]; `changePoints` is the difference in percentage points. */
  negativeShare: Change & { changePoints: number };
  /** Issues open now (no outcome, not dormant), by severity level; filtered by category and region only. */
  openIssues: { total: number; bySeverity: Record<SeverityLevel, number> };
  alerts: Change & { unacknowledged: number };
}

export type SeverityLevel = 'kritis' | 'tinggi' | 'sedang' | 'rendah';

export interface BurstIssue {
  id: string;
  label: string;
  severity: number;
  severityLevel: string;
  detectedAt: string;
}

export interface VolumeResponse extends StatsMeta {
  interval: 'hour' | 'day';
  by: 'none' | 'source' | 'category' | 'sentiment';
  /** Every bucket start of the period (ISO), zero-filled in each series. */
  buckets: string[];
  series: {
    key: string;
    label: string;
    posts: number;
    previousPosts: number;
    change: number | null;
    points: { bucket: string; posts: number; reach: number; burst: boolean }[];
  }[];
  /** Buckets in which the detector first reported an issue (filtered by category and region). */
  bursts: { bucket: string; issues: BurstIssue[] }[];
}

export interface BreakdownRow {
  key: string;
  label: string;
  posts: number;
  /** Share of negative posts in [0, 1]. */
  negativeShare: number;
  change: number | null;
}

export interface BreakdownResponse extends StatsMeta {
  dim: 'category' | 'opd' | 'sentiment' | 'source' | 'region';
  level: 'province' | 'regency' | 'district' | null;
  rows: BreakdownRow[];
}

export interface TopTermsResponse extends StatsMeta {
  /** Counts are lower bounds: each batch adds only its most frequent terms (docs/stats.md). */
  terms: { term: string; posts: number; change: number | null }[];
}

export interface TopAuthorsResponse extends StatsMeta {
  by: 'posts' | 'reach';
  /**
   * From bounded summaries (docs/stats.md, "Top authors"): `posts` and `reach` are lower bounds, short of the true
   * figures by at most `postsError` / `reachError` (0: exact).
   */
  authors: {
    author: string;
    source: { id: string; label: string };
    posts: number;
    reach: number;
    postsError: number;
    reachError: number;
  }[];
}
