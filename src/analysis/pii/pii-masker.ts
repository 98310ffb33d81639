/**
 * PII masking for Indonesian posts: NIK (16-digit national identity number), phone numbers
 * (mobile 08xx / +62 8xx / 62-8xx, and landlines written with an area code) and e-mail addresses.
 *
 * Masks are whole-value placeholders, never partial: `[NIK]`, `[TELEPON]`, `[EMAIL]`. A partial mask
 * (keeping the last digits) would still let someone re-identify a person by joining datasets, and
 * analysts never need the digits to understand an issue.
 *
 * One pass of one compiled regular expression; a cheap pre-check skips texts that cannot contain PII.
 * Never throws: any input that is not a string is returned unchanged.
 */
import type { PiiCounts } from '../analysis.types.js';

export const PII_MASKS = { nik: '[NIK]', phone: '[TELEPON]', email: '[EMAIL]' } as const;

export interface PiiMaskResult {
  text: string;
  counts: PiiCounts;
}

const SEP = '[ .\\-]';
// E-mail: local part, @, dotted domain with a 2+ letter TLD.
const EMAIL =
  '[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,62}[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}';
// (Back-references \\3–\\5 refer to the separator groups inside the combined expression below.)
// NIK: 16 digits in a row, or the NIK structure 2-2-2-6-4 / 6-6-4 / 4-4-4-4 with one kind of separator.
const NIK_PLAIN = '\\d{16}';
const NIK_GROUPED =
  `\\d{2}(${SEP})\\d{2}\\3\\d{2}\\3\\d{6}\\3\\d{4}` +
  `|\\d{6}(${SEP})\\d{6}\\4\\d{4}` +
  `|\\d{4}(${SEP})\\d{4}\\5\\d{4}\\5\\d{4}`;
// Mobile: 08…, +62 8…, 62 8…, (+62) 8…; then 7–11 more digits in groups of 2–5 separated by at most one space/dot/dash.
const MOBILE = `(?:\\(?\\+62\\)?${SEP}?|62${SEP}?|0)8\\d(?:${SEP}?\\d){7,10}`;
// Landline: (0xx) / (0xxx) area code in parentheses, or +62 2x…, or 0xx/0xxx and the number (dates use 4-digit years
// and never start with 0 followed by 6–8 digits, so `2021-12-31` or `12.500.000` do not match).
const LANDLINE =
  `\\(0[2-9]\\d{1,2}\\)${SEP}?\\d{3,4}${SEP}?\\d{2,4}` +
  `|\\+62${SEP}?\\(?[2-9]\\d{1,2}\\)?${SEP}?\\d{3,4}${SEP}?\\d{2,4}` +
  // 0 + area code + 6–8 digits, with or without separators (`0541741234`, `0274 512345`, `021-7654321`).
  `|0[2-9]\\d{1,2}${SEP}?\\d{3,4}${SEP}?\\d{3,4}`;

const PII_RE = new RegExp(
  `(${EMAIL})|(?<![\\d\\w])((?:${NIK_PLAIN})|(?:${NIK_GROUPED}))(?![\\d])|(?<![\\d\\w+])((?:${MOBILE})|(?:${LANDLINE}))(?![\\d])`,
  'g',
);

const DIGIT_RUN = /\d{3}/;

// E-mail addresses spelled out to dodge filters: `nama [at] gmail [dot] com`, `nama(at)gmail(dot)com`,
// `nama at gmail dot com`, `nama @ gmail.com`, Indonesian `[titik]`. A bare `@` counts only with a space after it:
// a space before and none after is how a mention is written (`Menanggapi @budi.santoso`).
const SPELLED_AT = String.raw`(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+|\s*@\s+)`;
const SPELLED_DOT = String.raw`(?:\s*[\[({<]\s*(?:dot|titik)\s*[\])}>]\s*|\s+(?:dot|titik)\s+|\.)`;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?';
const SPELLED_EMAIL_RE = new RegExp(
  `(?<![\\w.%+-])[a-z0-9._%+-]{1,64}${SPELLED_AT}${LABEL}(?:${SPELLED_DOT}${LABEL})*${SPELLED_DOT}[a-z]{2,24}(?![\\w])`,
  'gi',
);
const MAY_BE_SPELLED_EMAIL = /(?:^|[\s[({<])at(?:$|[\s\])}>])|\s@|@\s/i;

const MASK_COUNT_RE = new RegExp(
  [PII_MASKS.nik, PII_MASKS.phone, PII_MASKS.email].map((mask) => mask.replace(/[[\]]/g, '\\$&')).join('|'),
  'g',
);

function plausibleGroupedNik(digits: string): boolean {
  const prov = Number(digits.slice(0, 2));
  const day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  return prov >= 11 && prov <= 96 && ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) && month >= 1 && month <= 12;
}

function phoneDigitsOk(raw: string): boolean {
  let digits = raw.replace(/\D/g, '');
  if (digits.startsWith('62')) {
    digits = '0' + digits.slice(2);
  }
  return digits.length >= 9 && digits.length <= 13;
}

/** Masks NIK, phone numbers and e-mail addresses in a string. */
export function maskPiiWithCounts(text: string, options: { nik?: boolean } = {}): PiiMaskResult {
  const maskNik = options.nik !== false;
  const counts: PiiCounts = { nik: 0, phone: 0, email: 0 };
  if (typeof text !== 'string' || text.length === 0) {
    return { text, counts };
  }
  if (MAY_BE_SPELLED_EMAIL.test(text)) {
    text = text.replace(SPELLED_EMAIL_RE, () => {
      counts.email++;
      return PII_MASKS.email;
    });
  }
  const mayHaveEmail = text.indexOf('@') >= 0;
  if (!mayHaveEmail && !DIGIT_RUN.test(text)) {
    return { text, counts };
  }
  PII_RE.lastIndex = 0;
  const masked = text.replace(
    PII_RE,
    (match: string, email?: string, nik?: string, g1?: string, g2?: string, g3?: string, phone?: string) => {
      if (email) {
        counts.email++;
        return PII_MASKS.email;
      }
      if (nik) {
        if (!maskNik) {
          return match;
        }
        const digits = nik.replace(/\D/g, '');
        if (digits.length === 16 && (nik.length === 16 || plausibleGroupedNik(digits))) {
          counts.nik++;
          return PII_MASKS.nik;
        }
        return match;
      }
      if (phone && phoneDigitsOk(phone)) {
        counts.phone++;
        return PII_MASKS.phone;
      }
      return match;
    },
  );
  return { text: masked, counts };
}

/** How many masks of each kind a text carries (also when it was masked before, e.g. at enqueue time). */
export function countPiiMasks(text: string): PiiCounts {
  const counts: PiiCounts = { nik: 0, phone: 0, email: 0 };
  if (typeof text !== 'string') {
    return counts;
  }
  for (const [mask] of text.matchAll(MASK_COUNT_RE)) {
    if (mask === PII_MASKS.nik) {
      counts.nik++;
    } else if (mask === PII_MASKS.phone) {
      counts.phone++;
    } else {
      counts.email++;
    }
  }
  return counts;
}

/**
 * Masks personal data in a URL (`wa.me/62…`, `?email=budi%40…`, `mailto:`, `?nik=…`): the URL is read decoded,
 * and returned decoded with masks when it held any, unchanged byte for byte otherwise.
 */
export function maskUrl(url: string | undefined): string | undefined {
  if (typeof url !== 'string' || url === '') {
    return url;
  }
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Malformed escapes: mask what is there as written.
  }
  // Paths carry platform ids of 16 digits (Facebook posts) that look like a NIK: a NIK is masked only in
  // the query string and fragment, where form data lands; phones and e-mails everywhere.
  const split = decoded.search(/[?#]/);
  const path = split < 0 ? decoded : decoded.slice(0, split);
  const rest = split < 0 ? '' : decoded.slice(split);
  const masked = maskPiiWithCounts(path, { nik: false }).text + maskPii(rest);
  return masked === decoded ? url : masked;
}

/** Masks NIK, phone numbers and e-mail addresses in a string; returns the masked string. */
export function maskPii(text: string): string {
  try {
    return maskPiiWithCounts(text).text;
  } catch {
    return typeof text === 'string' ? text.replace(/[\d@]/g, '*') : text;
  }
}

/**
 * Returns a copy of any JSON-like value with every string (values, not keys) masked. Objects and arrays are walked
 * (cycles are cut, depth is limited to 64); other values are returned unchanged. Never throws.
 */
export function maskPiiDeep<T>(value: T): T {
  const seen = new WeakMap<object, unknown>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') {
      return maskPii(v);
    }
    if (v === null || typeof v !== 'object') {
      return v;
    }
    if (depth > 64) {
      return Array.isArray(v) ? [] : {};
    }
    const cached = seen.get(v);
    if (cached !== undefined) {
      return cached;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const item of v) {
        out.push(walk(item, depth + 1));
      }
      return out;
    }
    if (v instanceof Date) {
      return v;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    try {
      for (const key of Object.keys(v)) {
        out[key] = walk((v as Record<string, unknown>)[key], depth + 1);
      }
    } catch {
      // A getter threw: keep what was copied.
    }
    return out;
  };
  try {
    return walk(value, 0) as T;
  } catch {
    return value;
  }
}
