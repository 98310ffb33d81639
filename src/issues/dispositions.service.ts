/**
 * Disposition to the OPD (disposisi, like LAPOR!): an analyst forwards an issue to the responsible dinas with due
 * dates in working days: the forward is due `forwardDays` (default 3) after the issue was first detected, the OPD's
 * response `respondDays` (default 5) after the forward. The OPD's response and completion are recorded; a
 * disposition without a response past its due date is overdue.
 */
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { IssueDispositionView } from './dto/issue-view.js';
import { isUuid } from './issues.repository.js';
import { addWorkingDays } from './working-day-calendar.js';

export const DEFAULT_FORWARD_DAYS = 3;
export const DEFAULT_RESPOND_DAYS = 5;
const HOLIDAYS_SETTING = 'holidays';

export interface Holiday {
  date: string;
  name: string;
}

interface DispositionRow {
  id: string;
  issue_id: string;
  opd: string;
  note: string | null;
  forwarded_at: Date;
  forwarded_by: string | null;
  forward_due_at: Date;
  respond_due_at: Date;
  responded_at: Date | null;
  response: string | null;
  completed_at: Date | null;
  completion: string | null;
}

export interface OverdueByOpd {
  opd: string;
  open: number;
  overdue: number;
  oldestDueAt: string | null;
}

@Injectable()
export class DispositionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async holidays(): Promise<Holiday[]> {
    const [row] = await this.db.query<{ value: { holidays?: Holiday[] } }[]>(
      `SELECT value FROM settings WHERE key = $1`,
      [HOLIDAYS_SETTING],
    );
    return [...(row?.value.holidays ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  }

  async setHolidays(holidays: Holiday[]): Promise<Holiday[]> {
    const byDate = new Map<string, Holiday>();
    for (const h of holidays) {
      if (!/^\d{4}-\d{2}-\d{2}$/u.test(h.date) || Number.isNaN(Date.parse(`${h.date}T00:00:00Z`))) {
        throw new BadRequestException(`Tanggal libur tidak valid: ${h.date}`);
      }
      byDate.set(h.date, { date: h.date, name: h.name.trim() });
    }
    const value = { holidays: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
    await this.db.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [HOLIDAYS_SETTING, JSON.stringify(value)],
    );
    return value.holidays;
  }

  private async holidaySet(): Promise<Set<string>> {
    return new Set((await this.holidays()).map((h) => h.date));
  }

  /** When the forward of an issue first detected at `firstDetectedAt` is due (DEFAULT_FORWARD_DAYS working days). */
  async forwardDueAt(firstDetectedAt: Date): Promise<Date> {
    return addWorkingDays(firstDetectedAt, DEFAULT_FORWARD_DAYS, await this.holidaySet(), this.config.timeZone);
  }

  async dispose(
    issueId: string,
    input: { opd?: string; note?: string; forwardDays?: number; respondDays?: number; forwardedAt?: string },
    actorId: string | null,
  ): Promise<IssueDispositionView> {
    const [issue] = isUuid(issueId)
      ? await this.db.query<{ id: string; opd: string | null; first_detected_at: Date; merged_into: string | null }[]>(
          `SELECT id, opd, first_detected_at, merged_into FROM issues WHERE id = $1`,
          [issueId],
        )
      : [];
    if (!issue) {
      throw new NotFoundException(`Isu ${issueId} tidak ditemukan`);
    }
    if (issue.merged_into) {
      throw new BadRequestException(
        `Isu ini sudah digabungkan ke isu ${issue.merged_into}; disposisikan isu tujuannya`,
      );
    }
    const now = new Date();
    const forwardedAt = input.forwardedAt ? new Date(input.forwardedAt) : now;
    if (Number.isNaN(forwardedAt.getTime()) || forwardedAt.getTime() > now.getTime() + 60_000) {
      throw new BadRequestException('Waktu disposisi tidak valid atau berada di masa depan');
    }
    const opd = input.opd?.trim() || issue.opd;
    if (!opd) {
      throw new BadRequestException('OPD tujuan disposisi wajib diisi');
    }
    const holidays = await this.holidaySet();
    const tz = this.config.timeZone;
    const forwardDue = addWorkingDays(
      new Date(issue.first_detected_at),
      input.forwardDays ?? DEFAULT_FORWARD_DAYS,
      holidays,
      tz,
    );
    const respondDue = addWorkingDays(forwardedAt, input.respondDays ?? DEFAULT_RESPOND_DAYS, holidays, tz);
    const [row] = await this.db.query<DispositionRow[]>(
      `INSERT INTO issue_dispositions (issue_id, opd, note, forwarded_at, forwarded_by, forward_due_at, respond_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [issue.id, opd, input.note?.trim() || null, forwardedAt, actorId, forwardDue, respondDue],
    );
    return toView(row, now);
  }

  async respond(
    issueId: string,
    dispositionId: string,
    response: string,
    actorId: string | null,
  ): Promise<IssueDispositionView> {
    const row = await this.find(issueId, dispositionId);
    if (row.responded_at) {
      throw new BadRequestException('Tanggapan OPD untuk disposisi ini sudah dicatat');
    }
    const [updated] = await this.db.query<[DispositionRow[], number]>(
      `UPDATE issue_dispositions SET responded_at = now(), response = $2, responded_by = $3 WHERE id = $1 RETURNING *`,
      [row.id, response.trim(), actorId],
    );
    return toView(updated[0], new Date());
  }

  async complete(
    issueId: string,
    dispositionId: string,
    completion: string,
    actorId: string | null,
  ): Promise<IssueDispositionView> {
    const row = await this.find(issueId, dispositionId);
    if (row.completed_at) {
      throw new BadRequestException('Penyelesaian disposisi ini sudah dicatat');
    }
    const [updated] = await this.db.query<[DispositionRow[], number]>(
      `UPDATE issue_dispositions SET completed_at = now(), completion = $2, completed_by = $3,
              responded_at = COALESCE(responded_at, now()), responded_by = COALESCE(responded_by, $3)
        WHERE id = $1 RETURNING *`,
      [row.id, completion.trim(), actorId],
    );
    return toView(updated[0], new Date());
  }

  private async find(issueId: string, dispositionId: string): Promise<DispositionRow> {
    const [row] =
      isUuid(issueId) && isUuid(dispositionId)
        ? await this.db.query<DispositionRow[]>(`SELECT * FROM issue_dispositions WHERE id = $1 AND issue_id = $2`, [
            dispositionId,
            issueId,
          ])
        : [];
    if (!row) {
      throw new NotFoundException(`Disposisi ${dispositionId} tidak ditemukan pada isu ${issueId}`);
    }
    return row;
  }

  async listFor(issueId: string): Promise<IssueDispositionView[]> {
    const rows = await this.db.query<DispositionRow[]>(
      `SELECT * FROM issue_dispositions WHERE issue_id = $1 ORDER BY forwarded_at DESC`,
      [issueId],
    );
    const now = new Date();
    return rows.map((r) => toView(r, now));
  }

  /** Open (not yet answered) dispositions and the overdue ones among them, per OPD. */
  async overdueByOpd(): Promise<OverdueByOpd[]> {
    const rows = await this.db.query<{ opd: string; open: number; overdue: number; oldest: Date | null }[]>(
      `SELECT opd, count(*)::int AS open, count(*) FILTER (WHERE respond_due_at < now())::int AS overdue,
              min(respond_due_at) FILTER (WHERE respond_due_at < now()) AS oldest
         FROM issue_dispositions WHERE responded_at IS NULL
        GROUP BY opd ORDER BY overdue DESC, open DESC, opd`,
    );
    return rows.map((r) => ({
      opd: r.opd,
      open: r.open,
      overdue: r.overdue,
      oldestDueAt: r.oldest ? new Date(r.oldest).toISOString() : null,
    }));
  }
}

function toView(r: DispositionRow, now: Date): IssueDispositionView {
  const respondedAt = r.responded_at ? new Date(r.responded_at) : null;
  const respondDue = new Date(r.respond_due_at);
  return {
    id: r.id,
    issueId: r.issue_id,
    opd: r.opd,
    status: r.completed_at ? 'completed' : respondedAt ? 'responded' : 'forwarded',
    note: r.note,
    forwardedAt: new Date(r.forwarded_at).toISOString(),
    forwardedBy: r.forwarded_by,
    forwardDueAt: new Date(r.forward_due_at).toISOString(),
    respondDueAt: respondDue.toISOString(),
    respondedAt: respondedAt?.toISOString() ?? null,
    response: r.response,
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    completion: r.completion,
    overdue: respondedAt ? respondedAt > respondDue : now > respondDue,
    forwardedLate: new Date(r.forwarded_at) > new Date(r.forward_due_at),
  };
}
