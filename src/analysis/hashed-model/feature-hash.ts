/**
 * 32-bit FNV-1a hashes of features computed from characters, so that a hot path never builds a feature string:
 * a word's hash from its characters, a bigram from its two words' hashes, character n-grams from a window.
 * Every model of src/analysis/language and src/analysis/emotion indexes its weights by `hash & mask`.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a string's UTF-16 code units, from `seed` (a kind tag keeps kinds of features apart). */
export function hashString(s: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/** Two hashes combined in order (a bigram of two words' hashes). */
export function hashPair(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, FNV_PRIME);
  h = Math.imul(h ^ b, FNV_PRIME);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Seeds that keep the kinds of features apart (the same word as a word and as a character n-gram differ). */
export const FEATURE_SEED = {
  word: hashString('w'),
  rawWord: hashString('r'),
  char: hashString('c'),
  lexicon: hashString('lex'),
} as const;

/**
 * Hashes of the character n-grams (lengths `min`..`max`) of `codes[0..length)`, passed to `emit`. The window is
 * hashed afresh at each position (n ≤ 5 code units), which is cheaper than building the substring.
 */
export function forEachCharGram(
  codes: Uint16Array,
  length: number,
  min: number,
  max: number,
  seed: number,
  emit: (hash: number) => void,
): void {
  for (let n = min; n <= max; n++) {
    const nSeed = Math.imul(seed ^ n, FNV_PRIME) >>> 0;
    for (let start = 0; start + n <= length; start++) {
      let h = nSeed;
      for (let i = start; i < start + n; i++) {
        h = Math.imul(h ^ codes[i], FNV_PRIME);
      }
      emit(h >>> 0);
    }
  }
}
