/** Numbers, dates and labels in Indonesian. Times are shown in the home region's time zone. */

let timeZone = 'Asia/Jakarta';
const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export function setTimeZone(zone: string | undefined): void {
  if (zone && ZONE_NAMES[zone] && zone !== timeZone) {
    timeZone = zone;
    localStorage.setItem('pantau.timeZone', zone);
  }
}

/** The zone last announced by the stats API (every stats answer names it), so pages before the overview use it too. */
export function restoreTimeZone(): void {
  setTimeZone(localStorage.getItem('pantau.timeZone') ?? undefined);
}

export function zoneName(): string {
  return ZONE_NAMES[timeZone] ?? timeZone;
}

const numberFormat = new Intl.NumberFormat('id-ID');
const percentFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : numberFormat.format(value);
}

/** A share 0..1 as a percentage. */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${percentFormat.format(value * 100)}%`;
}

/** A relative change (0.25 = +25 %), signed; null when there is nothing to compare with. */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return 'baru';
  }
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${percentFormat.format(Math.abs(value) * 100)}%`;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('id-ID', { timeZone, ...options });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return `${dateFormat({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date)} ${zoneName()}`;
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso)) : '–';
}

/** A chart axis label for a bucket: hour buckets show the time, day buckets the date. */
export function formatBucket(iso: string, interval: 'hour' | 'day'): string {
  const date = new Date(iso);
  return interval === 'hour'
    ? dateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(date)
    : dateFormat({ day: 'numeric', month: 'short' }).format(date);
}

export const SENTIMENT_LABELS: Record<string, string> = {
  positive: 'Positif',
  neutral: 'Netral',
  negative: 'Negatif',
};

/** Severity levels as the detector names them (src/issues/detection). */
export const SEVERITY_LABELS: Record<string, string> = {
  kritis: 'Kritis',
  tinggi: 'Tinggi',
  sedang: 'Sedang',
  rendah: 'Rendah',
};

export const STATE_LABELS: Record<string, string> = {
  emerging: 'Muncul',
  trending: 'Meningkat',
  declining: 'Menurun',
  dormant: 'Mereda',
  dismissed: 'Diabaikan',
  merged: 'Digabung',
  followed_up: 'Ditindaklanjuti',
};

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator',
  analyst: 'Analis',
  pimpinan: 'Pimpinan',
};

export function label(table: Record<string, string>, key: string | null | undefined): string {
  return key ? (table[key] ?? key) : '–';
}
