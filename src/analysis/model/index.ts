export {
  TextClassifier,
  DEFAULT_TRAIN_PARAMS,
  MODEL_FORMAT_VERSION,
  MODEL_KIND,
  type TextClassifierJson,
  type TrainParams,
  type Prediction,
} from './text-classifier.js';
export { extractFeatures, DEFAULT_FEATURE_PARAMS, type FeatureParams } from './text-features.js';
export { trainWithSelection, SETTING_CANDIDATES, sizeDefaults, type SelectionResult } from './model-selection.js';
export { predictSentiment, isSentimentModel } from './sentiment-model.js';
export { evaluate, formatReport, type ClassMetrics, type EvaluationReport } from './metrics.js';
export { readLabelledFile, parseCsv, parseTsv, parseJsonl, type LabelledText } from './labelled-file.js';
