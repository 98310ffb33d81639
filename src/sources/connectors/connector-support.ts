import {
  ConnectorConfigError,
  ConnectorFetchError,
  type FetchContext,
  type SourceHttpClient,
  type SourceHttpRequest,
  type SourceHttpResponse,
} from './connector.types.js';

/**
 * Helpers shared by the platform connectors: config reading, the HTTP exchange with readable
 * Indonesian errors, rate-limit answers, HTML stripping, date parsing and id ordering.
 */

export const DEFAULT_RUN_LIMITS = { maxPages: 5, maxPosts: 500 } as const;

export function runLimits(context: Pick<FetchContext<unknown, unknown>, 'limits'>): {
  maxPages: number;
  maxPosts: number;
} {
  return {
    maxPages: Math.max(1, context.limits?.maxPages ?? DEFAULT_RUN_LIMITS.maxPages),
    maxPosts: Math.max(1, context.limits?.maxPosts ?? DEFAULT_RUN_LIMITS.maxPosts),
  };
}

// ---------------------------------------------------------------- config

export function optionalString(config: Record<string, unknown>, field: string): string | undefined {
  const value = config[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new ConnectorConfigError(field, `Kolom ${field} harus berupa teks.`);
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function requiredString(config: Record<string, unknown>, field: string, label: string): string {
  const value = optionalString(config, field);
  if (value === undefined) {
    throw new ConnectorConfigError(field, `${label} wajib diisi (kolom ${field}).`);
  }
  return value;
}

/** An http(s) URL without trailing slash; `fallback` when absent (the platform's public address). */
export function readBaseUrl(config: Record<string, unknown>, field: string, fallback?: string): string {
  const value = optionalString(config, field) ?? fallback;
  if (value === undefined) {
    throw new ConnectorConfigError(field, `Alamat ${field} wajib diisi.`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConnectorConfigError(field, `Alamat ${field} bukan URL yang valid.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorConfigError(field, `Alamat ${field} harus diawali http:// atau https://.`);
  }
  if (url.username || url.password) {
    throw new ConnectorConfigError(field, `Alamat ${field} tidak boleh memuat nama pengguna atau kata sandi.`);
  }
  return url.toString().replace(/\/+$/, '');
}

/** Exactly one of the given fields must be set (e.g. hashtag | query). */
export function exactlyOne(config: Record<string, unknown>, fields: readonly string[], label: string): string {
  const present = fields.filter((field) => {
    const value = config[field];
    return Array.isArray(value) ? value.length > 0 : optionalString(config, field) !== undefined;
  });
  if (present.length !== 1) {
    throw new ConnectorConfigError(
      fields[0],
      `Isi tepat satu dari ${fields.join(', ')} untuk ${label}${present.length > 1 ? ` (terisi: ${present.join(', ')})` : ''}.`,
    );
  }
  return present[0];
}

// ---------------------------------------------------------------- errors

/** Removes every secret (token, key, password) from a message; used on every error a connector throws. */
export function redactSecrets(message: string, secrets: readonly (string | undefined)[]): string {
  let result = message;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) {
      result = result.split(secret).join('[rahasia]');
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) {
        result = result.split(encoded).join('[rahasia]');
      }
    }
  }
  return result;
}

/**
 * Runs a connector's fetch so that it only ever throws ConnectorFetchError, with secrets removed
 * from the message.
 */
export async function guardFetch<T>(
  platform: string,
  secrets: readonly (string | undefined)[],
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConnectorFetchError) {
      const message = redactSecrets(error.message, secrets);
      if (message === error.message) {
        throw error;
      }
      throw new ConnectorFetchError(message, error.options);
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConnectorFetchError(
      redactSecrets(`Kesalahan tak terduga pada konektor ${platform}: ${detail.slice(0, 200)}`, secrets),
    );
  }
}

/** A short, single-line excerpt of a platform's own error text, safe to show to an admin. */
export function excerpt(text: unknown, max = 200): string {
  if (typeof text !== 'string') {
    return '';
  }
  const line = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Retry-After: delay in seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

export function describeWait(ms: number): string {
  if (ms < 120_000) {
    return `${Math.max(1, Math.ceil(ms / 1000))} detik`;
  }
  if (ms < 2 * 3_600_000) {
    return `${Math.ceil(ms / 60_000)} menit`;
  }
  return `${Math.round(ms / 3_600_000)} jam`;
}

export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

export function rateLimitError(
  platform: string,
  retryAfterMs: number | undefined,
  detail?: string,
): ConnectorFetchError {
  const wait = retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  return new ConnectorFetchError(
    `Batas permintaan ${platform} tercapai${detail ? ` (${detail})` : ''}; pengambilan dicoba lagi setelah ${describeWait(wait)}.`,
    { retryAfterMs: wait, status: 429 },
  );
}

/** The error for a non-2xx answer whose body the connector could not interpret more precisely. */
export function statusError(
  platform: string,
  response: Pick<SourceHttpResponse, 'status' | 'headers'>,
  now: Date,
  detail?: string,
): ConnectorFetchError {
  const status = response.status;
  const suffix = detail ? `: ${detail}` : '.';
  if (status === 429) {
    return rateLimitError(platform, parseRetryAfter(response.headers['retry-after'], now), detail);
  }
  if (status === 401) {
    return new ConnectorFetchError(
      `Autentikasi ${platform} ditolak (HTTP 401); periksa token atau kredensial sumber ini${suffix}`,
      { permanent: true, status },
    );
  }
  if (status === 403) {
    return new ConnectorFetchError(`Akses ${platform} ditolak (HTTP 403)${suffix}`, { permanent: true, status });
  }
  if (status === 404) {
    return new ConnectorFetchError(
      `Alamat ${platform} tidak ditemukan (HTTP 404); periksa konfigurasi sumber${suffix}`,
      {
        permanent: true,
        status,
      },
    );
  }
  if (status >= 500) {
    return new ConnectorFetchError(`Server ${platform} sedang bermasalah (HTTP ${status})${suffix}`, {
      status,
      retryAfterMs: parseRetryAfter(response.headers['retry-after'], now),
    });
  }
  return new ConnectorFetchError(`${platform} menolak permintaan (HTTP ${status})${suffix}`, { status });
}

export async function send(
  http: SourceHttpClient,
  platform: string,
  url: string,
  init?: SourceHttpRequest,
): Promise<SourceHttpResponse> {
  try {
    return await http.request(url, init);
  } catch (error) {
    if (error instanceof ConnectorFetchError) {
      throw new ConnectorFetchError(`${platform}: ${error.message}`, error.options);
    }
    throw new ConnectorFetchError(
      `${platform}: permintaan gagal (${error instanceof Error ? error.message : 'galat'}).`,
    );
  }
}

function contentTypeOf(response: SourceHttpResponse): string {
  return (response.headers['content-type'] ?? 'tanpa Content-Type').split(';')[0].trim();
}

/** Parses a JSON body, or throws 'Respons <platform> bukan JSON yang valid (HTTP 200, text/html)'. */
export function parseJson(platform: string, response: SourceHttpResponse): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    throw new ConnectorFetchError(
      `Respons ${platform} bukan JSON yang valid (HTTP ${response.status}, ${contentTypeOf(response)}).`,
      { status: response.status },
    );
  }
}

/** Like parseJson, but null when the body is not JSON (for error answers that may be HTML). */
export function tryParseJson(response: SourceHttpResponse): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    return null;
  }
}

export function shapeError(platform: string, response: SourceHttpResponse, what: string): ConnectorFetchError {
  return new ConnectorFetchError(
    `Respons ${platform} tidak berbentuk seperti yang diharapkan (${what}; HTTP ${response.status}, ${contentTypeOf(response)}).`,
    { status: response.status },
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return undefined;
}

export function asCount(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? Math.floor(number) : undefined;
}

// ---------------------------------------------------------------- text and time

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}

/** Plain text from an HTML fragment: no tags, scripts or styles; entities decoded; whitespace collapsed. */
export function stripHtml(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, '\n')
    .replace(/<\/?(a|span|b|i|em|strong|u|s|small|code|mark|font|abbr|sub|sup)\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(text)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

const ZONE_OFFSETS: Record<string, string> = { WIB: '+0700', WITA: '+0800', WIT: '+0900' };

/** ISO 8601 from RFC 822/1123 dates, ISO dates, Graph API `+0000` offsets, or epoch seconds. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value * 1000).toISOString();
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  let text = value.trim();
  text = text.replace(/\b(WIB|WITA|WIT)$/, (zone) => ZONE_OFFSETS[zone]);
  // 2024-05-01T03:04:05+0000 → +00:00
  text = text.replace(/^(\d{4}-\d{2}-\d{2}T[\d:.]+)([+-]\d{2})(\d{2})$/, '$1$2:$3');
  const at = Date.parse(text);
  if (Number.isNaN(at)) {
    return undefined;
  }
  return new Date(at).toISOString();
}

/** Orders decimal id strings (Mastodon, X snowflakes) without losing precision. */
export function compareDecimalIds(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) {
    return x.length - y.length;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

export function maxDecimalId(ids: Iterable<string>, start?: string): string | undefined {
  let max = start;
  for (const id of ids) {
    if (/^\d+$/.test(id) && (max === undefined || compareDecimalIds(id, max) > 0)) {
      max = id;
    }
  }
  return max;
}

export function cursorString(cursor: Record<string, unknown>, key: string): string | undefined {
  const value = cursor[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function cursorStrings(cursor: Record<string, unknown>, key: string): string[] {
  const value = cursor[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Appends a query string; `undefined` values are left out. */
export function withQuery(base: string, params: Record<string, string | number | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) {
      url.searchParams.set(key, String(value));
    }
  }
  return url.toString();
}
