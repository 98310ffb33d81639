/**
 * The contract of the pure analysis engine (src/analysis). Everything here is plain data:
 * the ingest worker stores it, the CLI prints it, the dashboard explains it.
 * No Nest, no I/O anywhere under src/analysis.
 */
import type { EmotionResult } from './emotion/emotion.types.js';
import type { LanguageResult } from './language/language.types.js';

export type { EmotionLabel, EmotionResult } from './emotion/emotion.types.js';
export type { LanguageCode, LanguageResult } from './language/language.types.js';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

export type LocationLevel = 'province' | 'regency' | 'district' | 'village';

/** A tracked topic as the engine sees it: an id and a boolean query (see src/analysis/query). */
export interface TopicQuery {
  id: string;
  query: string;
}

/** One term of the lexicon that contributed to a sentiment decision. */
export interface SentimentEvidence {
  term: string;
  weight: number;
  /** Rules that changed the weight, in order: 'negated:tidak', 'intensified:sangat', 'after-contrast:tapi', 'emoji'… */
  rules: string[];
}

export interface SentimentResult {
  label: SentimentLabel;
  /** In [-1, 1]. */
  score: number;
  source: 'lexicon' | 'model';
  /** Model version when source is 'model'. */
  modelVersion?: string;
  evidence: SentimentEvidence[];
}

export interface CategoryResult {
  /** A taxonomy slug such as 'infrastruktur'; 'lainnya' when nothing matched. */
  slug: string;
  opd: string;
  /** In [0, 1]. */
  confidence: number;
  /** The keywords (or model) that chose it. */
  keywords: string[];
  source: 'rules' | 'model';
}

export interface LocationMatch {
  /** Kemendagri code: '33', '33.08', '33.08.10', '33.08.10.2001'. */
  code: string;
  name: string;
  level: LocationLevel;
  /** The text that matched, and the trigger word if any ('kecamatan', 'kab.'). */
  matched: string;
  trigger?: string;
  /** Why this place won over others of the same name ('home-region', 'higher-level', 'trigger', 'parent-mentioned'). */
  reason: string;
}

export interface PiiCounts {
  nik: number;
  phone: number;
  email: number;
}

export interface TopicMatch {
  id: string;
  /** The query terms that were satisfied. */
  terms: string[];
}

export interface PostAnalysis {
  /** The text with NIK, phone numbers and e-mail addresses masked: what may be stored. */
  maskedText: string;
  pii: PiiCounts;
  sentiment: SentimentResult;
  category: CategoryResult;
  locations: LocationMatch[];
  topics: TopicMatch[];
  /** Normalised tokens (after slang, before stemming): used by detection and near-duplicate hashing. */
  tokens: string[];
  hashtags: string[];
  mentions: string[];
  /** The post's language (src/analysis/language); absent when the analyzer was built with `languages: false`. */
  language?: LanguageResult;
  /** The post's emotion (src/analysis/emotion); absent when the analyzer was built with `emotion: false`. */
  emotion?: EmotionResult;
}
