/**
 * Working days for disposition due dates (like LAPOR!): Monday–Friday in the deployment's time zone, minus the
 * holidays of the calendar (libur nasional, cuti bersama, local holidays), as local dates 'YYYY-MM-DD'.
 * A due date of N working days is the end (23:59:59.999 local) of the Nth working day after the start's local date.
 */
const OFFSET_MINUTES: Record<string, number> = { 'Asia/Jakarta': 420, 'Asia/Makassar': 480, 'Asia/Jayapura': 540 };

export function utcOffsetMinutes(timeZone: string): number {
  return OFFSET_MINUTES[timeZone] ?? 420;
}

/** Local calendar date 'YYYY-MM-DD' of an instant. */
export function localDate(at: Date, timeZone: string): string {
  return new Date(at.getTime() + utcOffsetMinutes(timeZone) * 60_000).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(date);
}

export function addWorkingDays(start: Date, days: number, holidays: ReadonlySet<string>, timeZone: string): Date {
  let cursor = new Date(`${localDate(start, timeZone)}T00:00:00Z`);
  let remaining = Math.max(0, Math.floor(days));
  while (remaining > 0) {
    cursor = new Date(cursor.getTime() + 86_400_000);
    if (isWorkingDay(cursor.toISOString().slice(0, 10), holidays)) {
      remaining--;
    }
  }
  // End of that local day, as an instant.
  return new Date(cursor.getTime() + 86_400_000 - 1 - utcOffsetMinutes(timeZone) * 60_000);
}
