/**
 * Hashed features shared by the regional sentiment and emotion models: normalised words and word bigrams, character
 * n-grams inside the written words, and the lexicon scorer's outputs (its score, positive and negative mass and
 * label — what the hand-written Indonesian lexicon knows, which carries over to the regional languages closest to
 * Indonesian).
 */
import type { SentimentResult } from '../analysis.types.js';
import type { LetterBuffer } from '../language/language-features.js';
import { FEATURE_SEED, forEachCharGram, hashPair, hashString } from './feature-hash.js';
import type { FeatureSink } from './hashed-linear-model.js';

function isWordToken(t: string): boolean {
  const c = t.charCodeAt(0);
  return c !== 35 && c !== 64 && !(c === 104 && t.startsWith('http'));
}

/** Word unigrams (and bigrams of consecutive words) of the normalised tokens; hashtags, mentions, URLs skipped. */
export function emitWords(tokens: readonly string[], sink: FeatureSink, bigrams: boolean): void {
  let previous = -1;
  for (const t of tokens) {
    if (!isWordToken(t)) {
      continue;
    }
    const h = hashString(t, FEATURE_SEED.word);
    sink.text(h);
    if (bigrams && previous !== -1) {
      sink.text(hashPair(previous, h));
    }
    previous = h;
  }
}

/** The hash of a normalised word's unigram feature (for explanations). */
export function wordFeature(word: string): number {
  return hashString(word, FEATURE_SEED.word);
}

const wordBuffer = new Uint16Array(66);

/** Character n-grams (`min`..`max`) inside each written word of the letter buffer, padded with a space each side. */
export function emitWordCharGrams(buf: LetterBuffer, min: number, max: number, sink: FeatureSink): void {
  const codes = buf.codes;
  let start = 1;
  const emit = (h: number) => sink.text(h);
  for (let i = 1; i < buf.length; i++) {
    if (codes[i] !== 32) {
      continue;
    }
    const len = i - start;
    if (len > 0 && len + 2 <= wordBuffer.length) {
      wordBuffer[0] = 32;
      for (let j = 0; j < len; j++) {
        wordBuffer[j + 1] = codes[start + j];
      }
      wordBuffer[len + 1] = 32;
      forEachCharGram(wordBuffer, len + 2, min, max, FEATURE_SEED.rawWord, emit);
    }
    start = i + 1;
  }
}

const LEXICON_FEATURE = {
  score: hashString('score', FEATURE_SEED.lexicon),
  positive: hashString('positive-mass', FEATURE_SEED.lexicon),
  negative: hashString('negative-mass', FEATURE_SEED.lexicon),
  label: {
    positive: hashString('label:positive', FEATURE_SEED.lexicon),
    neutral: hashString('label:neutral', FEATURE_SEED.lexicon),
    negative: hashString('label:negative', FEATURE_SEED.lexicon),
  },
} as const;

/** The lexicon scorer's result as four dense features, times `scale`. */
export function emitLexicon(result: SentimentResult, scale: number, sink: FeatureSink): void {
  let positive = 0;
  let negative = 0;
  for (const e of result.evidence) {
    if (e.weight > 0) {
      positive += e.weight;
    } else {
      negative -= e.weight;
    }
  }
  sink.dense(LEXICON_FEATURE.score, result.score * scale);
  sink.dense(LEXICON_FEATURE.positive, Math.tanh(positive) * scale);
  sink.dense(LEXICON_FEATURE.negative, Math.tanh(negative) * scale);
  sink.dense(LEXICON_FEATURE.label[result.label], scale);
}

/**
 * The (at most `limit`) normalised words that pushed most towards label `best`: each word's unigram weight for
 * `best` minus its mean weight for the other labels, as it counted in the post.
 */
export function topWords(
  model: { weight(hash: number, label: number): number; labels: readonly string[] },
  tokens: readonly string[],
  best: number,
  scale: number,
  limit = 5,
): Array<{ word: string; weight: number }> {
  const K = model.labels.length;
  const seen = new Set<string>();
  const out: Array<{ word: string; weight: number }> = [];
  for (const t of tokens) {
    if (!isWordToken(t) || seen.has(t)) {
      continue;
    }
    seen.add(t);
    const h = wordFeature(t);
    let others = 0;
    for (let k = 0; k < K; k++) {
      if (k !== best) {
        others += model.weight(h, k);
      }
    }
    const weight = (model.weight(h, best) - others / (K - 1)) * scale;
    if (weight > 0.01) {
      out.push({ word: t, weight: Math.round(weight * 1000) / 1000 });
    }
  }
  out.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1));
  return out.slice(0, limit);
}
