/**
 * Sentiment of posts in the eight NusaX regional languages: one softmax logistic regression per language, trained
 * on that language's NusaX train split only (`npm run train:languages`), over normalised words and word bigrams,
 * character 3–5-grams inside the written words, and the Indonesian lexicon's four outputs. The weights are
 * CC BY-SA 4.0 (NusaX) and live in their own files, src/analysis/model/nusax/ (LICENSE beside them); a language's
 * file is read the first time a post in it is seen, never for Indonesian posts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SentimentLabel, SentimentResult } from '../analysis.types.js';
import { HashedLinearModel, softmaxInPlace, type FeatureSink } from '../hashed-model/hashed-linear-model.js';
import { emitLexicon, emitWordCharGrams, emitWords, topWords } from '../hashed-model/text-feature-hashing.js';
import { processShared } from '../shared/process-shared.js';
import type { RegionalLanguageCode } from './language.types.js';
import type { ModelInput } from './model-input.js';

/** Feature and training settings, chosen on the NusaX valid splits (docs/analysis-languages.md). */
export const REGIONAL_SENTIMENT_RECIPE = {
  bigrams: true,
  charMin: 3,
  charMax: 5,
  lexiconScale: 1,
  bits: 17,
  params: { epochs: 10, learningRate: 0.5, l2: 1e-4, balanced: true, seed: 1, minDf: 1 },
} as const;

export function regionalSentimentFeatures(input: ModelInput, sink: FeatureSink): void {
  const r = REGIONAL_SENTIMENT_RECIPE;
  emitWords(input.normalized.tokens, sink, r.bigrams);
  emitWordCharGrams(input.letters, r.charMin, r.charMax, sink);
  emitLexicon(input.lexicon, r.lexiconScale, sink);
}

/** The file of a regional language's sentiment model, beside the compiled code. */
export function regionalSentimentModelUrl(code: RegionalLanguageCode): URL {
  return new URL(`../model/nusax/sentiment-${code}.json`, import.meta.url);
}

/** One language's model as a sentiment predictor. */
export class RegionalSentimentModel {
  private readonly scorer;
  private readonly z: Float64Array;

  constructor(readonly model: HashedLinearModel) {
    this.scorer = model.scorer();
    this.z = new Float64Array(model.labels.length);
  }

  predict(input: ModelInput): SentimentResult {
    const scorer = this.scorer.reset();
    regionalSentimentFeatures(input, scorer);
    const best = softmaxInPlace(scorer.scores(this.z));
    const z = this.z;
    const p = (label: string) => z[this.model.labels.indexOf(label)] ?? 0;
    return {
      label: this.model.labels[best] as SentimentLabel,
      score: Math.round((p('positive') - p('negative')) * 1000) / 1000,
      source: 'model',
      modelVersion: this.model.json.id,
      evidence: topWords(this.model, input.normalized.tokens, best, scorer.textScale).map((w) => ({
        term: w.word,
        weight: w.weight,
        rules: ['model-feature'],
      })),
    };
  }
}

/** A shipped regional model, read once per process (every analyzer of the process shares it). */
function loadShippedRegionalModel(code: RegionalLanguageCode): RegionalSentimentModel {
  const url = regionalSentimentModelUrl(code);
  return processShared(
    `analysis:regional-sentiment-model:${url.href}`,
    () => new RegionalSentimentModel(HashedLinearModel.fromJSON(readFileSync(fileURLToPath(url), 'utf8'))),
  );
}

/** The eight languages' models, each read from its file on first use (or given, for tests and evaluation). */
export class RegionalSentiment {
  private readonly loaded = new Map<RegionalLanguageCode, RegionalSentimentModel | null>();

  constructor(private readonly given?: Partial<Record<RegionalLanguageCode, HashedLinearModel>>) {}

  /** The language's model, or null when it has none (its file is missing or damaged). */
  modelFor(code: RegionalLanguageCode): RegionalSentimentModel | null {
    let m = this.loaded.get(code);
    if (m === undefined) {
      m = null;
      const given = this.given?.[code];
      try {
        m = given ? new RegionalSentimentModel(given) : loadShippedRegionalModel(code);
      } catch {
        m = null;
      }
      this.loaded.set(code, m);
    }
    return m;
  }

  /** Languages whose model has been read so far. */
  loadedLanguages(): RegionalLanguageCode[] {
    return [...this.loaded.entries()].filter(([, m]) => m).map(([c]) => c);
  }
}
