/**
 * Indonesian text normalisation for Pantau Isu: `normalizeText(text)` for the default normaliser,
 * `createTextNormalizer(options)` when admins' slang overrides or extra words (place names) apply,
 * `stemWord(word)` for natural's Indonesian stemmer behind a cache.
 */
import { processShared } from '../shared/process-shared.js';
import { defaultVocabulary } from './default-vocabulary.js';
import type { NormalizedText, TextNormalizerOptions } from './normalized-text.js';
import { TextNormalizer } from './text-normalizer.js';

export type { NormalizedText, TextNormalizerOptions } from './normalized-text.js';
export { TextNormalizer, SLANG_MAP } from './text-normalizer.js';
export { StemmerCache, stemWord } from './stemmer-cache.js';
export { EMOJI_SENTIMENT, emojiSentiment } from './emoji-sentiment.js';

/** A normaliser with the built-in slang map and vocabulary plus the given overrides and extra words. */
export function createTextNormalizer(options: TextNormalizerOptions = {}): TextNormalizer {
  return new TextNormalizer({ ...options, vocabulary: defaultVocabulary() });
}

/** The shared default normaliser (built on first use, once per process). */
export function getDefaultNormalizer(): TextNormalizer {
  return processShared('analysis:default-normalizer', () => createTextNormalizer());
}

/** Normalise one post with the default normaliser. Never throws. */
export function normalizeText(text: string): NormalizedText {
  return getDefaultNormalizer().normalize(text);
}
