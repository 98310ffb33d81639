export { evaluate, formatReport, type ClassMetrics, type EvaluationReport } from './metrics.js';
export {
  datasetsDir,
  datasetPath,
  readLabelledFile,
  readSentimentSplit,
  parseCsv,
  parseTsv,
  parseJsonl,
  SENTIMENT_SPLITS,
  type LabelledText,
  type SentimentDatasetName,
} from './dataset-reader.js';
