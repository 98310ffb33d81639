/**
 * Public entry of the pure analysis engine (no Nest, no I/O except the one-time asynchronous gazetteer load).
 */
export * from './analysis.types.js';
export { createAnalyzer, explainAnalysis } from './analyzer.js';
export type { Analyzer, AnalyzerOptions, SentimentScorer, SentimentPredictor } from './analyzer.js';

export { countPiiMasks, maskPii, maskPiiDeep, maskPiiWithCounts, maskUrl, PII_MASKS } from './pii/pii-masker.js';
export type { PiiMaskResult } from './pii/pii-masker.js';

export { parseQuery, validateQuery, MAX_QUERY_LENGTH } from './query/query-parser.js';
export type { ParsedQuery, ParseOptions, QueryValidation } from './query/query-parser.js';
export { QuerySyntaxError } from './query/query-syntax-error.js';
export { TopicMatcher } from './query/topic-matcher.js';
export type { MatchDocument, TopicCompileError, TopicMatcherOptions } from './query/topic-matcher.js';
export type { QueryNode, QueryTerm, QueryTermKind, TermNormalizer } from './query/query-ast.js';

export { CategoryClassifier } from './category/category-classifier.js';
export type {
  CategoryClassifierOptions,
  CategoryPrediction,
  CategoryPredictor,
  RewrittenWords,
} from './category/category-classifier.js';
export { DEFAULT_CATEGORIES, FALLBACK_CATEGORY_SLUG } from './category/default-categories.js';
export type { CategoryDefinition, CategoryKeyword } from './category/default-categories.js';

export { Gazetteer } from './places/gazetteer.js';
export type { GazetteerMatchOptions, GazetteerPlace, GazetteerStats } from './places/gazetteer.js';
export { loadGazetteer } from './places/gazetteer-loader.js';
export type { LoadGazetteerOptions } from './places/gazetteer-loader.js';

export { normalizeText, createTextNormalizer, stemWord } from './text/index.js';
export type { NormalizedText } from './text/index.js';
