/**
 * The language of a post among Indonesian and the eight NusaX regional languages, or `other`: multinomial naive
 * Bayes over character 3–4-grams (language-features.ts), trained on the NusaX train splits of the nine languages and
 * EmoT train tweets (Indonesian) by `npm run train:languages`. Posts here are mostly Indonesian, so a regional
 * language must beat Indonesian by `indonesianPrior` nats; a text whose n-grams fit no language (mean
 * log-likelihood per n-gram below `otherBelow`, e.g. English) is `other`. Both settings are in the model file,
 * chosen on the valid splits (docs/analysis-languages.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURE_SEED, forEachCharGram } from '../hashed-model/feature-hash.js';
import { HashedLinearModel, type HashedScorer } from '../hashed-model/hashed-linear-model.js';
import { processShared } from '../shared/process-shared.js';
import {
  createLetterBuffer,
  emitLanguageNgrams,
  LANGUAGE_NGRAMS,
  MAX_LETTERS,
  readLetters,
  type LetterBuffer,
} from './language-features.js';
import { LANGUAGE_CODES, type LanguageCode, type LanguageResult } from './language.types.js';

export interface LanguageDetectorSettings {
  /** Nats added to Indonesian's log-likelihood before comparing. */
  indonesianPrior: number;
  /** Below this mean log-likelihood per n-gram of the best language, the post is `other`. */
  otherBelow: number;
  /** Texts with fewer n-grams are never `other` by the mean (too little to tell). */
  otherMinNgrams: number;
}

export class LanguageDetector {
  readonly settings: LanguageDetectorSettings;
  private readonly codes: LanguageCode[];
  private readonly idIndex: number;
  private readonly scorer: HashedScorer;
  private readonly z: Float64Array;
  private readonly buf: LetterBuffer = createLetterBuffer();
  private readonly wordCodes = new Uint16Array(64);

  constructor(
    readonly model: HashedLinearModel,
    settings?: Partial<LanguageDetectorSettings>,
  ) {
    this.codes = model.labels.map((l) => {
      if (!(LANGUAGE_CODES as readonly string[]).includes(l)) {
        throw new Error(`Language model ${model.json.id} has an unknown label ${l}`);
      }
      return l as LanguageCode;
    });
    this.idIndex = this.codes.indexOf('id');
    const recipe = model.json.recipe as Partial<LanguageDetectorSettings>;
    this.settings = {
      indonesianPrior: settings?.indonesianPrior ?? recipe.indonesianPrior ?? 0,
      otherBelow: settings?.otherBelow ?? recipe.otherBelow ?? -Infinity,
      otherMinNgrams: settings?.otherMinNgrams ?? recipe.otherMinNgrams ?? 20,
    };
    this.scorer = model.scorer();
    this.z = new Float64Array(this.codes.length);
    // Each word's own n-grams are summed once per process; only the n-grams across a word boundary are looked up
    // per post. Used only when the sums are exact in any order, so the scores are the same bit for bit.
    this.wordSums = this.scorer.exactDenseSums(2 * MAX_LETTERS)
      ? new WordGramSums(this.scorer, this.codes.length)
      : undefined;
  }

  private readonly wordSums: WordGramSums | undefined;

  /** The language of one text. Never throws; synchronous. */
  detect(text: string): LanguageResult {
    const buf = readLetters(typeof text === 'string' ? text : '', this.buf);
    if (buf.letters === 0) {
      return { code: 'other', margin: 0, ngrams: 0, reason: 'no-letters', evidence: [] };
    }
    const scorer = this.scorer.reset();
    let ngrams = 0;
    if (this.wordSums) {
      ngrams = this.wordSums.addGrams(buf, scorer);
    } else {
      emitLanguageNgrams(buf, {
        text: () => undefined,
        dense: (h, v) => {
          scorer.dense(h, v);
          ngrams++;
        },
      });
    }
    const z = scorer.scores(this.z);
    if (this.idIndex >= 0) {
      z[this.idIndex] += this.settings.indonesianPrior;
    }
    let best = 0;
    let second = -1;
    for (let k = 1; k < z.length; k++) {
      if (z[k] > z[best]) {
        second = best;
        best = k;
      } else if (second < 0 || z[k] > z[second]) {
        second = k;
      }
    }
    if (second < 0) {
      second = best;
    }
    const margin = Math.round((z[best] - z[second]) * 100) / 100;
    const code = this.codes[best];
    const runnerUp = this.codes[second];
    if (ngrams >= this.settings.otherMinNgrams && z[best] / ngrams < this.settings.otherBelow) {
      return { code: 'other', runnerUp: code, margin, ngrams, reason: 'unlike-any', evidence: [] };
    }
    const evidence =
      code === 'id' ? [] : this.evidence(buf, best, this.idIndex >= 0 && best !== this.idIndex ? this.idIndex : second);
    return { code, runnerUp, margin, ngrams, reason: 'model', evidence };
  }

  /** The (at most 3) words whose own n-grams favour `best` over `against` most. */
  private evidence(buf: LetterBuffer, best: number, against: number): string[] {
    const top: Array<{ word: string; score: number }> = [];
    const codes = buf.codes;
    let start = 1;
    for (let i = 1; i < buf.length; i++) {
      if (codes[i] !== 32) {
        continue;
      }
      const len = i - start;
      if (len >= 2 && len + 2 <= this.wordCodes.length) {
        this.wordCodes[0] = 32;
        for (let j = 0; j < len; j++) {
          this.wordCodes[j + 1] = codes[start + j];
        }
        this.wordCodes[len + 1] = 32;
        let score = 0;
        forEachCharGram(this.wordCodes, len + 2, LANGUAGE_NGRAMS.min, LANGUAGE_NGRAMS.max, FEATURE_SEED.char, (h) => {
          score += this.model.weight(h, best) - this.model.weight(h, against);
        });
        if (score > 0) {
          const word = String.fromCharCode(...codes.subarray(start, i));
          if (!top.some((t) => t.word === word)) {
            top.push({ word, score });
            top.sort((a, b) => b.score - a.score);
            top.length = Math.min(top.length, 3);
          }
        }
      }
      start = i + 1;
    }
    return top.map((t) => t.word);
  }
}

const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;
const SLOT_BITS = 16;
const MAX_WORDS = 1 << 15;
const POOL_UNITS = 1 << 19;
const GRAM_SEED_3 = Math.imul(FEATURE_SEED.char ^ 3, FNV_PRIME) >>> 0;
const GRAM_SEED_4 = Math.imul(FEATURE_SEED.char ^ 4, FNV_PRIME) >>> 0;

/** The hash of the n-gram `codes[p..p+n)`, as forEachCharGram computes it. */
function gramHash(codes: Uint16Array, p: number, seed: number, n: number): number {
  let h = seed;
  for (let i = p; i < p + n; i++) {
    h = Math.imul(h ^ codes[i], FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * The language n-grams (3–4, LANGUAGE_NGRAMS) of a letter buffer, summed per label: the n-grams inside one word
 * (with its two spaces) come from a per-process cache of each word's sums, the 3 n-grams across each space between
 * two words are looked up. The same n-grams as emitLanguageNgrams, each once; open addressing over the words'
 * letters, cleared when full.
 */
class WordGramSums {
  private readonly slots = new Int32Array(1 << SLOT_BITS);
  private readonly start = new Int32Array(MAX_WORDS);
  private readonly length = new Int32Array(MAX_WORDS);
  private readonly grams = new Int32Array(MAX_WORDS);
  private readonly pool = new Uint16Array(POOL_UNITS);
  private readonly sums: Float64Array;
  private words = 0;
  private used = 0;

  constructor(
    private readonly scorer: HashedScorer,
    private readonly k: number,
  ) {
    this.sums = new Float64Array(MAX_WORDS * k);
  }

  /** Adds the buffer's n-grams to `scorer` (reset by the caller); returns how many there were. */
  addGrams(buf: LetterBuffer, scorer: HashedScorer): number {
    const codes = buf.codes;
    let ngrams = 0;
    let space = 0;
    for (let i = 1; i < buf.length; i++) {
      if (codes[i] !== 32) {
        continue;
      }
      const entry = this.wordEntry(codes, space, i);
      if (entry >= 0) {
        scorer.addDenseSums(this.sums, entry * this.k);
        ngrams += this.grams[entry];
      } else {
        ngrams += this.addInside(codes, space, i, scorer);
      }
      if (i + 1 < buf.length) {
        // Across the space at i: one 3-gram and two 4-grams.
        scorer.dense(gramHash(codes, i - 1, GRAM_SEED_3, 3), 1);
        scorer.dense(gramHash(codes, i - 2, GRAM_SEED_4, 4), 1);
        scorer.dense(gramHash(codes, i - 1, GRAM_SEED_4, 4), 1);
        ngrams += 3;
      }
      space = i;
    }
    return ngrams;
  }

  /** The n-grams of the word between the spaces at `s0` and `s1`, straight into the scorer. */
  private addInside(codes: Uint16Array, s0: number, s1: number, scorer: HashedScorer): number {
    let n = 0;
    for (let p = s0; p + 3 <= s1 + 1; p++) {
      scorer.dense(gramHash(codes, p, GRAM_SEED_3, 3), 1);
      n++;
    }
    for (let p = s0; p + 4 <= s1 + 1; p++) {
      scorer.dense(gramHash(codes, p, GRAM_SEED_4, 4), 1);
      n++;
    }
    return n;
  }

  /** The cache entry of the word between the spaces at `s0` and `s1` (computed on first sight); -1 if too long. */
  private wordEntry(codes: Uint16Array, s0: number, s1: number): number {
    const len = s1 - s0 - 1;
    if (len > 64) {
      return -1;
    }
    let h = FNV_OFFSET;
    for (let i = s0 + 1; i < s1; i++) {
      h = Math.imul(h ^ codes[i], FNV_PRIME);
    }
    const mask = (1 << SLOT_BITS) - 1;
    let slot = (h >>> 0) & mask;
    for (;;) {
      const e = this.slots[slot] - 1;
      if (e < 0) {
        break;
      }
      if (this.length[e] === len && this.sameWord(e, codes, s0 + 1)) {
        return e;
      }
      slot = (slot + 1) & mask;
    }
    if (this.words === MAX_WORDS || this.used + len > POOL_UNITS) {
      this.slots.fill(0);
      this.words = 0;
      this.used = 0;
      slot = (h >>> 0) & mask;
    }
    const e = this.words++;
    this.slots[slot] = e + 1;
    this.start[e] = this.used;
    this.length[e] = len;
    this.pool.set(codes.subarray(s0 + 1, s1), this.used);
    this.used += len;
    const o = e * this.k;
    this.sums.fill(0, o, o + this.k);
    let n = 0;
    for (let p = s0; p + 3 <= s1 + 1; p++) {
      this.scorer.sumWeightsInto(gramHash(codes, p, GRAM_SEED_3, 3), this.sums, o);
      n++;
    }
    for (let p = s0; p + 4 <= s1 + 1; p++) {
      this.scorer.sumWeightsInto(gramHash(codes, p, GRAM_SEED_4, 4), this.sums, o);
      n++;
    }
    this.grams[e] = n;
    return e;
  }

  private sameWord(e: number, codes: Uint16Array, from: number): boolean {
    const start = this.start[e];
    for (let j = 0; j < this.length[e]; j++) {
      if (this.pool[start + j] !== codes[from + j]) {
        return false;
      }
    }
    return true;
  }
}

export const LANGUAGE_MODEL_FILE = 'src/analysis/model/nusax/language-id.json';
export const LANGUAGE_MODEL_URL = new URL('../model/nusax/language-id.json', import.meta.url);

/**
 * The shipped language detector (read once per process, on first use; CC BY-SA 4.0 weights, see
 * src/analysis/model/nusax).
 */
export function loadDefaultLanguageDetector(): LanguageDetector {
  return processShared(
    `analysis:language-model:${LANGUAGE_MODEL_URL.href}`,
    () => new LanguageDetector(HashedLinearModel.fromJSON(readFileSync(fileURLToPath(LANGUAGE_MODEL_URL), 'utf8'))),
  );
}
