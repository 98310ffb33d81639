import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  DailyReportContent,
  DailyReportListItem,
  DailyReportView,
  ReportDeliveryView,
  ReportTrigger,
} from './daily-report.types.js';
import type { ReportPeriod } from './report-period.js';

export type ReportChannel = 'inbox' | 'email' | 'telegram';

export interface NewDelivery {
  channel: ReportChannel;
  recipient: string;
  userId: string | null;
}

export interface ReportDeliveryWork {
  id: string;
  reportId: string;
  channel: ReportChannel;
  recipient: string;
  status: ReportDeliveryView['status'];
  content: DailyReportContent;
}

interface ReportRow {
  id: string;
  report_date: string;
  period_from: Date;
  period_to: Date;
  content: DailyReportContent;
  trigger: ReportTrigger;
  generation: number;
  created_at: Date;
  generated_at: Date;
}

const REPORT_COLUMNS = `id, to_char(report_date, 'YYYY-MM-DD') AS report_date, period_from, period_to, content, trigger,
  generation, created_at, generated_at`;

/** daily_reports (one row per report date) and report_deliveries (its delivery log). */
@Injectable()
export class DailyReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores the report of a date unless one exists: returns the new id, or null when another process won. */
  async insertOnce(
    period: ReportPeriod,
    content: DailyReportContent,
    trigger: ReportTrigger,
    userId: string | null,
  ): Promise<string | null> {
    const rows = await this.db.query<{ id: string }[]>(
      `INSERT INTO daily_reports (report_date, period_from, period_to, content, trigger, generated_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (report_date) DO NOTHING RETURNING id`,
      [period.date, period.from, period.to, JSON.stringify(content), trigger, userId],
    );
    return rows[0]?.id ?? null;
  }

  /** Replaces the content of an existing report (regeneration); returns its id, null when there is none. */
  async replace(period: ReportPeriod, content: DailyReportContent, userId: string | null): Promise<string | null> {
    const [rows] = await this.db.query<[{ id: string }[], number]>(
      `UPDATE daily_reports SET content = $2, period_from = $3, period_to = $4, generation = generation + 1,
              generated_by = $5, generated_at = now()
        WHERE report_date = $1 RETURNING id`,
      [period.date, JSON.stringify(content), period.from, period.to, userId],
    );
    return rows[0]?.id ?? null;
  }

  async existsFor(date: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM daily_reports WHERE report_date = $1`, [date]);
    return rows.length > 0;
  }

  async list(from: string | undefined, to: string | undefined): Promise<DailyReportListItem[]> {
    const rows = await this.db.query<ReportRow[]>(
      `SELECT ${REPORT_COLUMNS} FROM daily_reports
        WHERE ($1::date IS NULL OR report_date >= $1::date) AND ($2::date IS NULL OR report_date <= $2::date)
        ORDER BY report_date DESC LIMIT 366`,
      [from ?? null, to ?? null],
    );
    return rows.map(toListItem);
  }

  async get(id: string): Promise<DailyReportView | null> {
    const [row] = await this.db.query<ReportRow[]>(`SELECT ${REPORT_COLUMNS} FROM daily_reports WHERE id = $1`, [id]);
    if (!row) {
      return null;
    }
    const deliveries = await this.db.query<
      {
        id: string;
        channel: ReportChannel;
        recipient: string;
        status: ReportDeliveryView['status'];
        attempts: number;
        last_error: string | null;
        created_at: Date;
        last_attempt_at: Date | null;
        sent_at: Date | null;
      }[]
    >(
      `SELECT id, channel, recipient, status, attempts, last_error, created_at, last_attempt_at, sent_at
         FROM report_deliveries WHERE report_id = $1 ORDER BY channel, created_at, id`,
      [id],
    );
    return {
      ...toListItem(row),
      content: row.content,
      deliveries: deliveries.map((d) => ({
        id: d.id,
        channel: d.channel,
        recipient: maskRecipient(d.channel, d.recipient),
        status: d.status,
        attempts: d.attempts,
        lastError: d.last_error,
        createdAt: d.created_at.toISOString(),
        lastAttemptAt: d.last_attempt_at?.toISOString() ?? null,
        sentAt: d.sent_at?.toISOString() ?? null,
      })),
    };
  }

  /** Logs the deliveries of a report (inbox rows are delivered by being listed: sent at once). */
  async addDeliveries(reportId: string, deliveries: NewDelivery[]): Promise<{ id: string; channel: ReportChannel }[]> {
    if (deliveries.length === 0) {
      return [];
    }
    return await this.db.query<{ id: string; channel: ReportChannel }[]>(
      `INSERT INTO report_deliveries (report_id, channel, recipient, user_id, status, sent_at)
       SELECT $1, d.channel, d.recipient, d.user_id,
              CASE WHEN d.channel = 'inbox' THEN 'sent' ELSE 'pending' END,
              CASE WHEN d.channel = 'inbox' THEN now() END
         FROM unnest($2::text[], $3::text[], $4::uuid[]) AS d (channel, recipient, user_id)
       ON CONFLICT (report_id, channel, recipient) DO NOTHING RETURNING id, channel`,
      [reportId, deliveries.map((d) => d.channel), deliveries.map((d) => d.recipient), deliveries.map((d) => d.userId)],
    );
  }

  async loadDelivery(id: string): Promise<ReportDeliveryWork | null> {
    const [row] = await this.db.query<ReportDeliveryWork[]>(
      `SELECT d.id, d.report_id AS "reportId", d.channel, d.recipient, d.status, r.content
         FROM report_deliveries d JOIN daily_reports r ON r.id = d.report_id WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async startAttempt(id: string): Promise<number> {
    const [rows] = await this.db.query<[{ attempts: number }[], number]>(
      `UPDATE report_deliveries SET attempts = attempts + 1, last_attempt_at = now() WHERE id = $1 RETURNING attempts`,
      [id],
    );
    return rows[0]?.attempts ?? 0;
  }

  async markSent(id: string, note: string | null): Promise<void> {
    await this.db.query(
      `UPDATE report_deliveries SET status = 'sent', sent_at = now(), last_error = $2 WHERE id = $1`,
      [id, note],
    );
  }

  async markFailure(id: string, status: 'retrying' | 'failed', error: string): Promise<void> {
    await this.db.query(
      `UPDATE report_deliveries SET status = $2, last_error = $3 WHERE id = $1 AND status <> 'sent'`,
      [id, status, error.slice(0, 1000)],
    );
  }
}

function toListItem(row: ReportRow): DailyReportListItem {
  return {
    id: row.id,
    reportDate: row.report_date,
    periodFrom: row.period_from.toISOString(),
    periodTo: row.period_to.toISOString(),
    title: row.content.title,
    trigger: row.trigger,
    generation: row.generation,
    createdAt: row.created_at.toISOString(),
    generatedAt: row.generated_at.toISOString(),
    topIssues: row.content.topIssues.length,
    newAlerts: row.content.newAlerts.length,
  };
}

/** Recipients are personal data: the API shows `b***@dinas.go.id`, `***4567`, inbox rows by user. */
export function maskRecipient(channel: ReportChannel, recipient: string): string {
  if (channel === 'email') {
    const at = recipient.indexOf('@');
    return at > 0 ? `${recipient[0]}***${recipient.slice(at)}` : '***';
  }
  if (channel === 'telegram') {
    return recipient.startsWith('@') ? recipient : `***${recipient.slice(-4)}`;
  }
  return recipient;
}
