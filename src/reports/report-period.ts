/**
 * The daily report's calendar: a report is named by its local date D (in the home region's zone) and covers the
 * 24 hours up to D at the configured time. Indonesia keeps no daylight saving time, so each zone is a fixed offset.
 */
import type { IndonesianTimeZone } from '../config/time-zone.js';

const OFFSET_HOURS: Record<IndonesianTimeZone, number> = {
  'Asia/Jakarta': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
};
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface ReportTime {
  hour: number;
  minute: number;
}

export interface ReportPeriod {
  /** YYYY-MM-DD, local. */
  date: string;
  from: Date;
  to: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isReportDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) {
    return false;
  }
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return at.toISOString().slice(0, 10) === value;
}

/** The period of the report dated `date`: [date at the report time − 24 h, date at the report time). */
export function periodOf(date: string, time: ReportTime, zone: IndonesianTimeZone): ReportPeriod {
  const match = DATE.exec(date);
  if (!match || !isReportDate(date)) {
    throw new Error(`Not a report date: ${date}`);
  }
  const to = new Date(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), time.hour, time.minute) -
      OFFSET_HOURS[zone] * HOUR_MS,
  );
  return { date, from: new Date(to.getTime() - DAY_MS), to };
}

/** The newest report due at `now`: today's when the report time has passed locally, else yesterday's. */
export function dueReportDate(now: Date, time: ReportTime, zone: IndonesianTimeZone): string {
  const local = new Date(now.getTime() + OFFSET_HOURS[zone] * HOUR_MS);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const day = minutes >= time.hour * 60 + time.minute ? local : new Date(local.getTime() - DAY_MS);
  return day.toISOString().slice(0, 10);
}

/** The cron expression (minute hour * * *) of the report time; the cron job runs in the home region's zone. */
export function cronOf(time: ReportTime): string {
  return `${time.minute} ${time.hour} * * *`;
}
