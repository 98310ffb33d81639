/**
 * A trained classifier used as a sentiment model: maps its prediction to the SentimentResult contract
 * (source 'model', the model id as version, the strongest features as evidence).
 */
import type { SentimentLabel, SentimentResult } from '../analysis.types.js';
import { SENTIMENT_LABELS } from '../analysis.types.js';
import type { NormalizedText } from '../text/normalized-text.js';
import type { TextClassifier } from './text-classifier.js';

export function isSentimentModel(model: TextClassifier): boolean {
  return model.labels.every((l) => (SENTIMENT_LABELS as readonly string[]).includes(l));
}

/** `builtInLexicon`: the built-in lexicon's result for the post, when the caller has it (see predictNormalized). */
export function predictSentiment(
  model: TextClassifier,
  normalized: NormalizedText,
  builtInLexicon?: SentimentResult,
): SentimentResult {
  const p = model.predictNormalized(normalized, 5, builtInLexicon);
  const score = (p.probabilities.positive ?? 0) - (p.probabilities.negative ?? 0);
  return {
    label: p.label as SentimentLabel,
    score: Math.round(score * 1000) / 1000,
    source: 'model',
    modelVersion: model.json.id,
    evidence: p.topFeatures.map((f) => ({ term: f.feature, weight: f.contribution, rules: ['model-feature'] })),
  };
}
