/**
 * The period a stats call covers, at the rollups' resolution (the hour), and the previous equal period that
 * changes are measured against. Pure.
 */
import { BadRequestException } from '@nestjs/common';
import type { IndonesianTimeZone } from '../config/time-zone.js';

const HOUR = 3600_000;
export const DEFAULT_WINDOW_HOURS = 24;
/** The longest period one call may cover. */
export const MAX_WINDOW_DAYS = 400;

/** Indonesia keeps no daylight saving time: each zone is a fixed offset. */
const UTC_OFFSET_HOURS: Record<IndonesianTimeZone, number> = {
  'Asia/Jakarta': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
};

/** A midnight of the zone (2000-01-01 local), as an instant: the origin of day buckets (`date_bin`). */
export function localMidnight(timeZone: IndonesianTimeZone): Date {
  return new Date(Date.UTC(2000, 0, 1) - UTC_OFFSET_HOURS[timeZone] * HOUR);
}

export interface StatsWindow {
  from: Date;
  to: Date;
  previousFrom: Date;
  timeZone: IndonesianTimeZone;
}

export function resolveWindow(
  query: { from?: string; to?: string },
  timeZone: IndonesianTimeZone,
  now = new Date(),
): StatsWindow {
  const to = new Date(Math.ceil((query.to ? Date.parse(query.to) : now.getTime()) / HOUR) * HOUR);
  const fromMs = query.from ? Date.parse(query.from) : to.getTime() - DEFAULT_WINDOW_HOURS * HOUR;
  const from = new Date(Math.floor(fromMs / HOUR) * HOUR);
  if (from.getTime() >= to.getTime()) {
    throw new BadRequestException(['to: harus setelah from']);
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * 24 * HOUR) {
    throw new BadRequestException([`from: rentang waktu paling panjang ${MAX_WINDOW_DAYS} hari`]);
  }
  return { from, to, previousFrom: new Date(2 * from.getTime() - to.getTime()), timeZone };
}

/** Bucket starts covering the window: UTC hours, or days starting at midnight in the home region's zone. */
export function bucketStarts(window: StatsWindow, interval: 'hour' | 'day'): Date[] {
  const starts: Date[] = [];
  if (interval === 'hour') {
    for (let at = window.from.getTime(); at < window.to.getTime(); at += HOUR) {
      starts.push(new Date(at));
    }
    return starts;
  }
  const offset = UTC_OFFSET_HOURS[window.timeZone] * HOUR;
  const day = 24 * HOUR;
  for (
    let at = Math.floor((window.from.getTime() + offset) / day) * day - offset;
    at < window.to.getTime();
    at += day
  ) {
    starts.push(new Date(at));
  }
  return starts;
}

/** The bucket an instant falls in. */
export function bucketOf(at: Date, interval: 'hour' | 'day', timeZone: IndonesianTimeZone): number {
  const size = interval === 'hour' ? HOUR : 24 * HOUR;
  const offset = interval === 'hour' ? 0 : UTC_OFFSET_HOURS[timeZone] * HOUR;
  return Math.floor((at.getTime() + offset) / size) * size - offset;
}

/** Relative change against the previous period; null when the previous period had nothing. */
export function changeOf(current: number, previous: number): number | null {
  return previous === 0 ? null : Math.round(((current - previous) / previous) * 10_000) / 10_000;
}

export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
