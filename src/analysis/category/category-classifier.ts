/**
 * Category → OPD from keyword rules (and, when given, a trained model's prediction).
 *
 * All categories' keywords are compiled into one index: words (and their stems when a stemmer is given), wildcard
 * prefixes, and phrases in an Aho-Corasick automaton. Tokens covered by a matched phrase do not count again as single
 * words (`parkir liar` scores ketertiban, not also transportasi through `parkir`). Each keyword counts once per post.
 * The category with the highest total weight wins; confidence grows with the winning total and with its margin over
 * the runner-up. Nothing (or only one weak keyword, total < minScore) matched → `lainnya` (Diskominfo, for triage)
 * with confidence 0.
 */
import type { CategoryResult } from '../analysis.types.js';
import { defaultTermNormalizer, type TermNormalizer } from '../query/query-ast.js';
import { PhraseAutomaton } from '../query/phrase-automaton.js';
import { DEFAULT_CATEGORIES, FALLBACK_CATEGORY_SLUG, type CategoryDefinition } from './default-categories.js';

/** A trained classifier's answer for one post (see src/analysis/model). */
export interface CategoryPrediction {
  slug: string;
  /** In [0, 1]. */
  confidence: number;
  version?: string;
}

export type CategoryPredictor = (tokens: readonly string[]) => CategoryPrediction | null | undefined;

/** Words the normaliser rewrote, as written (NormalizedText.replaced / replacedAt). */
export interface RewrittenWords {
  replaced?: readonly string[];
  replacedAt?: readonly number[];
}

export interface CategoryClassifierOptions {
  normalizeTerm?: TermNormalizer;
  stem?: (token: string) => string;
  /** A trained model's prediction wins over the rules when its confidence is at least this and above the rules' (default 0.6). */
  modelThreshold?: number;
  /** A category needs at least this total weight to win over `lainnya` (default 2: one weak keyword is not enough). */
  minScore?: number;
}

interface KeywordRef {
  /** A prefix keyword (`pungut*`): never halved as a landmark (it was not before the landmark rule either). */
  prefix?: boolean;
  cat: number;
  kw: number;
  weight: number;
  label: string;
  opd?: string;
  /** A short abbreviation ('sd', 'tk', 'rs'): counts only in its context or beside another keyword of its category. */
  abbreviation?: boolean;
}

const FALLBACK_OPD = 'Diskominfo';
/**
 * Words of feeling that make the keyword before them an idiom ('sakit hati', 'obat rindu', 'demam cinta'): such a
 * keyword names a feeling, not its category's subject, and does not count.
 */
const FEELING_WORDS: ReadonlySet<string> = new Set([
  'hati',
  'hatiku',
  'hatimu',
  'hatinya',
  'rindu',
  'kangen',
  'cinta',
  'galau',
  'perasaan',
  'jiwaku',
]);
/**
 * Context that makes a short abbreviation keyword ('sd', 'tk', 'sma', 'rs') mean the institution: the word before it
 * ('lulusan sma', 'di rs', 'anak tk') or after it ('sd negeri', 'smp 3', 'sma it').
 */
const ABBREVIATION_BEFORE: ReadonlySet<string> = new Set([
  'di',
  'ke',
  'dari',
  'lulusan',
  'tamatan',
  'anak',
  'siswa',
  'murid',
  'guru',
  'sekolah',
  'kelas',
  'masuk',
  'jenjang',
  'tingkat',
  'setingkat',
  'kepala',
  'pihak',
  'pasien',
  'dokter',
  'urus',
  'mengurus',
  'ngurus',
  'cetak',
  'pembuatan',
]);
const ABBREVIATION_AFTER: ReadonlySet<string> = new Set([
  'negeri',
  'swasta',
  'inpres',
  'islam',
  'it',
  'terpadu',
  'unggulan',
  'favorit',
  'umum',
  'daerah',
]);
/**
 * Keywords of at most this many characters ('sd', 'rs', 'kk') are read as abbreviations of everyday words as often as
 * of the institution ('sd' = sampai dengan, 'kk' = kakak), like the slang-colliding ones ('sma', 'tk').
 */
const SHORT_ABBREVIATION = 2;
const ROMAN_OR_NUMBER = /^(?:\d+|[ivx]+)$/;
/** Verbal prefixes: a stem match through one of them is a derived verb ('menghargai' ← harga), not the noun. */
const VERBAL_PREFIX = /^(?:me|di|be|te|pe)/;
const REF_CACHE_LIMIT = 50_000;
const WORD_RE = /^[\p{L}\p{N}]+$/u;
/**
 * Words after which a place-like keyword names a landmark ('di dekat pasar', 'dari jembatan mahakam'). Not 'di' or
 * 'ke': 'antre di puskesmas', 'mau ke bandara' are about the place itself.
 */
const LANDMARK_PREPOSITIONS: ReadonlySet<string> = new Set([
  'dari',
  'dekat',
  'deket',
  'depan',
  'samping',
  'sebelah',
  'belakang',
  'seberang',
  'sekitar',
  'dekatnya',
]);

export class CategoryClassifier {
  private readonly cats: CategoryDefinition[];
  private readonly fallback: number;
  private readonly words = new Map<string, KeywordRef[]>();
  private readonly stems = new Map<string, KeywordRef[]>();
  /** Single-word keywords the normaliser would rewrite ('sma' → 'sama', 'tk' → 'tidak'): matched as written only. */
  private readonly written = new Map<string, KeywordRef[]>();
  private readonly refCache = new Map<string, readonly KeywordRef[] | null>();
  private readonly prefixes: { prefix: string; ref: KeywordRef }[] = [];
  private readonly phraseRefs: { ref: KeywordRef; length: number }[] = [];
  private readonly phrases = new PhraseAutomaton();
  private readonly stem?: (token: string) => string;
  private readonly modelThreshold: number;
  private readonly minScore: number;
  private kwStamp: Uint32Array;
  private readonly kwWeight: Float64Array;
  private gen = 0;
  private readonly scores: Float64Array;
  /** Keywords that could not be compiled (empty after normalisation): reported to the admin UI. */
  readonly invalidKeywords: { slug: string; term: string }[] = [];

  constructor(categories: readonly CategoryDefinition[] = DEFAULT_CATEGORIES, options: CategoryClassifierOptions = {}) {
    this.cats = categories.map((c) => ({ ...c, keywords: [...(c.keywords ?? [])] }));
    let fb = this.cats.findIndex((c) => c.slug === FALLBACK_CATEGORY_SLUG);
    if (fb < 0) {
      this.cats.push({ slug: FALLBACK_CATEGORY_SLUG, name: 'Lainnya', opd: FALLBACK_OPD, keywords: [] });
      fb = this.cats.length - 1;
    }
    this.fallback = fb;
    this.stem = options.stem;
    this.modelThreshold = options.modelThreshold ?? 0.6;
    this.minScore = options.minScore ?? 2;
    const normalize = options.normalizeTerm ?? defaultTermNormalizer;
    let kwCount = 0;
    this.cats.forEach((cat, ci) => {
      cat.keywords.forEach((k) => {
        const weight = Number.isFinite(k.weight) && k.weight > 0 ? k.weight : 1;
        const ref: KeywordRef = { cat: ci, kw: kwCount++, weight, label: k.term, opd: k.opd };

        const raw = String(k.term ?? '').trim();
        if (raw.endsWith('*')) {
          const toks = normalize(raw.slice(0, -1));
          if (toks.length === 1 && toks[0].length >= 3) {
            this.prefixes.push({ prefix: toks[0], ref: { ...ref, prefix: true } });
          } else {
            this.invalidKeywords.push({ slug: cat.slug, term: raw });
          }
          return;
        }
        const toks = normalize(raw);
        const lower = raw.toLowerCase();
        if (toks.length === 0) {
          this.invalidKeywords.push({ slug: cat.slug, term: raw });
        } else if (toks.length === 1 && toks[0] !== lower && WORD_RE.test(lower)) {
          // An abbreviation that is also slang for a common word (SMA/'sma' = sama, TK/'tk' = tidak): indexing it
          // under its normal form would make every 'sama' or 'gak' a school keyword. It matches the written word only,
          // and only in its context (below).
          push(this.written, lower, { ...ref, abbreviation: true });
        } else if (toks.length === 1) {
          push(this.words, toks[0], toks[0].length <= SHORT_ABBREVIATION ? { ...ref, abbreviation: true } : ref);
          // Only root-word keywords match inflected forms (banjir ← kebanjiran); a derived keyword such as
          // 'perhubungan' must not pull in every word of its root ('hubungi').
          if (this.stem && this.stem(toks[0]) === toks[0]) {
            push(this.stems, toks[0], ref);
          }
        } else {
          this.phrases.add(toks, this.phraseRefs.length);
          this.phraseRefs.push({ ref, length: toks.length });
        }
      });
    });
    this.phrases.build();
    this.kwStamp = new Uint32Array(kwCount);
    this.kwWeight = new Float64Array(kwCount);
    this.scores = new Float64Array(this.cats.length);
  }

  get categories(): readonly CategoryDefinition[] {
    return this.cats;
  }

  /** Classifies a post from its normalised tokens. Never throws. */
  classify(tokens: readonly string[], predictor?: CategoryPredictor, rewritten?: RewrittenWords): CategoryResult {
    const rules = this.classifyByRules(tokens, rewritten);
    if (!predictor) {
      return rules;
    }
    let pred: CategoryPrediction | null | undefined;
    try {
      pred = predictor(tokens);
    } catch {
      pred = null;
    }
    if (!pred || !(pred.confidence >= this.modelThreshold) || pred.confidence <= rules.confidence) {
      return rules;
    }
    const cat = this.cats.find((c) => c.slug === pred.slug);
    if (!cat) {
      return rules;
    }
    return {
      slug: cat.slug,
      opd: cat.opd,
      confidence: round(Math.min(1, pred.confidence)),
      keywords: [`model${pred.version ? ':' + pred.version : ''}`],
      source: 'model',
    };
  }

  /**
   * Rules only. `rewritten` (the normaliser's `replaced`/`replacedAt`) lets abbreviation keywords that the slang map
   * rewrites match the word as written; without it they never match.
   */
  /**
   * The single-word keywords a token matches, memoised per distinct token: its word refs (or, when it is not a
   * keyword itself, its stem's refs), then the prefixes it starts with. Null when none.
   */
  private tokenRefs(tok: string): readonly KeywordRef[] | null {
    const cached = this.refCache.get(tok);
    if (cached !== undefined) {
      return cached;
    }
    const refs: KeywordRef[] = [];
    const direct = this.words.get(tok);
    if (direct) {
      refs.push(...direct);
    } else if (this.stem && this.stems.size > 0) {
      const stem = this.stem(tok);
      const srefs = this.stems.get(stem);
      if (srefs) {
        // A verb derived with a prefix ('menghargai', 'dibanjiri', 'bersekolah') says something else than its noun
        // stem ('harga', 'banjir'): it supports the category at half weight and never decides it alone.
        // Nominal derivations (suffixes only, ke-…-an, pe-…-an: 'banjirnya', 'kebanjiran', 'pengobatan') count fully.
        const derivedVerb = !tok.startsWith(stem) && VERBAL_PREFIX.test(tok) && !/^(?:ke|pe).*an$/.test(tok);
        refs.push(...(derivedVerb ? srefs.map((r) => ({ ...r, weight: r.weight / 2 })) : srefs));
      }
    }
    for (let p = 0; p < this.prefixes.length; p++) {
      const px = this.prefixes[p];
      if (tok.length >= px.prefix.length && tok.startsWith(px.prefix)) {
        refs.push(px.ref);
      }
    }
    const result = refs.length > 0 ? refs : null;
    if (this.refCache.size >= REF_CACHE_LIMIT) {
      this.refCache.clear();
    }
    this.refCache.set(tok, result);
    return result;
  }

  classifyByRules(tokens: readonly string[], rewritten?: RewrittenWords): CategoryResult {
    const gen = ++this.gen;
    if (gen === 0xffffffff) {
      this.kwStamp.fill(0);
      this.gen = 1;
    }
    this.scores.fill(0);
    const hits: KeywordRef[] = [];
    const take = (ref: KeywordRef, weight = ref.weight): void => {
      if (this.kwStamp[ref.kw] === this.gen) {
        // Each keyword counts once, at its strongest occurrence.
        const had = this.kwWeight[ref.kw];
        if (weight > had) {
          this.scores[ref.cat] += weight - had;
          this.kwWeight[ref.kw] = weight;
        }
        return;
      }
      this.kwStamp[ref.kw] = this.gen;
      this.kwWeight[ref.kw] = weight;
      this.scores[ref.cat] += weight;
      hits.push(ref);
    };
    const pending: KeywordRef[] = [];
    let covered: Uint8Array | null = null;
    this.phrases.scan(tokens, (id, end) => {
      const p = this.phraseRefs[id];
      take(p.ref);
      covered ??= new Uint8Array(tokens.length);
      for (let k = end - p.length + 1; k <= end; k++) {
        covered[k] = 1;
      }
    });
    const cov = covered as Uint8Array | null;
    const written = rewritten?.replaced;
    if (written && this.written.size > 0) {
      const at = rewritten.replacedAt;
      for (let k = 0; k < written.length; k++) {
        const refs = this.written.get(written[k]);
        if (!refs) {
          continue;
        }
        const i = at ? at[k] : -1;
        if (cov && i >= 0 && cov[i]) {
          continue;
        }
        for (const r of refs) {
          if (i < 0 || inContext(tokens, i)) {
            take(r);
          } else {
            pending.push(r);
          }
        }
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      if (cov && cov[i]) {
        continue;
      }
      const refs = this.tokenRefs(tokens[i]);
      if (refs === null) {
        continue;
      }
      // A place-like word right after a locative ('dekat pasar', 'dari jembatan') usually names a landmark, not
      // the subject: a keyword that is not decisive on its own counts half there.
      const landmark = i > 0 && LANDMARK_PREPOSITIONS.has(tokens[i - 1]);
      // A keyword before a word of feeling is an idiom ('sakit hati', 'obat rindu'): not its category's subject.
      if (i + 1 < tokens.length && FEELING_WORDS.has(tokens[i + 1])) {
        continue;
      }
      for (let k = 0; k < refs.length; k++) {
        const r = refs[k];
        if (r.abbreviation && !inContext(tokens, i)) {
          pending.push(r);
          continue;
        }
        take(r, landmark && r.weight < 3 && !r.prefix ? r.weight / 2 : r.weight);
      }
    }
    // An abbreviation out of context counts only beside another keyword of its category ('atap kelas sd ambruk').
    const supported = this.scores.slice();
    for (const r of pending) {
      if (supported[r.cat] > 0) {
        take(r);
      }
    }
    let best = -1;
    let bestScore = 0;
    let second = 0;
    for (let c = 0; c < this.scores.length; c++) {
      const s = this.scores[c];
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = c;
      } else if (s > second) {
        second = s;
      }
    }
    if (best < 0 || bestScore < this.minScore) {
      const fb = this.cats[this.fallback];
      return { slug: fb.slug, opd: fb.opd, confidence: 0, keywords: [], source: 'rules' };
    }
    const cat = this.cats[best];
    const kwWeight = this.kwWeight;
    const chosen = hits.filter((h) => h.cat === best).sort((a, b) => kwWeight[b.kw] - kwWeight[a.kw] || a.kw - b.kw);
    const opd = chosen[0].opd ?? cat.opd;
    const confidence = (bestScore / (bestScore + second)) * (1 - Math.exp(-bestScore / 2.5));
    return {
      slug: cat.slug,
      opd,
      confidence: round(confidence),
      keywords: chosen.map((h) => h.label),
      source: 'rules',
    };
  }
}

/** Whether the abbreviation at `tokens[i]` stands in its institutional context ('lulusan sma', 'sd negeri 3'). */
function inContext(tokens: readonly string[], i: number): boolean {
  const before = i > 0 ? tokens[i - 1] : undefined;
  const after = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  return (
    (before !== undefined && ABBREVIATION_BEFORE.has(before)) ||
    (after !== undefined && (ABBREVIATION_AFTER.has(after) || ROMAN_OR_NUMBER.test(after)))
  );
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function push(map: Map<string, KeywordRef[]>, key: string, ref: KeywordRef): void {
  const list = map.get(key);
  if (list) {
    list.push(ref);
  } else {
    map.set(key, [ref]);
  }
}
