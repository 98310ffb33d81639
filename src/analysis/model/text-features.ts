/**
 * Sparse features of a normalised post for the trainable classifier: word unigrams and bigrams, character
 * n-grams inside words (robust to spelling variants), and optional lexicon features (the rule scorer's
 * positive mass, negative mass and score), so the model starts from what the lexicon knows.
 */
import type { SentimentResult } from '../analysis.types.js';
import type { NormalizedText } from '../text/normalized-text.js';
import type { SentimentScorer } from '../sentiment/sentiment-scorer.js';

export interface FeatureParams {
  wordNgrams: 1 | 2 | 3;
  /** Character n-gram range inside words ([0, 0] disables). */
  charMin: number;
  charMax: number;
  /** Add the lexicon scorer's outputs as features, multiplied by this scale (0 disables). */
  lexiconScale: number;
}

export const DEFAULT_FEATURE_PARAMS: FeatureParams = { wordNgrams: 2, charMin: 3, charMax: 5, lexiconScale: 1 };

/** Raw counts of the text features (word n-grams, character n-grams inside words), in text order. */
export function countTextFeatures(n: NormalizedText, params: FeatureParams): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const words: string[] = [];
  for (const t of n.tokens) {
    const c = t.charCodeAt(0);
    if (c === 35 || c === 64 || t.startsWith('http')) {
      continue;
    }
    words.push(t);
  }
  for (let i = 0; i < words.length; i++) {
    add('w:' + words[i]);
    if (params.wordNgrams >= 2 && i + 1 < words.length) {
      add('b:' + words[i] + ' ' + words[i + 1]);
    }
    if (params.wordNgrams >= 3 && i + 2 < words.length) {
      add('t:' + words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
    }
    if (params.charMax > 0) {
      const w = ' ' + words[i] + ' ';
      if (w.length > 40) {
        continue;
      }
      for (let len = params.charMin; len <= params.charMax; len++) {
        for (let s = 0; s + len <= w.length; s++) {
          add('c:' + w.slice(s, s + len));
        }
      }
    }
  }
  return counts;
}

/** The L2 norm of the counts (1 for an empty text). */
export function countNorm(counts: ReadonlyMap<string, number>): number {
  let norm = 0;
  for (const v of counts.values()) {
    norm += v * v;
  }
  return Math.sqrt(norm) || 1;
}

/** The lexicon features (the rule scorer's score, positive and negative mass, label), scaled; empty when disabled. */
export function lexiconFeatures(
  n: NormalizedText,
  params: FeatureParams,
  scorer?: SentimentScorer,
  /** The scorer's result for `n` when the caller already has it (the analyzer scores each post once). */
  scored?: SentimentResult,
): Array<[string, number]> {
  if (!(params.lexiconScale > 0 && scorer)) {
    return [];
  }
  const r = scored ?? scorer.scoreNormalized(n);
  let pos = 0;
  let neg = 0;
  for (const e of r.evidence) {
    if (e.weight > 0) {
      pos += e.weight;
    } else {
      neg -= e.weight;
    }
  }
  const s = params.lexiconScale;
  return [
    ['lex:score', r.score * s],
    ['lex:pos', Math.tanh(pos) * s],
    ['lex:neg', Math.tanh(neg) * s],
    ['lex:label:' + r.label, s],
  ];
}

/** Named feature values; text features are L2-normalised counts, lexicon features are appended as they are. */
export function extractFeatures(
  n: NormalizedText,
  params: FeatureParams,
  scorer?: SentimentScorer,
): Map<string, number> {
  const counts = countTextFeatures(n, params);
  const norm = countNorm(counts);
  const features = new Map<string, number>();
  for (const [k, v] of counts) {
    features.set(k, v / norm);
  }
  for (const [k, v] of lexiconFeatures(n, params, scorer)) {
    features.set(k, v);
  }
  return features;
}
