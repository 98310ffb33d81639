/**
 * Builds a DetectorPost from a raw post and, when available, its PostAnalysis (the worker and the CLI with the
 * analysis engine); without an analysis, the local fallback tokeniser gives tokens and hashtags only.
 */
import type { PostAnalysis } from '../../analysis/analysis.types.js';
import type { DetectorPost } from './detection.types.js';
import { fallbackTokenize } from './fallback-tokenizer.js';

export interface RawPostInput {
  id: string;
  text: string;
  /** ISO string or epoch ms. */
  createdAt: string | number;
  author?: string;
  source?: string;
  reach?: number;
  url?: string;
}

export function toDetectorPost(raw: RawPostInput, analysis?: PostAnalysis): DetectorPost {
  const createdAt = typeof raw.createdAt === 'number' ? raw.createdAt : Date.parse(raw.createdAt);
  if (!Number.isFinite(createdAt)) {
    throw new Error(`Waktu unggahan ${raw.id} tidak valid: ${String(raw.createdAt)}`);
  }
  const author = raw.author ? `${raw.source ?? ''}:${raw.author}` : `${raw.source ?? 'anon'}:post:${raw.id}`;
  if (analysis) {
    return {
      id: raw.id,
      createdAt,
      author,
      source: raw.source,
      tokens: analysis.tokens,
      hashtags: analysis.hashtags.map((h) => h.replace(/^#/u, '').toLowerCase()),
      places: analysis.locations.map((l) => ({ code: l.code, name: l.name })),
      topics: analysis.topics.map((t) => t.id),
      category: analysis.category.slug,
      opd: analysis.category.opd,
      sentiment: analysis.sentiment.label,
      reach: raw.reach ?? 0,
      url: raw.url,
    };
  }
  const tok = fallbackTokenize(raw.text);
  return {
    id: raw.id,
    createdAt,
    author,
    source: raw.source,
    tokens: tok.tokens,
    hashtags: tok.hashtags,
    places: [],
    topics: [],
    reach: raw.reach ?? 0,
    url: raw.url,
  };
}
