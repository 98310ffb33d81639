/** What the regional sentiment and emotion models read of one post (computed once by the analyzer). */
import type { SentimentResult } from '../analysis.types.js';
import type { NormalizedText } from '../text/normalized-text.js';
import { createLetterBuffer, readLetters, type LetterBuffer } from './language-features.js';

export interface ModelInput {
  normalized: NormalizedText;
  /** The written words' letters (language-features.ts `readLetters`). */
  letters: LetterBuffer;
  /** The built-in lexicon's result on the post (no admin overrides: the models were trained on it). */
  lexicon: SentimentResult;
}

/** Builds a post's ModelInput as the analyzer does (default normaliser, built-in lexicon): for training and evaluation. */
export function modelInputOf(
  text: string,
  normalizer: { normalize(text: string): NormalizedText },
  lexicon: { scoreNormalized(n: NormalizedText): SentimentResult },
): ModelInput {
  const normalized = normalizer.normalize(text);
  return { normalized, letters: readLetters(text, createLetterBuffer()), lexicon: lexicon.scoreNormalized(normalized) };
}
