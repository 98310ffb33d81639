/** The daily report (Laporan Harian Monitoring Isu) as stored in daily_reports.content and returned by the API. */
import type { OverdueByOpd } from '../issues/dispositions.service.js';

export type ReportTrigger = 'scheduled' | 'catch-up' | 'manual';
export type ReportGroup = 'kabarBaik' | 'perluPerhatian' | 'perluKlarifikasi';

export interface ReportChange {
  value: number;
  previous: number;
  /** (value − previous) / previous, null when previous is 0. */
  change: number | null;
}

export interface ReportTopIssue {
  id: string;
  label: string;
  category: string;
  opd: string;
  severity: number;
  severityLevel: string;
  state: string;
  /** Posts of the issue in the report period and in the 24 hours before it. */
  posts: ReportChange;
  /** Shares in [0, 1] over the issue's posts. */
  sentiment: { positive: number; neutral: number; negative: number };
  places: { code: string; name: string }[];
  recommendation: string;
  link: string;
}

export interface ReportItem {
  issueId: string;
  label: string;
  severityLevel: string;
  /** Why the item is in its group, one formal sentence. */
  reason: string;
}

export interface ReportAlert {
  id: string;
  issueId: string;
  label: string;
  rule: string;
  createdAt: string;
}

export interface ReportCategory {
  key: string;
  label: string;
  posts: number;
  change: number | null;
  negativeShare: number;
  positiveShare: number;
  /** Posts by sentiment (the chart of volume and tone by category); absent in reports built before it existed. */
  tone?: { negative: number; neutral: number; positive: number };
}

export interface DailyReportContent {
  title: string;
  reportDate: string;
  period: { from: string; to: string; timeZone: string; timeZoneAbbreviation: string; text: string };
  overview: { posts: ReportChange; negativeShare: number; authors: number; openIssues: number };
  sources: { id: string; label: string; posts: number }[];
  topIssues: ReportTopIssue[];
  groups: Record<ReportGroup, ReportItem[]>;
  newAlerts: ReportAlert[];
  categories: ReportCategory[];
  overdueDispositions: OverdueByOpd[];
  /** Posts per UTC hour of the period (the chart of the exports). */
  hourly: { hourStart: string; posts: number }[];
  /** One paragraph opening the report. */
  summary: string;
}

export interface ReportDeliveryView {
  id: string;
  channel: 'inbox' | 'email' | 'telegram';
  /** Masked: the e-mail's first letter and domain, or the chat id's last digits. */
  recipient: string;
  status: 'pending' | 'retrying' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
}

export interface DailyReportListItem {
  id: string;
  reportDate: string;
  periodFrom: string;
  periodTo: string;
  title: string;
  trigger: ReportTrigger;
  generation: number;
  createdAt: string;
  generatedAt: string;
  topIssues: number;
  newAlerts: number;
}

export interface DailyReportView extends DailyReportListItem {
  content: DailyReportContent;
  deliveries: ReportDeliveryView[];
}
