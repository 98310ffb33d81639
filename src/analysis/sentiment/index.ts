export {
  SentimentScorer,
  createSentimentScorer,
  scoreSentiment,
  DEFAULT_THRESHOLDS,
  type SentimentScorerOptions,
  type SentimentThresholds,
} from './sentiment-scorer.js';
export { builtInLexicon, lexiconSize } from './sentiment-lexicon.js';
