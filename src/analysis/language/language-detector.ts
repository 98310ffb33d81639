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
  }

  /** The language of one text. Never throws; synchronous. */
  detect(text: string): LanguageResult {
    const buf = readLetters(typeof text === 'string' ? text : '', this.buf);
    if (buf.letters === 0) {
      return { code: 'other', margin: 0, ngrams: 0, reason: 'no-letters', evidence: [] };
    }
    const scorer = this.scorer.reset();
    let ngrams = 0;
    emitLanguageNgrams(buf, {
      text: () => undefined,
      dense: (h, v) => {
        scorer.dense(h, v);
        ngrams++;
      },
    });
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
