/**
 * What the language detector reads: the post's letters, lower-cased, words separated by one space, without
 * mentions, hashtags, URLs and the PII masks, at most the first MAX_LETTERS code units; then its character 3- and
 * 4-grams (across word boundaries, with a space at each end).
 */
import { FEATURE_SEED, forEachCharGram } from '../hashed-model/feature-hash.js';
import type { FeatureSink } from '../hashed-model/hashed-linear-model.js';

export const MAX_LETTERS = 1000;
export const LANGUAGE_NGRAMS = { min: 3, max: 4 } as const;

/** A buffer of letter codes: `length` code units of `codes` hold ' word word '. */
export interface LetterBuffer {
  codes: Uint16Array;
  length: number;
  /** Letters read (not counting spaces). */
  letters: number;
}

export function createLetterBuffer(): LetterBuffer {
  return { codes: new Uint16Array(MAX_LETTERS + 2), length: 0, letters: 0 };
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f && c !== 0xf7) || c === 39 || c === 0x2019;
}

/** Fills `buf` from `text` (see the module comment). */
export function readLetters(text: string, buf: LetterBuffer): LetterBuffer {
  const codes = buf.codes;
  let n = 0;
  let letters = 0;
  codes[n++] = 32;
  let i = 0;
  const end = text.length;
  while (i < end && n < MAX_LETTERS) {
    let c = text.charCodeAt(i);
    // Skip mentions, hashtags, URLs and masks ([NIK], [USERNAME]…) whole, up to the next white space.
    if (
      c === 64 ||
      c === 35 ||
      c === 91 ||
      (c === 104 && text.startsWith('http', i)) ||
      (c === 119 && text.startsWith('www.', i))
    ) {
      while (i < end && text.charCodeAt(i) > 32) {
        i++;
      }
      continue;
    }
    if (c >= 65 && c <= 90) {
      c += 32;
    } else if (c >= 0xc0 && c <= 0x24f) {
      c = text[i].toLowerCase().charCodeAt(0);
    }
    if (isLetter(c)) {
      codes[n++] = c === 0x2019 ? 39 : c;
      letters++;
    } else if (codes[n - 1] !== 32) {
      codes[n++] = 32;
    }
    i++;
  }
  if (codes[n - 1] !== 32) {
    codes[n++] = 32;
  }
  buf.length = n;
  buf.letters = letters;
  return buf;
}

/** The character n-grams of the buffer into `sink`, as counts (the detector is naive Bayes). */
export function emitLanguageNgrams(buf: LetterBuffer, sink: FeatureSink): void {
  if (buf.letters === 0) {
    return;
  }
  forEachCharGram(buf.codes, buf.length, LANGUAGE_NGRAMS.min, LANGUAGE_NGRAMS.max, FEATURE_SEED.char, (h) =>
    sink.dense(h, 1),
  );
}
