/**
 * Lexicon-based Indonesian sentiment with rules: negation scope, intensifiers and softeners (before or after
 * the word), contrast clauses (after tapi/namun/padahal weighs more, a walaupun-clause less), emoji,
 * rhetorical questions and obvious sarcasm. Every contributing term is returned as evidence with its rules.
 */
import type { SentimentEvidence, SentimentLabel, SentimentResult } from '../analysis.types.js';
import type { NormalizedText } from '../text/normalized-text.js';
import { emojiSentiment } from '../text/emoji-sentiment.js';
import { stemWord } from '../text/stemmer-cache.js';
import { getDefaultNormalizer, type TextNormalizer } from '../text/index.js';
import {
  addEntry,
  builtInLexicon,
  cloneLexicon,
  CONCESSIVE_WORDS,
  CONTRAST_WORDS,
  NEGATORS,
  QUESTION_WORDS,
  SARCASM_EMOJI,
  WEAK_NEGATORS,
  type ParsedLexicon,
  type Phrase,
} from './sentiment-lexicon.js';

export interface SentimentThresholds {
  /** score ≥ positive → 'positive'. */
  positive: number;
  /** score ≤ -negative → 'negative'. */
  negative: number;
}

export interface SentimentScorerOptions {
  /** Admins' local words: word or phrase ('tidak_becus', 'lampu mati') → weight in [-1, 1]; 0 removes an entry. */
  lexiconOverrides?: Readonly<Record<string, number>>;
  thresholds?: Partial<SentimentThresholds>;
  /** Normaliser used by score(text); the default one when omitted. */
  normalizer?: TextNormalizer;
}

/** Fixed by hand before any evaluation; `pantau eval sentiment --valid` chooses per-dataset thresholds on a valid split. */
export const DEFAULT_THRESHOLDS: SentimentThresholds = { positive: 0.2, negative: 0.2 };

const NEGATION_SCOPE = 3;

/**
 * A noun formed with pe-/per- (-an) or ke-…-an from a positive stem names an activity, an agent or a domain rather
 * than praise: 'perbaikan' (repair) ← baik, 'pengamanan' ← aman, 'kesehatan' ← sehat, 'pemenang' ← menang. Such a
 * stem hit counts a quarter of the stem's weight (a stemmer false hit), not the 0.8 of other affixed forms.
 */
const STEM_NOUN_FACTOR = 0.25;

function isStemNoun(word: string, stem: string): boolean {
  const w = word.endsWith('nya') ? word.slice(0, -3) : word;
  if (w.startsWith('pe') && !stem.startsWith('pe')) {
    return true;
  }
  return w.startsWith('ke') && w.endsWith('an') && !stem.startsWith('ke');
}
const MODIFIER_SCOPE = 2;
const POST_INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['banget', 1.5],
  ['sekali', 1.5],
  ['sangat', 1.4],
  ['amat', 1.4],
  ['parah', 1.4],
  ['pol', 1.4],
]);
const LAUGH = 'wkwk';
/** Prohibitives: 'jangan' + a negative word is an appeal or a comfort ('jangan sampai banjir lagi'), not praise. */
const PROHIBITIVES: ReadonlySet<string> = new Set(['jangan', 'jgn', 'usah']);
/** Verbs of omission: a negator before them ('jangan lupa', 'tidak lupa') cancels out and does not reach further. */
const OMISSION_VERBS: ReadonlySet<string> = new Set(['lupa', 'melupakan', 'lewatkan', 'melewatkan', 'ketinggalan']);
/**
 * Restrictive focus particles: after a negator ('tidak hanya enak', 'bukan sekadar indah') the negation denies the
 * restriction ("not only"), not the word that follows, so it is cancelled and does not reach further.
 */
const FOCUS_PARTICLES: ReadonlySet<string> = new Set(['hanya', 'sekadar', 'sekedar', 'semata', 'semata-mata']);
/** 'Selamat' before one of these is a greeting or a wish for an occasion, a register that is mostly neutral. */
const GREETING_OCCASIONS: ReadonlySet<string> = new Set([
  'pagi',
  'siang',
  'sore',
  'malam',
  'hari',
  'tahun',
  'idul',
  'natal',
  'menunaikan',
  'berbuka',
  'sahur',
  'beraktivitas',
  'beristirahat',
  'tidur',
  'berakhir',
  'datang',
  'jalan',
  'libur',
  'bertugas',
  'bekerja',
  'menjalankan',
  'merayakan',
  'memperingati',
]);
/**
 * Appeals (donations, help, warnings): the suffering words in such a sentence name the cause ('mari bantu korban
 * banjir'), not the writer's stance, so they count at APPEAL_FACTOR.
 */
const APPEAL_MARKERS: ReadonlySet<string> = new Set([
  'mari',
  'ayo',
  'yuk',
  'donasi',
  'donasikan',
  'galang',
  'penggalangan',
  'salurkan',
  'sumbangan',
  'waspada',
  'imbauan',
  'himbauan',
  'hati-hati',
  'doakan',
  'berduka',
]);
const APPEAL_FACTOR = 0.3;

/** Everything the scorer asks about one token, looked up once per distinct token (`tokenInfo`). */
interface TokenInfo {
  laugh: boolean;
  question: boolean;
  phrases: Phrase[] | undefined;
  modifierPhrases: Phrase[] | undefined;
  negator: boolean;
  weakNegator: boolean;
  contrast: boolean;
  concessive: boolean;
  /** Intensifier/softener factor when the token is one. */
  modifier: number | undefined;
  /** The token's own lexicon weight (a modifier that is also a sentiment word: 'lumayan'). */
  own: number | undefined;
  /** `lookupWord` of the token: its weight directly, through '-nya' or through its stem. */
  found: WordLookup | undefined;
  /** Factor when the token intensifies the word before it ('bagus banget'). */
  post: number | undefined;
}

interface WordLookup {
  weight: number;
  rule?: string;
  term: string;
}

const TOKEN_INFO_LIMIT = 50_000;

interface Hit {
  term: string;
  weight: number;
  rules: string[];
  start: number;
  clause: number;
  fromWord: boolean;
}

export class SentimentScorer {
  private readonly lex: ParsedLexicon;
  private readonly overridden: Set<string>;
  readonly thresholds: SentimentThresholds;
  private readonly normalizer: TextNormalizer | undefined;
  private readonly infos = new Map<string, TokenInfo>();

  constructor(options: SentimentScorerOptions = {}) {
    const base = builtInLexicon();
    this.overridden = new Set();
    if (options.lexiconOverrides && Object.keys(options.lexiconOverrides).length > 0) {
      this.lex = cloneLexicon(base);
      for (const [entry, raw] of Object.entries(options.lexiconOverrides)) {
        const key = entry.trim().toLowerCase().replace(/\s+/g, '_');
        if (!key || typeof raw !== 'number' || !Number.isFinite(raw)) {
          continue;
        }
        const weight = Math.max(-1, Math.min(1, raw));
        if (weight === 0) {
          this.lex.words.delete(key);
          const first = key.split('_')[0];
          const list = this.lex.phrases.get(first);
          if (list) {
            this.lex.phrases.set(
              first,
              list.filter((p) => p.words.join('_') !== key),
            );
          }
          continue;
        }
        addEntry(key, weight, this.lex.words, this.lex.phrases);
        this.overridden.add(key.replace(/_/g, ' '));
      }
    } else {
      this.lex = base;
    }
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
    this.normalizer = options.normalizer;
  }

  /** Number of lexicon entries (words and phrases) in use. */
  get lexiconSize(): number {
    let n = this.lex.words.size;
    for (const list of this.lex.phrases.values()) {
      n += list.length;
    }
    return n;
  }

  /** The weight of a single word, or undefined (no rules applied). */
  wordWeight(word: string): number | undefined {
    return this.lex.words.get(word);
  }

  score(text: string): SentimentResult {
    return this.scoreNormalized((this.normalizer ?? getDefaultNormalizer()).normalize(text));
  }

  /** Raw sum of rule-adjusted weights and the evidence; `score`/`label` derive from it. */
  scoreNormalized(n: NormalizedText): SentimentResult {
    const hits = this.collect(n);
    let sum = 0;
    for (const h of hits) {
      sum += h.weight;
    }
    const score = Math.tanh(sum);
    const label: SentimentLabel =
      score >= this.thresholds.positive ? 'positive' : score <= -this.thresholds.negative ? 'negative' : 'neutral';
    const evidence: SentimentEvidence[] = hits.map((h) => ({
      term: h.term,
      weight: Math.round(h.weight * 1000) / 1000,
      rules: h.rules,
    }));
    return { label, score: Math.round(score * 1000) / 1000, source: 'lexicon', evidence };
  }

  private tokenInfo(t: string): TokenInfo {
    let info = this.infos.get(t);
    if (info === undefined) {
      info = {
        laugh: t === LAUGH,
        question: QUESTION_WORDS.has(t),
        phrases: this.lex.phrases.get(t),
        modifierPhrases: this.lex.modifierPhrases.get(t),
        negator: NEGATORS.has(t),
        weakNegator: WEAK_NEGATORS.has(t),
        contrast: CONTRAST_WORDS.has(t),
        concessive: CONCESSIVE_WORDS.has(t),
        modifier: this.lex.modifiers.get(t),
        own: this.lex.words.get(t),
        found: this.lookupWord(t),
        post: POST_INTENSIFIERS.get(t),
      };
      if (this.infos.size >= TOKEN_INFO_LIMIT) {
        this.infos.clear();
      }
      this.infos.set(t, info);
    }
    return info;
  }

  /**
   * Register rules on the word hits: greetings ('selamat pagi', 'selamat hari raya') and appeals (the sentence of a
   * 'mari', 'donasi', 'waspada'). (An informative-register rule was tried and rejected: docs/analysis-sentiment.md.)
   */
  private applyRegister(n: NormalizedText, hits: Hit[]): void {
    if (hits.length === 0) {
      return;
    }
    const tokens = n.tokens;
    const sentence = sentenceOf(n);
    const appealSentences = new Set<number>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (APPEAL_MARKERS.has(t)) {
        appealSentences.add(sentence(i));
      }
    }
    for (const h of hits) {
      if (!h.fromWord) {
        continue;
      }
      if (tokens[h.start] === 'selamat' && h.start + 1 < tokens.length && GREETING_OCCASIONS.has(tokens[h.start + 1])) {
        h.weight *= 0.2;
        h.rules.push('greeting');
      } else if (h.weight < 0 && appealSentences.has(sentence(h.start))) {
        h.weight *= APPEAL_FACTOR;
        h.rules.push('appeal');
      }
    }
  }

  private matchPhrase(list: Phrase[] | undefined, tokens: string[], i: number): Phrase | undefined {
    if (!list) {
      return undefined;
    }
    for (const p of list) {
      const len = p.words.length;
      if (i + len > tokens.length) {
        continue;
      }
      let ok = true;
      for (let k = 1; k < len; k++) {
        if (tokens[i + k] !== p.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return p;
      }
    }
    return undefined;
  }

  private lookupWord(w: string): WordLookup | undefined {
    const direct = this.lex.words.get(w);
    if (direct !== undefined) {
      return { weight: direct, term: w };
    }
    const c = w.charCodeAt(0);
    if (c === 35 || c === 64 || w.length < 5 || w.length > 30) {
      return undefined;
    } // '#', '@', short or huge
    if (w.endsWith('nya')) {
      const base = w.slice(0, -3);
      const bw = this.lex.words.get(base);
      if (bw !== undefined) {
        return { weight: bw, term: base };
      }
    }
    const stem = stemWord(w);
    if (stem !== w && stem.length >= 3) {
      const sw = this.lex.words.get(stem);
      if (sw !== undefined) {
        if (sw > 0 && isStemNoun(w, stem)) {
          return { weight: sw * STEM_NOUN_FACTOR, rule: `stem-noun:${stem}`, term: w };
        }
        return { weight: sw * 0.8, rule: `stem:${stem}`, term: w };
      }
    }
    return undefined;
  }

  private collect(n: NormalizedText): Hit[] {
    const tokens = n.tokens;
    const hits: Hit[] = [];
    const bounds = n.boundaries;
    let b = 0;
    let clause = 0;
    let sentenceStartHit = 0;
    let negator: string | null = null;
    let negatorAt = -10;
    let weakNegator: string | null = null;
    let weakAt = -10;
    let modifier: string | null = null;
    let modifierFactor = 1;
    let modifierAt = -10;
    let afterContrast: string | null = null;
    let concession: string | null = null;
    let hasQuestionWord = false;
    const questionClauses = new Set<number>();
    let hasLaugh = false;

    for (let i = 0; i < tokens.length; i++) {
      while (b < bounds.length && bounds[b] <= i) {
        // clause ends with mark n.boundaryMarks[b]
        const mark = n.boundaryMarks[b];
        if (mark === '?' && hasQuestionWord) {
          questionClauses.add(clause);
        }
        hasQuestionWord = false;
        negator = null;
        weakNegator = null;
        concession = null;
        if (mark === '.' || mark === '!' || mark === '?') {
          afterContrast = null;
          sentenceStartHit = hits.length;
        }
        b++;
        clause++;
      }
      const t = tokens[i];
      const info = this.tokenInfo(t);
      if (info.laugh) {
        hasLaugh = true;
        continue;
      }
      if (info.question) {
        hasQuestionWord = true;
      }

      // Phrases first (they may start with a negator: 'tidak becus').
      let term: string | undefined;
      let weight = 0;
      let span = 1;
      const extraRules: string[] = [];
      const phrase = this.matchPhrase(info.phrases, tokens, i);
      if (phrase) {
        term = phrase.words.join(' ');
        weight = phrase.weight;
        span = phrase.words.length;
      } else {
        const modPhrase = this.matchPhrase(info.modifierPhrases, tokens, i);
        if (modPhrase) {
          modifier = modPhrase.words.join(' ');
          modifierFactor = modPhrase.weight;
          modifierAt = i + modPhrase.words.length - 1;
          negator = null;
          i += modPhrase.words.length - 1;
          continue;
        }
        if (info.negator || PROHIBITIVES.has(t)) {
          negator = t;
          negatorAt = i;
          continue;
        }
        if (negator !== null && i - negatorAt <= NEGATION_SCOPE) {
          if (OMISSION_VERBS.has(t)) {
            // 'jangan lupa bahagia': the two negatives cancel; what follows keeps its sign.
            negator = null;
            continue;
          }
          if (FOCUS_PARTICLES.has(t) && !PROHIBITIVES.has(negator)) {
            // 'tidak hanya enak, tapi juga murah': "not only", the praise stands.
            negator = null;
            continue;
          }
        }
        if (info.weakNegator && i + 1 < tokens.length) {
          weakNegator = t;
          weakAt = i;
          continue;
        }
        if (info.contrast) {
          if (info.concessive) {
            concession = t;
          } else {
            for (let k = sentenceStartHit; k < hits.length; k++) {
              if (hits[k].rules.some((r) => r.startsWith('after-contrast'))) {
                continue;
              }
              hits[k].weight *= 0.6;
              hits[k].rules.push(`before-contrast:${t}`);
            }
            afterContrast = t;
          }
          negator = null;
          continue;
        }
        const mod = info.modifier;
        if (mod !== undefined) {
          // A modifier that is also a sentiment word ('lumayan') is a modifier only when a sentiment word follows.
          const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
          if (info.own === undefined || (next !== undefined && this.tokenInfo(next).own !== undefined)) {
            modifier = t;
            modifierFactor = mod;
            modifierAt = i;
            continue;
          }
        }
        const found = info.found;
        if (!found) {
          continue;
        }
        term = found.term;
        weight = found.weight;
        if (found.rule) {
          extraRules.push(found.rule);
        }
      }

      const rules: string[] = [];
      if (this.overridden.has(term)) {
        rules.push('override');
      }
      rules.push(...extraRules);
      if (modifier !== null && i - modifierAt <= MODIFIER_SCOPE) {
        weight *= modifierFactor;
        rules.push(`${modifierFactor >= 1 ? 'intensified' : 'softened'}:${modifier}`);
        modifier = null;
      }
      if (negator !== null && i - negatorAt <= NEGATION_SCOPE) {
        if (PROHIBITIVES.has(negator)) {
          // A prohibitive does not turn a fear into praise ('jangan sampai banjir'); praise becomes a mild warning.
          weight = weight > 0 ? -0.4 * weight : 0.1 * weight;
          rules.push(`prohibitive:${negator}`);
        } else {
          weight = weight > 0 ? -0.8 * weight : -0.4 * weight;
          rules.push(`negated:${negator}`);
        }
        negator = null;
      } else if (weakNegator !== null && i - weakAt <= MODIFIER_SCOPE) {
        weight = weight > 0 ? -0.6 * weight : 0.5 * weight;
        rules.push(`negated:${weakNegator}`);
        weakNegator = null;
      }
      const after = i + span < tokens.length ? tokens[i + span] : undefined;
      const post = after !== undefined ? this.tokenInfo(after).post : undefined;
      if (post !== undefined) {
        weight *= post;
        rules.push(`intensified:${after}`);
        span++;
      }
      if (concession !== null) {
        weight *= 0.6;
        rules.push(`concession:${concession}`);
      } else if (afterContrast !== null) {
        weight *= 1.4;
        rules.push(`after-contrast:${afterContrast}`);
      }
      hits.push({ term, weight, rules, start: i, clause, fromWord: true });
      i += span - 1;
    }
    if (hasQuestionWord && n.boundaryMarks.endsWith('?') && bounds[bounds.length - 1] >= tokens.length) {
      questionClauses.add(clause);
    }
    // A lone weak negator at the end ('pelayanannya kurang') still says something.
    if (weakNegator !== null && weakAt === tokens.length - 1) {
      hits.push({ term: weakNegator, weight: -0.3, rules: [], start: weakAt, clause, fromWord: true });
    }

    // Rhetorical questions: praise inside a why/when question is a complaint ('kapan bagusnya?').
    if (questionClauses.size > 0) {
      for (const h of hits) {
        if (h.weight > 0 && questionClauses.has(h.clause)) {
          h.weight *= -0.6;
          h.rules.push('rhetorical-question');
        }
      }
    }

    this.applyRegister(n, hits);

    // Emoji.
    let emojiCount = 0;
    let sarcasmEmoji: string | null = null;
    for (const e of n.emojis) {
      if (SARCASM_EMOJI.has(e)) {
        sarcasmEmoji = e;
      }
      const w = emojiSentiment(e);
      if (w === 0 || emojiCount >= 5) {
        continue;
      }
      emojiCount++;
      hits.push({ term: e, weight: w * 0.8, rules: ['emoji'], start: tokens.length, clause, fromWord: false });
    }

    // Obvious sarcasm: praise next to an eye-roll/clown emoji, or praise laughed at beside a complaint.
    let pos = 0;
    let neg = 0;
    for (const h of hits) {
      if (!h.fromWord) {
        continue;
      }
      if (h.weight > 0) {
        pos += h.weight;
      } else {
        neg -= h.weight;
      }
    }
    const sarcasm = pos > 0 && (sarcasmEmoji !== null || (hasLaugh && neg > 0));
    if (sarcasm) {
      for (const h of hits) {
        if (h.fromWord && h.weight > 0) {
          h.weight *= -0.7;
          h.rules.push(sarcasmEmoji ? `sarcasm:${sarcasmEmoji}` : 'sarcasm:laughter');
        }
      }
    }
    return hits;
  }
}

/** Per-sentence starts (token indices) of a normalised text, from its clause boundaries. */
function sentenceOf(n: NormalizedText): (i: number) => number {
  const starts: number[] = [0];
  for (let b = 0; b < n.boundaries.length; b++) {
    const mark = n.boundaryMarks[b];
    if (mark === '.' || mark === '!' || mark === '?') {
      starts.push(n.boundaries[b]);
    }
  }
  return (i) => {
    let s = 0;
    while (s + 1 < starts.length && starts[s + 1] <= i) {
      s++;
    }
    return s;
  };
}

/** A scorer with the built-in lexicon plus admins' overrides. */
export function createSentimentScorer(options: SentimentScorerOptions = {}): SentimentScorer {
  return new SentimentScorer(options);
}

let defaultScorer: SentimentScorer | undefined;

/** Sentiment of one already-normalised post with the built-in lexicon. */
export function scoreSentiment(normalized: NormalizedText): SentimentResult {
  return (defaultScorer ??= new SentimentScorer()).scoreNormalized(normalized);
}
