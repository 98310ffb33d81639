import { t } from './i18n.js';
/**
 * The aggregate API (/api/stats/*, docs/stats.md) as the dashboard reads it. Every call takes `from`, `to` and the
 * shared filters (source, category, sentiment, region, topic, opd); the same names filter /api/posts and /api/issues,
 * so a click on a chart opens Telusuri with exactly the filters of what was clicked.
 */
import { api } from './api.js';
import { hasStoredTimeZone, setTimeZone } from './format.js';

export interface StatsFilters {
  from: string;
  to: string;
  source?: string;
  category?: string;
  sentiment?: string;
  region?: string;
  topic?: string;
  opd?: string;
}

export interface Figure {
  value: number | null;
  previous: number | null;
  /** Relative change against the previous equal period (0.1 = +10 %), null without a previous value. */
  change: number | null;
}

export interface Overview {
  posts: Figure;
  authors: Figure;
  negativeShare: Figure;
  openIssues: { level: string; count: number }[];
  alerts: Figure & { unacknowledged: number };
  timeZone?: string;
  notApplied: string[];
}

export interface VolumeSeries {
  key: string;
  label: string;
  posts: number;
  /** Against the previous equal period. */
  change: number | null;
  points: { bucket: string; posts: number }[];
}

export interface Volume {
  interval: 'hour' | 'day';
  buckets: string[];
  series: VolumeSeries[];
  /** Buckets in which the detector saw a burst. */
  bursts: string[];
  /** The issues first detected in each burst bucket. */
  burstIssues: Map<string, { id: string; label: string }[]>;
}

export interface BreakdownRow {
  key: string;
  label: string;
  posts: number;
  negativeShare: number | null;
  change: number | null;
}

type Loose = Record<string, unknown>;

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

function figure(raw: unknown): Figure {
  if (typeof raw === 'number') {
    return { value: raw, previous: null, change: null };
  }
  const value = (raw ?? {}) as Loose;
  const num = (v: unknown) => (typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v));
  return {
    value: num(value.value ?? value.current ?? value.count),
    previous: num(value.previous),
    change: num(value.change),
  };
}

export async function fetchOverview(filters: StatsFilters): Promise<Overview> {
  const raw = await api.get<Loose>('/api/stats/overview', { ...filters });
  const open = (raw.openIssues ?? {}) as { bySeverity?: Record<string, number> };
  const alerts = (raw.alerts ?? {}) as Loose;
  return {
    posts: figure(raw.posts),
    authors: figure(raw.authors),
    negativeShare: figure(raw.negativeShare),
    openIssues: Object.entries(open.bySeverity ?? {}).map(([level, count]) => ({ level, count })),
    alerts: { ...figure(alerts), unacknowledged: Number(alerts.unacknowledged ?? 0) },
    timeZone: typeof raw.timeZone === 'string' ? raw.timeZone : undefined,
    notApplied: Array.isArray(raw.notApplied) ? (raw.notApplied as string[]) : [],
  };
}

export async function fetchVolume(
  filters: StatsFilters,
  interval: 'hour' | 'day',
  by: 'none' | 'source' | 'category' | 'sentiment',
): Promise<Volume> {
  const raw = await api.get<Loose>('/api/stats/volume', { ...filters, interval, by });
  const series = ((raw.series ?? []) as Loose[]).map((item) => ({
    key: text(item.key, ''),
    label: text(item.label, text(item.key, t('common.semua'))),
    posts: Number(item.posts ?? 0),
    change: typeof item.change === 'number' ? item.change : null,
    points: ((item.points ?? []) as Loose[]).map((point) => ({
      bucket: String(point.bucket),
      posts: Number(point.posts ?? 0),
    })),
  }));
  const burstIssues = new Map<string, { id: string; label: string }[]>();
  for (const burst of (raw.bursts ?? []) as Loose[]) {
    burstIssues.set(
      String(burst.bucket),
      ((burst.issues ?? []) as { id: string; label: string }[]).map(({ id, label }) => ({ id, label })),
    );
  }
  return {
    interval,
    buckets: ((raw.buckets ?? []) as string[]).map(String),
    series,
    bursts: [...burstIssues.keys()],
    burstIssues,
  };
}

export async function fetchBreakdown(
  filters: StatsFilters,
  dim: 'category' | 'opd' | 'sentiment' | 'source' | 'region',
  extra: Record<string, string> = {},
): Promise<BreakdownRow[]> {
  const raw = await api.get<Loose | Loose[]>('/api/stats/breakdown', { ...filters, dim, ...extra });
  const rows = Array.isArray(raw) ? raw : ((raw.rows ?? []) as Loose[]);
  return rows.map((row) => ({
    key: text(row.key, ''),
    label: text(row.label, text(row.key, '')),
    posts: Number(row.posts ?? 0),
    negativeShare: typeof row.negativeShare === 'number' ? row.negativeShare : null,
    change: typeof row.change === 'number' ? row.change : null,
  }));
}

/**
 * The home region's time zone for a browser that has not seen a stats answer yet (every stats answer names it): one
 * small breakdown of the last hour, once per browser, so every page shows times in that zone from the first visit.
 */
export async function learnTimeZone(): Promise<void> {
  if (hasStoredTimeZone()) {
    return;
  }
  const to = new Date();
  const from = new Date(to.getTime() - 3600_000);
  const raw = await api
    .get<Loose>('/api/stats/breakdown', { from: from.toISOString(), to: to.toISOString(), dim: 'sentiment' })
    .catch((): Loose => ({}));
  setTimeZone(typeof raw.timeZone === 'string' ? raw.timeZone : undefined);
}

/** A link to Telusuri with the given filters (what a click on a chart opens). */
export function exploreLink(filters: Partial<StatsFilters> & { q?: string; issue?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) {
      params.set(key, value);
    }
  }
  return `/telusuri?${params.toString()}`;
}
