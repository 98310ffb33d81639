import { cronOf, dueReportDate, isReportDate, periodOf } from './report-period.js';

describe('report period', () => {
  const six = { hour: 6, minute: 0 };

  it('should cover the 24 hours up to 06:00 local time of the report date', () => {
    const wita = periodOf('2026-12-02', six, 'Asia/Makassar');
    expect(wita.from.toISOString()).toBe('2026-11-30T22:00:00.000Z');
    expect(wita.to.toISOString()).toBe('2026-12-01T22:00:00.000Z');
    expect(periodOf('2026-12-02', six, 'Asia/Jakarta').to.toISOString()).toBe('2026-12-01T23:00:00.000Z');
    expect(periodOf('2026-01-01', { hour: 7, minute: 30 }, 'Asia/Jayapura').to.toISOString()).toBe(
      '2025-12-31T22:30:00.000Z',
    );
  });

  it("should say today's report is due once the local report time has passed, else yesterday's", () => {
    // 05:59 WIB on 2 December → the report of 1 December; 06:00 WIB → 2 December.
    expect(dueReportDate(new Date('2026-12-01T22:59:00Z'), six, 'Asia/Jakarta')).toBe('2026-12-01');
    expect(dueReportDate(new Date('2026-12-01T23:00:00Z'), six, 'Asia/Jakarta')).toBe('2026-12-02');
    expect(dueReportDate(new Date('2026-12-01T22:00:00Z'), six, 'Asia/Makassar')).toBe('2026-12-02');
  });

  it('should validate dates and build the cron expression', () => {
    expect(isReportDate('2026-02-29')).toBe(false);
    expect(isReportDate('2028-02-29')).toBe(true);
    expect(isReportDate('2026-2-1')).toBe(false);
    expect(cronOf({ hour: 6, minute: 5 })).toBe('5 6 * * *');
  });
});
