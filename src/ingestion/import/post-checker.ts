import type { IngestPostPayload } from '../ingest-post.js';

/** Limits shared with the HTTP ingest API (src/ingestion/dto/ingest-request.dto.ts). */
export const MAX_EXTERNAL_ID_LENGTH = 512;
export const MAX_POST_TEXT_LENGTH = 100_000;
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type PostCheck = { ok: true; post: IngestPostPayload } | { ok: false; reason: string };

/**
 * The last check before a post enters the ingest queue, for posts that did not come through the
 * validated HTTP API (connectors, imports): a post the database would refuse must not sink its
 * whole batch. Reasons are Indonesian (they are shown to whoever imported the file).
 */
export function checkPost(post: IngestPostPayload, now: Date = new Date()): PostCheck {
  const externalId = typeof post.externalId === 'string' ? post.externalId.trim() : '';
  if (externalId === '') {
    return { ok: false, reason: 'id kosong' };
  }
  if (externalId.length > MAX_EXTERNAL_ID_LENGTH) {
    return { ok: false, reason: `id lebih dari ${MAX_EXTERNAL_ID_LENGTH} karakter` };
  }
  const text = typeof post.text === 'string' ? post.text.replaceAll('\u0000', '').trim() : '';
  if (text === '') {
    return { ok: false, reason: 'teks kosong' };
  }
  if (text.length > MAX_POST_TEXT_LENGTH) {
    return { ok: false, reason: `teks lebih dari ${MAX_POST_TEXT_LENGTH} karakter` };
  }
  const time = Date.parse(post.createdAt);
  if (!Number.isFinite(time)) {
    return { ok: false, reason: 'waktu tidak dapat dibaca' };
  }
  if (time > now.getTime() + FUTURE_TOLERANCE_MS) {
    return { ok: false, reason: 'waktu lebih dari 5 menit di masa depan' };
  }
  if (time < Date.UTC(1990, 0, 1)) {
    return { ok: false, reason: 'waktu sebelum tahun 1990' };
  }
  const clean: IngestPostPayload = { ...post, externalId, text, createdAt: new Date(time).toISOString() };
  clean.author = cleanOptional(post.author, 256);
  clean.url = cleanOptional(post.url, 2048);
  clean.lang = cleanOptional(post.lang, 16);
  if (post.metrics) {
    clean.metrics = {
      likes: count(post.metrics.likes),
      replies: count(post.metrics.replies),
      reposts: count(post.metrics.reposts),
      views: count(post.metrics.views),
    };
  }
  return { ok: true, post: clean };
}

function cleanOptional(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.replaceAll('\u0000', '').trim();
  return trimmed === '' ? undefined : trimmed.slice(0, max);
}

/** Counts from exports arrive as "1.2K", "1,024", floats or garbage: keep non-negative integers in range. */
function count(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/[,_\s]/g, '')) : NaN;
  if (!Number.isFinite(n) || n < 0) {
    return undefined;
  }
  return Math.min(Math.floor(n), 2_147_483_647);
}
