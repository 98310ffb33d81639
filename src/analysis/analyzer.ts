/**
 * The analysis of one post: PII masked first, then normalised once, and every stage reads the same tokens —
 * sentiment, category → OPD, places, tracked topics. Pure, synchronous, deterministic; never throws.
 *
 * Build one analyzer per configuration (topics, rules, overrides) and reuse it: construction compiles everything
 * (topic automaton, category index, normaliser caches); `analyze` only reads.
 */
import type {
  CategoryResult,
  LocationMatch,
  PiiCounts,
  PostAnalysis,
  SentimentResult,
  TopicMatch,
  TopicQuery,
} from './analysis.types.js';
import { CategoryClassifier, type CategoryPredictor } from './category/category-classifier.js';
import { loadDefaultEmotionClassifier, type EmotionClassifier } from './emotion/emotion-classifier.js';
import { EMOTION_NAMES } from './emotion/emotion.types.js';
import { createLetterBuffer, readLetters } from './language/language-features.js';
import { loadDefaultLanguageDetector, type LanguageDetector } from './language/language-detector.js';
import { isRegionalLanguage, LANGUAGE_NAMES, type LanguageResult } from './language/language.types.js';
import { RegionalSentiment } from './language/regional-sentiment.js';
import { DEFAULT_CATEGORIES, type CategoryDefinition } from './category/default-categories.js';
import type { Gazetteer } from './places/gazetteer.js';
import { countPiiMasks, maskPiiWithCounts, PII_MASKS } from './pii/pii-masker.js';
import type { TermNormalizer } from './query/query-ast.js';
import { TopicMatcher, type TopicCompileError } from './query/topic-matcher.js';
import { createSentimentScorer } from './sentiment/index.js';
import { createTextNormalizer, getDefaultNormalizer, stemWord, type NormalizedText } from './text/index.js';

/** Scores sentiment from the normalised post (the lexicon scorer of src/analysis/sentiment, or a trained model). */
export type SentimentScorer = (normalized: NormalizedText, maskedText: string) => SentimentResult;

/**
 * A trained sentiment model: returns null to fall back to the lexicon. `builtInLexicon`, when given, returns the
 * built-in lexicon's result for the post (default thresholds, no local words), computed once per post and shared with
 * the other stages: a model with lexicon features passes it on instead of scoring the post again.
 */
export type SentimentPredictor = (
  normalized: NormalizedText,
  maskedText: string,
  builtInLexicon?: () => SentimentResult,
) => SentimentResult | null | undefined;

export interface AnalyzerOptions {
  /** Active tracked topics; queries that do not parse are skipped and listed in `analyzer.topicErrors`. */
  topics?: readonly TopicQuery[];
  /** Kemendagri code of the deployment's region (PANTAU_HOME_REGION), e.g. '33.08'. */
  homeRegion?: string;
  /** The compiled gazetteer (`await loadGazetteer()`); without it no places are reported. */
  gazetteer?: Gazetteer;
  /** Local slang: variant → standard form. */
  slangOverrides?: Readonly<Record<string, string>>;
  /** Local sentiment words or phrases: term → weight in [-1, 1], 0 removes (passed to the lexicon scorer). */
  lexiconOverrides?: Readonly<Record<string, number>>;
  /** Category rules replacing the defaults (admins edit them). */
  categoryRules?: readonly CategoryDefinition[];
  /** Replaces the built-in lexicon scorer (src/analysis/sentiment) — mostly for tests. */
  sentimentScorer?: SentimentScorer;
  /** An active trained sentiment model; the lexicon is the fallback, and decides posts with a local word of lexiconOverrides. */
  sentimentModel?: SentimentPredictor;
  /** An active trained category model; the keyword rules are the fallback. */
  categoryModel?: CategoryPredictor;
  /** Match single query words on their stems too (default false: exact normalised words). */
  stemTopics?: boolean;
  /**
   * Language detection, and sentiment of regional-language posts by their language's NusaX model
   * (src/analysis/language): on by default with the shipped models; `false` turns both off.
   */
  languages?: false | { detector?: LanguageDetector; regionalSentiment?: RegionalSentiment };
  /** Emotion (src/analysis/emotion): on by default with the shipped model; `false` turns it off. */
  emotion?: false | EmotionClassifier;
}

export interface Analyzer {
  analyze(text: string): PostAnalysis;
  /** Topic queries that could not be compiled. */
  readonly topicErrors: readonly TopicCompileError[];
  stats(): { topics: number; topicTerms: number; categories: number };
}

const NEUTRAL_SENTIMENT: SentimentResult = { label: 'neutral', score: 0, source: 'lexicon', evidence: [] };
const MASK_RE = new RegExp(
  [PII_MASKS.nik, PII_MASKS.phone, PII_MASKS.email].map((m) => m.replace(/[[\]]/g, '\\$&')).join('|'),
  'g',
);

function neutralScorer(): SentimentResult {
  return { ...NEUTRAL_SENTIMENT, evidence: [] };
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const normalizer =
    options.slangOverrides && Object.keys(options.slangOverrides).length > 0
      ? createTextNormalizer({ slangOverrides: options.slangOverrides })
      : getDefaultNormalizer();
  const normalizeTerm: TermNormalizer = (word) =>
    normalizer.normalize(word).tokens.filter((t) => t[0] !== '#' && t[0] !== '@' && !t.includes('://'));
  const topics = new TopicMatcher(options.topics ?? [], {
    normalizeTerm,
    stem: options.stemTopics ? stemWord : undefined,
  });
  const categories = new CategoryClassifier(options.categoryRules ?? DEFAULT_CATEGORIES, {
    normalizeTerm,
    stem: stemWord,
  });
  let scorer: SentimentScorer = neutralScorer;
  if (options.sentimentScorer) {
    scorer = options.sentimentScorer;
  } else {
    const lexicon = createSentimentScorer({ lexiconOverrides: options.lexiconOverrides, normalizer });
    scorer = (normalized) => lexicon.scoreNormalized(normalized);
  }
  // Admins' local sentiment words are authoritative: a post with one is scored by the lexicon, even with a model.
  const localTerms = new Set(
    Object.entries(options.lexiconOverrides ?? {})
      .filter(([, weight]) => weight !== 0)
      .map(([term]) => term.trim().toLowerCase()),
  );
  const homeRegion = options.homeRegion?.trim() || undefined;
  const gazetteer = options.gazetteer;
  const detector =
    options.languages === false ? undefined : (options.languages?.detector ?? loadDefaultLanguageDetector());
  const regional =
    options.languages === false ? undefined : (options.languages?.regionalSentiment ?? new RegionalSentiment());
  const emotion = options.emotion === false ? undefined : (options.emotion ?? loadDefaultEmotionClassifier());
  // The regional and emotion models were trained on the built-in lexicon's outputs: the analyzer's own lexicon result
  // is reused when it is that lexicon (no custom scorer, no local words), else the built-in one is asked.
  const lexiconIsBuiltIn = !options.sentimentScorer && Object.keys(options.lexiconOverrides ?? {}).length === 0;
  const builtInLexicon = (detector || emotion) && !lexiconIsBuiltIn ? createSentimentScorer({ normalizer }) : undefined;
  const letters = createLetterBuffer();

  const analyze = (input: string): PostAnalysis => {
    const text = typeof input === 'string' ? input : input == null ? '' : String(input);
    let maskedText = text;
    let pii: PiiCounts = { nik: 0, phone: 0, email: 0 };
    try {
      const masked = maskPiiWithCounts(text);
      maskedText = masked.text;
      // Counted from the masks the text carries: ingest masks texts before they are queued.
      pii = countPiiMasks(maskedText);
    } catch {
      maskedText = '';
    }
    let normalized: NormalizedText;
    try {
      const forTokens = pii.nik + pii.phone + pii.email > 0 ? maskedText.replace(MASK_RE, ' ') : maskedText;
      normalized = normalizer.normalize(forTokens);
    } catch {
      normalized = { tokens: [], hashtags: [], mentions: [], urls: [], emojis: [], boundaries: [], boundaryMarks: '' };
    }
    const language = detectLanguage(maskedText);
    let lexicon: SentimentResult | undefined;
    const lexiconOf = () =>
      (lexicon ??= builtInLexicon ? safeLexicon(normalized) : scoreByLexicon(normalized, maskedText));
    let sentiment: SentimentResult | undefined;
    if (language && isRegionalLanguage(language.code)) {
      sentiment = scoreRegional(language, normalized, maskedText, lexiconOf);
    }
    sentiment ??= scoreSentiment(normalized, maskedText, lexiconIsBuiltIn || builtInLexicon ? lexiconOf : undefined);
    if (sentiment.source === 'lexicon' && lexiconIsBuiltIn) {
      lexicon = sentiment;
    }
    const analysis: PostAnalysis = {
      maskedText,
      pii,
      sentiment,
      category: classify(normalized),
      locations: locate(normalized.tokens, maskedText),
      topics: matchTopics(normalized),
      tokens: normalized.tokens,
      hashtags: normalized.hashtags,
      mentions: normalized.mentions,
    };
    if (language) {
      analysis.language = language;
    }
    if (emotion) {
      try {
        analysis.emotion = emotion.classify({ normalized, lexicon: lexiconOf() });
      } catch {
        // no emotion rather than no analysis
      }
    }
    return analysis;
  };

  const detectLanguage = (maskedText: string): LanguageResult | undefined => {
    if (!detector) {
      return undefined;
    }
    try {
      return detector.detect(maskedText);
    } catch {
      return undefined;
    }
  };

  function safeLexicon(normalized: NormalizedText): SentimentResult {
    try {
      return builtInLexicon!.scoreNormalized(normalized);
    } catch {
      return neutralScorer();
    }
  }

  /** A regional-language post: its language's model, unless an admin's local word decides (as for a model). */
  const scoreRegional = (
    language: LanguageResult,
    normalized: NormalizedText,
    maskedText: string,
    lexiconOf: () => SentimentResult,
  ): SentimentResult | undefined => {
    const model = isRegionalLanguage(language.code) ? regional?.modelFor(language.code) : undefined;
    if (!model) {
      return undefined;
    }
    if (localTerms.size > 0) {
      const byLexicon = scoreByLexicon(normalized, maskedText);
      if (byLexicon.evidence.some((e) => localTerms.has(e.term))) {
        return byLexicon;
      }
    }
    try {
      return model.predict({ normalized, letters: readLetters(maskedText, letters), lexicon: lexiconOf() });
    } catch {
      return undefined;
    }
  };

  const scoreSentiment = (
    normalized: NormalizedText,
    maskedText: string,
    builtInLexiconOf: (() => SentimentResult) | undefined,
  ): SentimentResult => {
    if (options.sentimentModel) {
      if (localTerms.size > 0) {
        const byLexicon = scoreByLexicon(normalized, maskedText);
        if (byLexicon.evidence.some((e) => localTerms.has(e.term))) {
          return byLexicon;
        }
      }
      try {
        const r = options.sentimentModel(normalized, maskedText, builtInLexiconOf);
        if (r) {
          return r;
        }
      } catch {
        // fall back to the lexicon
      }
    }
    return scoreByLexicon(normalized, maskedText);
  };
  function scoreByLexicon(normalized: NormalizedText, maskedText: string): SentimentResult {
    try {
      return scorer(normalized, maskedText);
    } catch {
      return neutralScorer();
    }
  }

  const classify = (normalized: NormalizedText): CategoryResult => {
    try {
      return categories.classify(normalized.tokens, options.categoryModel, normalized);
    } catch {
      return { slug: 'lainnya', opd: 'Diskominfo', confidence: 0, keywords: [], source: 'rules' };
    }
  };

  const locate = (tokens: string[], text: string): LocationMatch[] => {
    if (!gazetteer) {
      return [];
    }
    return gazetteer.match(tokens, { homeRegion, text });
  };

  const matchTopics = (normalized: NormalizedText): TopicMatch[] => {
    try {
      return topics.match(normalized);
    } catch {
      return [];
    }
  };

  return {
    analyze,
    topicErrors: topics.errors,
    stats: () => ({
      topics: topics.queryCount,
      topicTerms: topics.termCount,
      categories: categories.categories.length,
    }),
  };
}

const LABEL_ID: Record<string, string> = { positive: 'positif', neutral: 'netral', negative: 'negatif' };

/** A one-paragraph explanation in Bahasa Indonesia of why the post got its labels. */
export function explainAnalysis(a: PostAnalysis): string {
  const parts: string[] = [];
  const ev = a.sentiment.evidence
    .slice(0, 8)
    .map(
      (e) =>
        `${e.term} (${e.weight > 0 ? '+' : ''}${round2(e.weight)}${e.rules.length ? '; ' + e.rules.join(', ') : ''})`,
    );
  const src = a.sentiment.source === 'model' ? `model ${a.sentiment.modelVersion ?? ''}`.trim() : 'leksikon';
  parts.push(
    `Sentimen ${LABEL_ID[a.sentiment.label] ?? a.sentiment.label} (${round2(a.sentiment.score)}, ${src})` +
      (ev.length ? `: ${ev.join(', ')}` : ': tidak ada kata bersentimen'),
  );
  parts.push(
    a.category.keywords.length
      ? `Kategori ${a.category.slug} → ${a.category.opd} (keyakinan ${round2(a.category.confidence)}) dari: ${a.category.keywords.join(', ')}`
      : `Kategori ${a.category.slug} → ${a.category.opd}: tidak ada kata kunci kategori`,
  );
  if (a.locations.length) {
    parts.push(
      `Lokasi: ${a.locations
        .map((l) => `${l.name} [${l.code}] (${l.trigger ? `pemicu "${l.trigger}", ` : ''}${l.reason})`)
        .join(', ')}`,
    );
  }
  if (a.language) {
    const l = a.language;
    parts.push(
      l.reason === 'no-letters'
        ? 'Bahasa: tidak ada kata untuk dikenali'
        : l.reason === 'unlike-any'
          ? 'Bahasa: bukan bahasa Indonesia atau bahasa daerah yang dikenali'
          : `Bahasa: ${LANGUAGE_NAMES[l.code]} (selisih log-peluang ${round2(l.margin)} dari ${LANGUAGE_NAMES[l.runnerUp ?? 'other']}` +
            (l.evidence.length ? `; ciri: ${l.evidence.join(', ')})` : ')'),
    );
  }
  if (a.emotion) {
    const e = a.emotion;
    parts.push(
      `Emosi ${EMOTION_NAMES[e.label]} (peluang ${round2(e.confidence)})` +
        (e.evidence.length ? `: ${e.evidence.map((x) => x.term).join(', ')}` : ''),
    );
  }
  if (a.topics.length) {
    parts.push(`Topik: ${a.topics.map((t) => `${t.id} (${t.terms.join(', ')})`).join(', ')}`);
  }
  const pii = a.pii.nik + a.pii.phone + a.pii.email;
  if (pii > 0) {
    parts.push(`Data pribadi disamarkan: ${a.pii.nik} NIK, ${a.pii.phone} telepon, ${a.pii.email} e-mail`);
  }
  return parts.join('. ') + '.';
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
