import { addWorkingDays, isWorkingDay, localDate } from './working-day-calendar.js';

describe('working-day calendar', () => {
  const none = new Set<string>();

  it('should skip the weekend: Friday + 1 working day is Monday, end of day local time', () => {
    // Friday 2026-03-06 10:00 WITA = 02:00 UTC.
    const due = addWorkingDays(new Date('2026-03-06T02:00:00Z'), 1, none, 'Asia/Makassar');
    expect(localDate(due, 'Asia/Makassar')).toBe('2026-03-09');
    expect(due.toISOString()).toBe('2026-03-09T15:59:59.999Z');
  });

  it('should skip holidays from the calendar', () => {
    const holidays = new Set(['2026-03-10']);
    const due = addWorkingDays(new Date('2026-03-06T02:00:00Z'), 3, holidays, 'Asia/Makassar');
    expect(localDate(due, 'Asia/Makassar')).toBe('2026-03-12');
  });

  it('should use the local date, not the UTC date, of the start', () => {
    // Saturday 2026-03-07 06:00 WIB is Friday 23:00 UTC: counting starts from Saturday.
    const due = addWorkingDays(new Date('2026-03-06T23:00:00Z'), 1, none, 'Asia/Jakarta');
    expect(localDate(due, 'Asia/Jakarta')).toBe('2026-03-09');
  });

  it('should know weekends and holidays', () => {
    expect(isWorkingDay('2026-03-07', none)).toBe(false);
    expect(isWorkingDay('2026-03-09', none)).toBe(true);
    expect(isWorkingDay('2026-03-09', new Set(['2026-03-09']))).toBe(false);
  });
});
