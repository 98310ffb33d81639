/**
 * Builds the content of one daily report from the other modules' services: issues (list, view, figures), stats
 * (overview and breakdowns over the hourly rollups, never posts), alerts and dispositions. Read-only.
 */
import { Inject, Injectable } from '@nestjs/common';
import { AlertsService } from '../alerts/alerts.service.js';
import type { AlertView } from '../alerts/alerts.repository.js';
import { BriefTemplateService } from '../briefs/brief-template.service.js';
import { adviceFor } from '../briefs/templates/category-advice.js';
import { CAMPAIGN_ADVICE } from '../briefs/templates/campaign-advice.js';
import { formatCount, formatDateTime } from '../briefs/indonesian-format.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { timeZoneAbbreviation } from '../config/time-zone.js';
import { DispositionsService } from '../issues/dispositions.service.js';
import type { IssueSummary, IssueWindowFigures } from '../issues/dto/issue-figures.js';
import type { IssueListItem } from '../issues/dto/issue-view.js';
import { IssuesService } from '../issues/issues.service.js';
import { StatsService } from '../stats/stats.service.js';
import type {
  DailyReportContent,
  ReportAlert,
  ReportCategory,
  ReportGroup,
  ReportItem,
  ReportTopIssue,
} from './daily-report.types.js';
import { CLAIM_PATTERN, officialContradiction, STATEMENT_PATTERN } from './official-contradiction.js';
import { classifyIssue, type ClassifiedIssue } from './report-classifier.js';
import type { ReportPeriod } from './report-period.js';

export const TOP_ISSUES = 5;
/** Issues of the period considered for the groups, by severity. */
const CANDIDATES = 30;
const ALERT_PAGE = 200;
/** Places named per top issue. */
const TOP_PLACES = 3;

const CLOSED = new Set(['dismissed', 'merged']);

@Injectable()
export class DailyReportBuilder {
  constructor(
    private readonly issues: IssuesService,
    private readonly stats: StatsService,
    private readonly alerts: AlertsService,
    private readonly dispositions: DispositionsService,
    private readonly template: BriefTemplateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(period: ReportPeriod): Promise<DailyReportContent> {
    const zone = this.config.timeZone;
    const abbreviation = timeZoneAbbreviation(zone);
    const window = { from: period.from.toISOString(), to: period.to.toISOString() };
    const [overview, sources, categories, active, newAlerts, overdue, template, volume] = await Promise.all([
      this.stats.overview(window),
      this.stats.breakdown({ ...window, dim: 'source' }),
      this.categories(window),
      this.issues.list({ from: period.from, to: period.to, limit: 200 }),
      this.newAlerts(period),
      this.dispositions.overdueByOpd(),
      this.template.get(),
      this.stats.volume({ ...window, interval: 'hour' }),
    ]);
    const hours: Record<string, number> = template.responseHours;
    const candidates = active.filter((issue) => !CLOSED.has(issue.state) && !issue.mergedInto).slice(0, CANDIDATES);
    const top = candidates.slice(0, TOP_ISSUES).map((issue) => issue.id);
    // One statement for the groups' issues and one for the top issues' figures in the period, not a view and the
    // whole-issue figures per issue.
    const ids = candidates.map((issue) => issue.id);
    const [summaries, windows, statements] = await Promise.all([
      this.issues.summary(ids),
      this.issues.postsInWindows(top, period, TOP_PLACES),
      this.issues.officialStatements(ids, period, template.official, {
        statement: STATEMENT_PATTERN,
        claim: CLAIM_PATTERN,
      }),
    ]);
    const contradictions = new Map<string, ClassifiedIssue['officialContradiction']>();
    for (const found of statements) {
      const contradiction = officialContradiction(found);
      if (contradiction) {
        contradictions.set(found.issueId, {
          ...contradiction,
          at: formatDateTime(contradiction.at, zone, abbreviation),
        });
      }
    }
    const byId = new Map(summaries.map((summary) => [summary.id, summary]));
    const topIssues = windows.flatMap((figures) => {
      const summary = byId.get(figures.issueId);
      return summary ? [topIssue(summary, figures, hours)] : [];
    });
    const groups = groupsOf(summaries, contradictions);
    const content: DailyReportContent = {
      title: 'Laporan Harian Monitoring Isu',
      reportDate: period.date,
      period: {
        ...window,
        timeZone: zone,
        timeZoneAbbreviation: abbreviation,
        text: `${formatDateTime(period.from, zone, abbreviation)} sampai ${formatDateTime(period.to, zone, abbreviation)}`,
      },
      overview: {
        posts: overview.posts,
        negativeShare: overview.negativeShare.value,
        authors: overview.authors.value,
        openIssues: overview.openIssues.total,
      },
      sources: sources.rows
        .filter((row) => row.posts > 0)
        .map((row) => ({ id: row.key, label: row.label, posts: row.posts })),
      topIssues,
      groups,
      newAlerts,
      categories,
      overdueDispositions: overdue.filter((row) => row.overdue > 0),
      hourly: (volume.series[0]?.points ?? []).map((point) => ({ hourStart: point.bucket, posts: point.posts })),
      summary: '',
    };
    content.summary = summaryOf(content);
    return content;
  }

  private async categories(window: { from: string; to: string }): Promise<ReportCategory[]> {
    const breakdown = await this.stats.breakdown({ ...window, dim: 'category' });
    const rows = breakdown.rows.filter((row) => row.posts > 0);
    const tones = await Promise.all(
      rows.map((row) => this.stats.breakdown({ ...window, dim: 'sentiment', category: row.key })),
    );
    return rows.map((row, index) => {
      const postsOf = (key: string) => tones[index].rows.find((r) => r.key === key)?.posts ?? 0;
      const tone = { negative: postsOf('negative'), neutral: postsOf('neutral'), positive: postsOf('positive') };
      return {
        key: row.key,
        label: row.label,
        posts: row.posts,
        change: row.change,
        negativeShare: row.negativeShare,
        positiveShare: row.posts > 0 ? Math.round((tone.positive / row.posts) * 10000) / 10000 : 0,
        tone,
      };
    });
  }

  /** Alerts raised in the period (newest first), read page by page through AlertsService. */
  private async newAlerts(period: ReportPeriod): Promise<ReportAlert[]> {
    const found: AlertView[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await this.alerts.list({ limit: String(ALERT_PAGE), cursor });
      for (const alert of page.items) {
        const at = Date.parse(alert.createdAt);
        if (at < period.from.getTime()) {
          return found.map(toReportAlert);
        }
        if (at < period.to.getTime()) {
          found.push(alert);
        }
      }
      if (!page.nextCursor) {
        return found.map(toReportAlert);
      }
      cursor = page.nextCursor;
    }
  }
}

/** A top issue of the report: its posts in the period and the 24 hours before, tone and places of the period. */
function topIssue(summary: IssueSummary, figures: IssueWindowFigures, hours: Record<string, number>): ReportTopIssue {
  const { posts, previous } = figures;
  const total = figures.sentiment.positive + figures.sentiment.neutral + figures.sentiment.negative;
  const share = (n: number) => (total > 0 ? Math.round((n / total) * 10000) / 10000 : 0);
  return {
    id: summary.id,
    label: summary.label,
    category: summary.category,
    opd: summary.opd,
    severity: summary.severity,
    severityLevel: summary.severityLevel,
    state: summary.state,
    posts: {
      value: posts,
      previous,
      change: previous > 0 ? Math.round(((posts - previous) / previous) * 10000) / 10000 : null,
    },
    sentiment: {
      positive: share(figures.sentiment.positive),
      neutral: share(figures.sentiment.neutral),
      negative: share(figures.sentiment.negative),
    },
    places: figures.places.map((place) => ({ code: place.code, name: place.name })),
    recommendation: recommendationFor(summary, hours),
    link: summary.link,
  };
}

/** The three groups of the morning reading (report-classifier.ts), in the issues' order (by severity). */
function groupsOf(
  summaries: IssueSummary[],
  contradictions: Map<string, ClassifiedIssue['officialContradiction']>,
): Record<ReportGroup, ReportItem[]> {
  const groups: Record<ReportGroup, ReportItem[]> = { kabarBaik: [], perluPerhatian: [], perluKlarifikasi: [] };
  for (const issue of summaries) {
    const total = issue.sentiment.positive + issue.sentiment.neutral + issue.sentiment.negative;
    const share = (n: number) => (total > 0 ? n / total : 0);
    const verdict = classifyIssue({
      severityLevel: issue.severityLevel,
      open: issue.open,
      campaign: issue.campaign,
      nearDuplicateShare: issue.nearDuplicateShare,
      sentiment: {
        positive: share(issue.sentiment.positive),
        neutral: share(issue.sentiment.neutral),
        negative: share(issue.sentiment.negative),
      },
      overdueDispositions: issue.overdueDispositions,
      officialContradiction: contradictions.get(issue.id) ?? null,
    });
    if (verdict) {
      groups[verdict.group].push({
        issueId: issue.id,
        label: issue.label,
        severityLevel: issue.severityLevel,
        reason: verdict.reason,
      });
    }
  }
  return groups;
}

function toReportAlert(alert: AlertView): ReportAlert {
  return {
    id: alert.id,
    issueId: alert.issueId,
    label: alert.evidence.issue.label,
    rule: alert.rule.name,
    createdAt: alert.createdAt,
  };
}

/** One line: the first action of the category's template (or the campaign action), filled in. */
export function recommendationFor(
  issue: Pick<IssueListItem, 'category' | 'opd' | 'campaign' | 'severityLevel'>,
  /** Hours to the official update by severity level (the brief template's `responseHours`). */
  hours: Record<string, number>,
): string {
  if (issue.campaign) {
    return CAMPAIGN_ADVICE.action;
  }
  const [first] = adviceFor(issue.category).actions;
  return first
    .replaceAll('{opd}', issue.opd || 'OPD terkait')
    .replaceAll('{jam}', String(hours[issue.severityLevel] ?? 24));
}

function summaryOf(content: DailyReportContent): string {
  const { overview, groups } = content;
  const change =
    overview.posts.change === null
      ? ''
      : ` (${overview.posts.change >= 0 ? 'naik' : 'turun'} ${Math.abs(Math.round(overview.posts.change * 100))}% dari periode sebelumnya)`;
  return (
    `Dalam periode laporan tercatat ${formatCount(overview.posts.value)} unggahan${change} ` +
    `dari ${formatCount(content.sources.length)} sumber, dengan ${Math.round(overview.negativeShare * 100)}% bernada negatif. ` +
    `Terdapat ${formatCount(content.topIssues.length)} isu menonjol, ${formatCount(groups.perluPerhatian.length)} hal perlu perhatian, ` +
    `${formatCount(groups.perluKlarifikasi.length)} hal perlu klarifikasi, dan ${formatCount(content.newAlerts.length)} peringatan baru.`
  );
}
