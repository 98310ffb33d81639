/**
 * A fast "certainly valid" check of an ingest request, in plain JavaScript: class-transformer and class-validator
 * cost 50–190 ms per 1,000 posts (docs/ingest-performance.md), JSON parsing 1–2 ms. It accepts a subset of what
 * IngestRequestDto accepts (stricter where matching class-validator exactly would take more code: optional fields
 * must be absent rather than null, times in the common ISO 8601 shapes, lengths in UTF-16 units), and answers
 * `false` for anything else; the DTO then decides, with its field-by-field messages. So the DTO stays the one
 * statement of the rules (and of the OpenAPI schema), and a request the check lets through is one the DTO lets through
 * (ingest-request.fast-check.spec.ts compares them).
 */
import {
  HTTP_URL,
  MAX_COUNT,
  MAX_POSTS_PER_REQUEST,
  MAX_TEXT_LENGTH,
  MAX_VIEWS,
  NOT_BLANK,
} from './ingest-request.dto.js';
import type { IngestRequestDto } from './ingest-request.dto.js';

const FUTURE_TOLERANCE_MS = 5 * 60_000;
const REQUEST_KEYS = new Set(['source', 'posts']);
const POST_KEYS = new Set(['externalId', 'text', 'createdAt', 'author', 'url', 'lang', 'metrics']);
/** Each metric and its largest value (the column's range). */
const METRIC_MAX: [string, number][] = [
  ['likes', MAX_COUNT],
  ['replies', MAX_COUNT],
  ['reposts', MAX_COUNT],
  ['views', MAX_VIEWS],
];
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** Characters class-validator's length does not count (variation selectors, the second half of surrogate pairs). */
const UNCOUNTED = /[\uFE0E\uFE0F\uD800-\uDFFF]/;

function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: Set<string>): boolean {
  for (const key in value) {
    if (!allowed.has(key)) {
      return false;
    }
  }
  return true;
}

function text(value: unknown, min: number, max: number): boolean {
  return (
    typeof value === 'string' && value.length <= max && value.length >= min && (min === 0 || !UNCOUNTED.test(value))
  );
}

function optionalText(value: unknown, max: number): boolean {
  return value === undefined || text(value, 0, max);
}

function isoTimeNotInFuture(value: unknown, now: number): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  const match = ISO_TIME.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return false;
  }
  const at = Date.parse(value);
  return Number.isFinite(at) && at <= now + FUTURE_TOLERANCE_MS;
}

function metrics(value: unknown): boolean {
  if (value === undefined) {
    return true;
  }
  if (!plainObject(value)) {
    return false;
  }
  let known = 0;
  for (const [key, max] of METRIC_MAX) {
    const metric = value[key];
    if (metric === undefined) {
      continue;
    }
    known++;
    if (typeof metric !== 'number' || !Number.isInteger(metric) || metric < 0 || metric > max) {
      return false;
    }
  }
  return Object.keys(value).length === known;
}

function post(value: unknown, now: number): boolean {
  return (
    plainObject(value) &&
    onlyKeys(value, POST_KEYS) &&
    text(value.externalId, 1, 512) &&
    text(value.text, 0, MAX_TEXT_LENGTH) &&
    NOT_BLANK.test(value.text as string) &&
    isoTimeNotInFuture(value.createdAt, now) &&
    optionalText(value.author, 256) &&
    (value.url === undefined || (text(value.url, 0, 2048) && HTTP_URL.test(value.url as string))) &&
    optionalText(value.lang, 16) &&
    metrics(value.metrics)
  );
}

/** True when `body` is certainly a valid ingest request; false means "ask the DTO" (it may still be valid). */
export function isCertainlyValidIngestRequest(body: unknown, now = Date.now()): body is IngestRequestDto {
  if (!plainObject(body) || !onlyKeys(body, REQUEST_KEYS) || !text(body.source, 1, 120)) {
    return false;
  }
  const posts = body.posts;
  if (!Array.isArray(posts) || posts.length < 1 || posts.length > MAX_POSTS_PER_REQUEST) {
    return false;
  }
  for (const item of posts) {
    if (!post(item, now)) {
      return false;
    }
  }
  return true;
}
