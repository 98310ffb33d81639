/**
 * The analyzer of one analysis configuration, built the same way wherever it runs: in AnalyzerRegistry (every
 * process) and in the ingest worker's analysis threads (src/ingestion/analysis-pool), which rebuild it from the
 * registry's configuration. No Nest, no database: a worker thread imports this alone.
 */
import { createAnalyzer, type Analyzer, type Gazetteer, type SentimentPredictor } from '../analysis/index.js';
import { predictSentiment, TextClassifier } from '../analysis/model/index.js';
import type { AnalysisConfiguration } from './analyzer-registry.service.js';

export function createConfiguredAnalyzer(
  configuration: AnalysisConfiguration,
  environment: { homeRegion?: string; gazetteer: Gazetteer },
): Analyzer {
  const model = configuration.sentimentModel;
  return createAnalyzer({
    topics: configuration.topics,
    homeRegion: environment.homeRegion,
    gazetteer: environment.gazetteer,
    categoryRules: configuration.categoryRules,
    lexiconOverrides: configuration.lexiconOverrides,
    slangOverrides: configuration.slangOverrides,
    sentimentModel: model ? sentimentPredictor(model.classifier) : undefined,
  });
}

/** The model's prediction as the analyzer's sentiment (the lexicon takes over if it throws). */
export function sentimentPredictor(classifier: TextClassifier): SentimentPredictor {
  return (normalized, _masked, lexicon) => predictSentiment(classifier, normalized, lexicon?.());
}
