import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { timeZoneAbbreviation } from '../config/time-zone.js';
import type { BreakdownQuery, StatsQuery, TopAuthorsQuery, TopTermsQuery, VolumeQuery } from './dto/stats-query.dto.js';
import { StatsLabels, type LabelKind } from './stats-labels.js';
import { FilterName, StatsFilters, StatsRepository, type TotalsRow } from './stats.repository.js';
import type {
  BreakdownResponse,
  BurstIssue,
  Change,
  OverviewResponse,
  SeverityLevel,
  StatsMeta,
  TopAuthorsResponse,
  TopTermsResponse,
  VolumeResponse,
} from './stats.types.js';
import { bucketOf, bucketStarts, changeOf, resolveWindow, shareOf, type StatsWindow } from './stats-window.js';

const SEVERITY_LEVELS: SeverityLevel[] = ['kritis', 'tinggi', 'sedang', 'rendah'];

/** The dashboard's aggregates, from the rollups only (see StatsRepository). */
@Injectable()
export class StatsService {
  constructor(
    private readonly repository: StatsRepository,
    private readonly labels: StatsLabels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async overview(query: StatsQuery): Promise<OverviewResponse> {
    const { window, filters } = this.prepare(query);
    const [totals, authors, openIssues, alerts] = await Promise.all([
      this.repository.totals(filters, window, 'none'),
      this.repository.distinctAuthors(filters, window),
      this.repository.openIssuesBySeverity(filters),
      this.repository.alertCounts(window),
    ]);
    const row: TotalsRow = totals.rows[0] ?? {
      key: '',
      posts: 0,
      negative: 0,
      previousPosts: 0,
      previousNegative: 0,
      reach: 0,
      previousReach: 0,
    };
    const share = shareOf(row.negative, row.posts);
    const previousShare = shareOf(row.previousNegative, row.previousPosts);
    const bySeverity = Object.fromEntries(SEVERITY_LEVELS.map((level) => [level, openIssues[level] ?? 0])) as Record<
      SeverityLevel,
      number
    >;
    return {
      ...this.meta(window, filters, [...totals.notApplied, ...authors.notApplied]),
      posts: changeBetween(row.posts, row.previousPosts),
      reach: changeBetween(row.reach, row.previousReach),
      authors: { ...changeBetween(authors.current, authors.previous), estimated: true, notApplied: authors.notApplied },
      negativeShare: {
        ...changeBetween(share, previousShare),
        changePoints: Math.round((share - previousShare) * 1000) / 10,
      },
      openIssues: { total: Object.values(bySeverity).reduce((a, b) => a + b, 0), bySeverity },
      alerts: { ...changeBetween(alerts.current, alerts.previous), unacknowledged: alerts.unacknowledged },
    };
  }

  async volume(query: VolumeQuery): Promise<VolumeResponse> {
    const { window, filters } = this.prepare(query);
    const interval = query.interval ?? 'hour';
    const by = query.by ?? 'none';
    const [volume, totals, detected, label] = await Promise.all([
      this.repository.volume(filters, window, interval, by),
      this.repository.totals(filters, window, by),
      this.repository.detectedIssues(filters, window),
      this.labels.forKind(by),
    ]);
    const starts = bucketStarts(window, interval);
    const bursts = new Map<number, BurstIssue[]>();
    for (const issue of detected) {
      const bucket = bucketOf(new Date(issue.first_detected_at), interval, window.timeZone);
      const list = bursts.get(bucket) ?? [];
      list.push({
        id: issue.id,
        label: issue.label,
        severity: Math.round(issue.severity * 10) / 10,
        severityLevel: issue.level,
        detectedAt: new Date(issue.first_detected_at).toISOString(),
      });
      bursts.set(bucket, list);
    }
    const byKey = new Map<string, Map<number, { posts: number; reach: number }>>();
    for (const row of volume.rows) {
      const points = byKey.get(row.key) ?? new Map();
      points.set(row.bucket.getTime(), { posts: row.posts, reach: row.reach });
      byKey.set(row.key, points);
    }
    const keyed = new Map(totals.rows.map((row) => [row.key, row]));
    const keys = [...new Set([...keyed.keys(), ...byKey.keys()])];
    if (by === 'none' && keys.length === 0) {
      keys.push('');
    }
    const series = keys.map((key) => {
      const points = byKey.get(key) ?? new Map();
      const total = keyed.get(key);
      return {
        key,
        label: label(key),
        posts: total?.posts ?? 0,
        previousPosts: total?.previousPosts ?? 0,
        change: changeOf(total?.posts ?? 0, total?.previousPosts ?? 0),
        points: starts.map((start) => {
          const point = points.get(start.getTime());
          return {
            bucket: start.toISOString(),
            posts: point?.posts ?? 0,
            reach: point?.reach ?? 0,
            burst: bursts.has(start.getTime()),
          };
        }),
      };
    });
    series.sort((a, b) => b.posts - a.posts || (a.key < b.key ? -1 : 1));
    return {
      ...this.meta(window, filters, volume.notApplied),
      interval,
      by,
      buckets: starts.map((start) => start.toISOString()),
      series,
      bursts: [...bursts].map(([bucket, issues]) => ({ bucket: new Date(bucket).toISOString(), issues })),
    };
  }

  async breakdown(query: BreakdownQuery): Promise<BreakdownResponse> {
    const { window, filters } = this.prepare(query);
    const dim = query.dim ?? 'category';
    const level = dim === 'region' ? (query.level ?? 'regency') : null;
    const [totals, label] = await Promise.all([
      this.repository.totals(filters, window, dim === 'region' ? 'code' : dim, level ?? undefined),
      this.labels.forKind(dim as LabelKind),
    ]);
    const rows = totals.rows
      .filter((row) => row.posts > 0 || row.previousPosts > 0)
      .map((row) => ({
        key: row.key,
        label: label(row.key),
        posts: row.posts,
        negativeShare: shareOf(row.negative, row.posts),
        change: changeOf(row.posts, row.previousPosts),
      }))
      .sort((a, b) => b.posts - a.posts || (a.key < b.key ? -1 : 1))
      .slice(0, query.limit ?? 100);
    return { ...this.meta(window, filters, totals.notApplied), dim, level, rows };
  }

  async topTerms(query: TopTermsQuery): Promise<TopTermsResponse> {
    const { window, filters } = this.prepare(query);
    const result = await this.repository.topTerms(filters, window, query.limit ?? 30);
    return {
      ...this.meta(window, filters, result.notApplied),
      terms: result.rows.map((row) => ({
        term: row.term,
        posts: row.posts,
        change: changeOf(row.posts, row.previousPosts),
      })),
    };
  }

  async topAuthors(query: TopAuthorsQuery): Promise<TopAuthorsResponse> {
    const { window, filters } = this.prepare(query);
    const by = query.by ?? 'posts';
    const [result, label] = await Promise.all([
      this.repository.topAuthors(filters, window, by, query.limit ?? 20),
      this.labels.forKind('source'),
    ]);
    return {
      ...this.meta(window, filters, result.notApplied),
      by,
      authors: result.rows.map((row) => ({
        author: row.author,
        source: { id: row.sourceId, label: label(row.sourceId) },
        posts: row.posts,
        reach: row.reach,
        postsError: row.postsError,
        reachError: row.reachError,
      })),
    };
  }

  private prepare(query: StatsQuery): { window: StatsWindow; filters: StatsFilters } {
    const window = resolveWindow(query, this.config.timeZone);
    const filters: StatsFilters = {};
    for (const name of ['source', 'category', 'sentiment', 'region', 'topic'] as const) {
      if (query[name]) {
        filters[name] = query[name];
      }
    }
    return { window, filters };
  }

  private meta(window: StatsWindow, filters: StatsFilters, notApplied: FilterName[]): StatsMeta {
    return {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      previousFrom: window.previousFrom.toISOString(),
      timeZone: window.timeZone,
      timeZoneAbbreviation: timeZoneAbbreviation(window.timeZone),
      filters,
      notApplied: [...new Set(notApplied)],
    };
  }
}

function changeBetween(value: number, previous: number): Change {
  return { value, previous, change: changeOf(value, previous) };
}
