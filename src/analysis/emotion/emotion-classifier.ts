/**
 * Emotion of a post (anger, fear, happy, love, sadness): softmax logistic regression over normalised words, word
 * bigrams and the Indonesian lexicon's four outputs, trained on IndoNLU EmoT train (Indonesian tweets) by
 * `npm run train:languages`; settings chosen on EmoT valid (docs/analysis-languages.md). The weights are under
 * EmoT's licence (the IndoNLU repository's Apache-2.0, see NOTICE) and ship as the default.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HashedLinearModel, softmaxInPlace, type FeatureSink } from '../hashed-model/hashed-linear-model.js';
import { emitLexicon, emitWords, topWords } from '../hashed-model/text-feature-hashing.js';
import type { ModelInput } from '../language/model-input.js';
import { processShared } from '../shared/process-shared.js';
import { EMOTION_LABELS, type EmotionLabel, type EmotionResult } from './emotion.types.js';

export const EMOTION_RECIPE = {
  bigrams: true,
  lexiconScale: 1,
  bits: 18,
  params: { epochs: 10, learningRate: 0.5, l2: 1e-4, balanced: true, seed: 1, minDf: 1 },
} as const;

export const EMOTION_MODEL_FILE = 'src/analysis/model/emot/emotion-emot.json';
export const EMOTION_MODEL_URL = new URL('../model/emot/emotion-emot.json', import.meta.url);

export type EmotionInput = Pick<ModelInput, 'normalized' | 'lexicon'>;

export function emotionFeatures(input: EmotionInput, sink: FeatureSink): void {
  emitWords(input.normalized.tokens, sink, EMOTION_RECIPE.bigrams);
  emitLexicon(input.lexicon, EMOTION_RECIPE.lexiconScale, sink);
}

export class EmotionClassifier {
  private readonly scorer;
  private readonly z: Float64Array;

  constructor(readonly model: HashedLinearModel) {
    if (model.labels.some((l) => !(EMOTION_LABELS as readonly string[]).includes(l))) {
      throw new Error(`Emotion model ${model.json.id} has labels other than ${EMOTION_LABELS.join(', ')}`);
    }
    this.scorer = model.scorer();
    this.z = new Float64Array(model.labels.length);
  }

  classify(input: EmotionInput): EmotionResult {
    const scorer = this.scorer.reset();
    emotionFeatures(input, scorer);
    const best = softmaxInPlace(scorer.scores(this.z));
    return {
      label: this.model.labels[best] as EmotionLabel,
      confidence: Math.round(this.z[best] * 1000) / 1000,
      modelVersion: this.model.json.id,
      evidence: topWords(this.model, input.normalized.tokens, best, scorer.textScale).map((w) => ({
        term: w.word,
        weight: w.weight,
      })),
    };
  }
}

/** The shipped emotion model (read once per process, on first use). */
export function loadDefaultEmotionClassifier(): EmotionClassifier {
  return processShared(
    `analysis:emotion-model:${EMOTION_MODEL_URL.href}`,
    () => new EmotionClassifier(HashedLinearModel.fromJSON(readFileSync(fileURLToPath(EMOTION_MODEL_URL), 'utf8'))),
  );
}
