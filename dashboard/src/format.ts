/**
 * Numbers, dates and labels in the chosen language (i18n.ts). Times are shown in the home region's time zone, whatever
 * the language.
 */
import { formatInteger, intlLocale, type MessageKey, t } from './i18n.js';

let timeZone = 'Asia/Jakarta';
const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export function setTimeZone(zone: string | undefined): void {
  if (zone && ZONE_NAMES[zone] && (zone !== timeZone || !hasStoredTimeZone())) {
    timeZone = zone;
    localStorage.setItem('pantau.timeZone', zone);
  }
}

/** The zone last announced by the stats API (every stats answer names it), so pages before the overview use it too. */
export function restoreTimeZone(): void {
  setTimeZone(localStorage.getItem('pantau.timeZone') ?? undefined);
}

export function hasStoredTimeZone(): boolean {
  return localStorage.getItem('pantau.timeZone') !== null;
}

export function zoneName(): string {
  return ZONE_NAMES[timeZone] ?? timeZone;
}

const percentFormats = new Map<string, Intl.NumberFormat>();

function percentFormat(): Intl.NumberFormat {
  const locale = intlLocale();
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    percentFormats.set(locale, format);
  }
  return format;
}

export const formatNumber = formatInteger;

/** A share 0..1 as a percentage. */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${percentFormat().format(value * 100)}%`;
}

/** A relative change (0.25 = +25 %), signed; null when there is nothing to compare with. */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return t('format.new');
  }
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${percentFormat().format(Math.abs(value) * 100)}%`;
}

function dateFormat(options: Intl.DateTimeFormatOptions, locale = intlLocale()): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { timeZone, ...options });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return `${dateFormat({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date)} ${zoneName()}`;
}

/** A date; `locale` overrides the chosen language (the telaahan preview is an Indonesian document: "3 Desember 2026"). */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  return iso ? dateFormat({ day: 'numeric', month: 'long', year: 'numeric' }, locale).format(new Date(iso)) : '–';
}

/** A chart axis label for a bucket: hour buckets show the time, day buckets the date. */
export function formatBucket(iso: string, interval: 'hour' | 'day'): string {
  const date = new Date(iso);
  return interval === 'hour'
    ? dateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(date)
    : dateFormat({ day: 'numeric', month: 'short' }).format(date);
}

/** Label tables: a code as the API sends it → the key of its label in the catalogues. */
export const SENTIMENT_LABELS: Record<string, MessageKey> = {
  positive: 'label.sentiment.positive',
  neutral: 'label.sentiment.neutral',
  negative: 'label.sentiment.negative',
};

/** Severity levels as the detector names them (src/issues/detection). */
export const SEVERITY_LABELS: Record<string, MessageKey> = {
  kritis: 'label.severity.kritis',
  tinggi: 'label.severity.tinggi',
  sedang: 'label.severity.sedang',
  rendah: 'label.severity.rendah',
};

export const STATE_LABELS: Record<string, MessageKey> = {
  emerging: 'label.state.emerging',
  trending: 'label.state.trending',
  declining: 'label.state.declining',
  dormant: 'label.state.dormant',
  dismissed: 'label.state.dismissed',
  merged: 'label.state.merged',
  followed_up: 'label.state.followedUp',
};

export const ROLE_LABELS: Record<string, MessageKey> = {
  admin: 'label.role.admin',
  analyst: 'label.role.analyst',
  pimpinan: 'label.role.pimpinan',
};

/** The label of a code in the chosen language; an unknown code is shown as it is. */
export function label(table: Record<string, MessageKey>, key: string | null | undefined): string {
  if (!key) {
    return '–';
  }
  const message = table[key];
  return message ? t(message) : key;
}

/** A label table as select options, in the chosen language. */
export function labelOptions(table: Record<string, MessageKey>): { value: string; label: string }[] {
  return Object.entries(table).map(([value, message]) => ({ value, label: t(message) }));
}
