/** Numbers, shares and times as formal Indonesian documents write them (12.345; 45,5%; 2 Desember 2026 pukul 14.05 WITA). */
const NUMBER = new Intl.NumberFormat('id-ID');
const SHARE = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return NUMBER.format(n);
}

/** Share of `part` in `total` in percent, one decimal at most ("0%" when total is 0). */
export function formatShare(part: number, total: number): string {
  return `${SHARE.format(total > 0 ? Math.round((part / total) * 1000) / 10 : 0)}%`;
}

/** Change from `previous` to `current` (previous > 0): whole percent, or "naik 3,2 kali lipat" from three times on. */
export function formatChange(current: number, previous: number): string {
  if (current >= previous * 3) {
    return `naik ${SHARE.format(Math.round((current / previous) * 10) / 10)} kali lipat`;
  }
  const change = Math.round(((current - previous) / previous) * 100);
  return change > 0 ? `naik ${NUMBER.format(change)}%` : change < 0 ? `turun ${NUMBER.format(-change)}%` : 'tetap';
}

function parts(at: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
}

/** "2 Desember 2026". */
export function formatDate(at: Date | string, timeZone: string): string {
  const p = parts(new Date(at), timeZone);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "2 Desember 2026 pukul 14.05 WITA". */
export function formatDateTime(at: Date | string, timeZone: string, zoneLabel: string): string {
  const p = parts(new Date(at), timeZone);
  return `${p.day} ${p.month} ${p.year} pukul ${p.hour}.${p.minute} ${zoneLabel}`;
}

/** "2 Desember 2026 pukul 14.00–15.00 WITA" for the hour starting at `hourStart`. */
export function formatHour(hourStart: Date | string, timeZone: string, zoneLabel: string): string {
  const start = parts(new Date(hourStart), timeZone);
  const end = parts(new Date(new Date(hourStart).getTime() + 3_600_000), timeZone);
  return `${start.day} ${start.month} ${start.year} pukul ${start.hour}.${start.minute}–${end.hour}.${end.minute} ${zoneLabel}`;
}

/** 'YYYY-MM-DD' (a header's tanggal) as "2 Desember 2026". */
export function formatLocalDate(date: string): string {
  return formatDate(`${date}T12:00:00Z`, 'UTC');
}

/** Number words for small counts, as letters write "3 (tiga) berkas". */
const WORDS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh'];
export function countInWords(n: number): string {
  return WORDS[n] ?? NUMBER.format(n);
}
