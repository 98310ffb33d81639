import { createHash } from 'node:crypto';
import type { IngestPostPayload } from '../ingest-post.js';

/** The post fields an import can fill, and the column names common exports use for each. */
export const IMPORT_FIELDS = [
  'text',
  'externalId',
  'createdAt',
  'author',
  'url',
  'lang',
  'likes',
  'replies',
  'reposts',
  'views',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Candidates in order of preference; compared after normalising (lower case, letters and digits only). */
const CANDIDATES: Record<ImportField, string[]> = {
  text: [
    'text',
    'full_text',
    'content',
    'message',
    'caption',
    'body',
    'tweet',
    'tweet_text',
    'post_text',
    'textOriginal',
    'comment',
    'description',
    'isi',
    'teks',
  ],
  externalId: [
    'id',
    'id_str',
    'tweet_id',
    'post_id',
    'status_id',
    'comment_id',
    'message_id',
    'external_id',
    'uid',
    'uri',
  ],
  createdAt: [
    'created_at',
    'date',
    'timestamp',
    'time',
    'created_time',
    'published_at',
    'publishedAt',
    'datetime',
    'date_time',
    'created_utc',
    'taken_at',
    'posted_at',
    'tanggal',
    'waktu',
  ],
  author: [
    'username',
    'author',
    'screen_name',
    'user',
    'user_screen_name',
    'user.screen_name',
    'user.username',
    'author_handle',
    'author.handle',
    'handle',
    'author_name',
    'authorDisplayName',
    'from',
    'from.name',
    'owner_username',
    'user_name',
    'name',
    'akun',
  ],
  url: ['url', 'link', 'permalink', 'tweet_url', 'post_url', 'permalink_url'],
  lang: ['lang', 'language', 'bahasa'],
  likes: [
    'likes',
    'like_count',
    'favorite_count',
    'favourite_count',
    'likes_count',
    'favorites',
    'public_metrics.like_count',
    'reactions',
    'reaction_count',
    'likeCount',
    'score',
  ],
  replies: [
    'replies',
    'reply_count',
    'replies_count',
    'comments',
    'comment_count',
    'comments_count',
    'public_metrics.reply_count',
    'num_comments',
    'totalReplyCount',
  ],
  reposts: [
    'reposts',
    'retweet_count',
    'retweets',
    'retweets_count',
    'shares',
    'share_count',
    'shares_count',
    'reposts_count',
    'public_metrics.retweet_count',
  ],
  views: [
    'views',
    'view_count',
    'views_count',
    'impression_count',
    'impressions',
    'play_count',
    'public_metrics.impression_count',
  ],
};

export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `--map text=content,createdAt=date`: field → column name. Throws with an Indonesian message on a bad entry. */
export function parseMappingOption(option: string | undefined): Partial<Record<ImportField, string>> {
  const mapping: Partial<Record<ImportField, string>> = {};
  if (!option) {
    return mapping;
  }
  for (const entry of option.split(',')) {
    const [rawField, ...rest] = entry.split('=');
    const column = rest.join('=').trim();
    const field = resolveFieldName(rawField?.trim() ?? '');
    if (!field || column === '') {
      throw new Error(
        `Pemetaan "${entry}" tidak valid: gunakan bidang=kolom, bidang salah satu dari ${IMPORT_FIELDS.join(', ')}`,
      );
    }
    mapping[field] = column;
  }
  return mapping;
}

function resolveFieldName(name: string): ImportField | undefined {
  const key = normaliseKey(name);
  if (key === 'id') {
    return 'externalId';
  }
  return IMPORT_FIELDS.find((field) => normaliseKey(field) === key);
}

/** A record as the reader found it: normalised key → value (nested JSON objects flattened one level with dots). */
export type FlatRecord = Map<string, unknown>;

export interface MappedPost {
  post?: IngestPostPayload;
  reason?: string;
}

/**
 * Maps records of one file to posts. Resolves each field to the first candidate column present
 * (or the admin's override), caching the resolution per set of keys (CSV: once; JSONL: per shape).
 */
export class ColumnMapper {
  private readonly candidates: Record<ImportField, string[]>;
  private readonly cache = new Map<string, Partial<Record<ImportField, string>>>();

  constructor(
    overrides: Partial<Record<ImportField, string>> = {},
    /** Offset of the home time zone, for times written without one (e.g. "2025-03-01 08:15"). */
    private readonly defaultUtcOffsetMinutes = 7 * 60,
  ) {
    this.candidates = { ...CANDIDATES };
    for (const [field, column] of Object.entries(overrides) as [ImportField, string][]) {
      this.candidates[field] = [column];
    }
    for (const field of IMPORT_FIELDS) {
      this.candidates[field] = this.candidates[field].map(normaliseKey);
    }
  }

  /** Which column each field comes from, for a set of keys (shown by the CLI for the first record). */
  resolve(keys: Iterable<string>): Partial<Record<ImportField, string>> {
    const list = [...keys];
    const signature = list.join('\u0001');
    let resolved = this.cache.get(signature);
    if (!resolved) {
      const present = new Set(list);
      resolved = {};
      for (const field of IMPORT_FIELDS) {
        const column = this.candidates[field].find((candidate) => present.has(candidate));
        if (column !== undefined) {
          resolved[field] = column;
        }
      }
      if (this.cache.size > 1000) {
        this.cache.clear();
      }
      this.cache.set(signature, resolved);
    }
    return resolved;
  }

  map(record: FlatRecord): MappedPost {
    const columns = this.resolve(record.keys());
    if (columns.text === undefined) {
      return { reason: 'kolom teks tidak ditemukan (gunakan --map text=NAMA_KOLOM)' };
    }
    const text = asText(record.get(columns.text));
    if (!text) {
      return { reason: 'teks kosong' };
    }
    const rawTime = columns.createdAt === undefined ? undefined : record.get(columns.createdAt);
    if (rawTime === undefined || rawTime === null || rawTime === '') {
      return { reason: 'waktu kosong atau kolom waktu tidak ditemukan (gunakan --map createdAt=NAMA_KOLOM)' };
    }
    const time = parseImportTime(rawTime, this.defaultUtcOffsetMinutes);
    if (time === undefined) {
      return {
        reason: `waktu "${(typeof rawTime === 'string' ? rawTime : JSON.stringify(rawTime)).slice(0, 40)}" tidak dapat dibaca`,
      };
    }
    const author = columns.author === undefined ? undefined : asText(record.get(columns.author));
    const createdAt = new Date(time).toISOString();
    let externalId = columns.externalId === undefined ? undefined : asText(record.get(columns.externalId));
    if (!externalId) {
      // No id in the export: a stable one from the content, so importing the same file twice stores nothing twice.
      externalId = `import-${createHash('sha256')
        .update(`${author ?? ''}\u0001${createdAt}\u0001${text}`)
        .digest('hex')
        .slice(0, 32)}`;
    }
    const metric = (field: 'likes' | 'replies' | 'reposts' | 'views') =>
      columns[field] === undefined ? undefined : parseCount(record.get(columns[field]));
    const metrics = {
      likes: metric('likes'),
      replies: metric('replies'),
      reposts: metric('reposts'),
      views: metric('views'),
    };
    const post: IngestPostPayload = { externalId, text, createdAt };
    if (author) {
      post.author = author.replace(/^@/, '');
    }
    const url = columns.url === undefined ? undefined : asText(record.get(columns.url));
    if (url && /^https?:\/\//i.test(url)) {
      post.url = url;
    }
    const lang = columns.lang === undefined ? undefined : asText(record.get(columns.lang));
    if (lang) {
      post.lang = lang;
    }
    if (Object.values(metrics).some((value) => value !== undefined)) {
      post.metrics = metrics;
    }
    return { post };
  }
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return String(value);
  }
  return undefined;
}

/** "1,234", "1.2K", "3 rb", "2,5jt", 17 → integers; anything else → undefined. */
export function parseCount(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = /^\s*(\d+(?:[.,]\d+)*)\s*(k|rb|ribu|m|jt|juta)?\s*$/i.exec(value);
  if (!match) {
    return undefined;
  }
  const suffix = match[2]?.toLowerCase();
  let digits = match[1];
  if (suffix) {
    digits = digits.replace(',', '.');
    const factor = suffix === 'k' || suffix === 'rb' || suffix === 'ribu' ? 1e3 : 1e6;
    return Math.round(Number(digits) * factor);
  }
  return Number(digits.replace(/[.,]/g, ''));
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const ZONELESS_ISO = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * Times as exports write them: ISO 8601, RFC 2822 ("Wed Oct 10 20:19:24 +0000 2018"), epoch seconds or
 * milliseconds, Indonesian day-first dates ("05/01/2025 08:15"). Times without a zone are in the home zone.
 */
export function parseImportTime(value: unknown, defaultUtcOffsetMinutes: number): number | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}(\.\d+)?$/.test(value.trim()))) {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) {
      return undefined;
    }
    return n >= 1e12 ? Math.floor(n) : Math.floor(n * 1000);
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = value.trim();
  const dmy = DMY.exec(text);
  if (dmy) {
    const [, d, m, y, hh = '0', mm = '0', ss = '0'] = dmy;
    const utc = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), Number(ss));
    const check = new Date(utc);
    if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(m) - 1) {
      return undefined;
    }
    return utc - defaultUtcOffsetMinutes * 60_000;
  }
  if (ZONELESS_ISO.test(text)) {
    const utc = Date.parse(`${text.replace(' ', 'T')}${text.length === 10 ? 'T00:00:00' : ''}Z`);
    return Number.isFinite(utc) ? utc - defaultUtcOffsetMinutes * 60_000 : undefined;
  }
  const parsed = Date.parse(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function utcOffsetMinutesOf(timeZone: string): number {
  switch (timeZone) {
    case 'Asia/Makassar':
      return 8 * 60;
    case 'Asia/Jayapura':
      return 9 * 60;
    default:
      return 7 * 60;
  }
}
