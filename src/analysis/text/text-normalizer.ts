/**
 * Normalises Indonesian social-media text in one pass: NFKC (only when the text is not plain ASCII),
 * one compiled tokenising expression, and per-word repairs (slang, elongation, reduplication, laughter)
 * memoised in a bounded cache keyed by the raw word, so a word seen before costs one Map lookup.
 *
 * Never throws: any input (empty, emoji-only, megabytes, control characters, lone surrogates, other
 * languages) yields a valid NormalizedText.
 */
import { BASE_VOCABULARY_SOURCE } from './base-vocabulary.data.js';
import { EMOTICONS } from './emoji-sentiment.data.js';
import { HashtagSegmenter } from './hashtag-segmenter.js';
import type { NormalizedText, TextNormalizerOptions } from './normalized-text.js';
import { parseSlangSource, SLANG_SOURCE } from './slang-map.data.js';

/** The built-in slang map (variant → standard form). */
export const SLANG_MAP: ReadonlyMap<string, string> = parseSlangSource(SLANG_SOURCE);

const BASE_VOCABULARY: readonly string[] = BASE_VOCABULARY_SOURCE.split(/\s+/).filter(Boolean);

// Groups: 1 URL, 2 number with separators, 3 emoticon, 4 hashtag/mention sigil, 5 its body, 6 word, 7 emoji, 8 punctuation.
const TOKEN_RE =
  /(https?:\/\/[^\s<>"'`]+|www\.[^\s<>"'`]+)|(\d+(?:[.,:/]\d+)+)|((?<![\p{L}\p{N}]):-?[()dDpP/]|;-?\)|:'\(|<\/?3|-_-|=[()])|([#@])([\p{L}\p{M}\p{N}_]+)|([\p{L}\p{M}\p{N}_]+(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(\p{Extended_Pictographic}(?:[\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic}|\u200D[\u2640\u2642])*)|([.,!?;:]|…)/gu;
// The same expression for plain-ASCII text (most posts without emoji): ASCII classes instead of Unicode
// properties, about twice as fast in V8. Group numbers are identical; there is no emoji group match.
const ASCII_TOKEN_RE =
  /(https?:\/\/[^\s<>"'`]+|www\.[^\s<>"'`]+)|(\d+(?:[.,:/]\d+)+)|((?<![A-Za-z0-9]):-?[()dDpP/]|;-?\)|:'\(|<\/?3|-_-|=[()])|([#@])([A-Za-z0-9_]+)|([A-Za-z0-9_]+(?:['\-][A-Za-z0-9]+)*)|(\x00(?!\x00)\x00)|([.,!?;:])/g;
const NON_ASCII_RE = /[^\x00-\x7f]/;
// E-mail addresses are dropped before tokenising (PII is masked upstream; this keeps them out of tokens).
// The cheap check (one character before '@') runs first: the full expression backtracks on every word.
const EMAIL_HINT_RE = /[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\./;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const EMOJI_STRIP_RE = /[\u{FE0F}\u{1F3FB}-\u{1F3FF}]/gu;
const UPPER_RE = /\p{Lu}/u;
const CAMEL_SPLIT_RE = /(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
const REDUP_RE = /^(\p{L}{2,})2$/u;
const TRIPLE_RE = /(\p{L})\1\1/u;
const DOUBLE_RE = /(\p{L})\1/u;
const RUN3_TO1_RE = /(\p{L})\1{2,}/gu;
const RUN3_TO2_RE = /(\p{L})\1{2,}/gu;
const RUN2_TO1_RE = /(\p{L})\1+/gu;
const LAUGH_RE = /^(?:(?:ha|he|hi|hu|xi|wk|kw|ak|ok|aw|wo){2,}[hkw]?|a?w[wk]*k[wk]*(?:ok|wk|kw)+\w*)$/;
const MAX_WORD_LENGTH = 48;
const EMOTICON_MAP = new Map(EMOTICONS);

type WordResult = string | readonly string[];
/** A word's normal form and, when it differs from the lower-cased word, that written form. */
interface WordEntry {
  out: WordResult;
  changed: string | null;
}

export class TextNormalizer {
  private readonly slang: Map<string, string>;
  private readonly known: Set<string>;
  private readonly segmenter: HashtagSegmenter;
  private readonly wordCache = new Map<string, WordEntry>();
  private readonly wordCacheLimit = 100_000;

  constructor(options: TextNormalizerOptions & { vocabulary?: Iterable<string> } = {}) {
    this.slang = new Map(SLANG_MAP);
    if (options.slangOverrides) {
      for (const [variant, target] of Object.entries(options.slangOverrides)) {
        const v = variant.normalize('NFKC').toLowerCase().trim();
        const t = target.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
        if (v && t && v !== t) this.slang.set(v, t);
        else if (v) this.slang.delete(v);
      }
    }
    this.known = new Set(BASE_VOCABULARY);
    for (const target of this.slang.values()) for (const w of target.split(' ')) this.known.add(w);
    for (const source of [options.vocabulary, options.extraVocabulary]) {
      if (!source) continue;
      for (const w of source) {
        const lw = w.toLowerCase();
        if (/^[\p{L}\p{N}-]+$/u.test(lw)) this.known.add(lw);
        else for (const part of lw.split(/[^\p{L}\p{N}-]+/u)) if (part.length > 1) this.known.add(part);
      }
    }
    // Hashtags may also be made of slang (#gakjelas): slang keys of 3+ letters count as words there.
    const segmentable = (w: string) => this.known.has(w) || (w.length >= 3 && this.slang.has(w));
    this.segmenter = new HashtagSegmenter(segmentable);
  }

  /** Whether a (lower-case) word is in the vocabulary (base words, slang targets, lexicon, extra words). */
  isKnownWord(word: string): boolean {
    return this.known.has(word);
  }

  normalize(input: string): NormalizedText {
    const out: NormalizedText = {
      tokens: [],
      hashtags: [],
      mentions: [],
      urls: [],
      emojis: [],
      boundaries: [],
      boundaryMarks: '',
      replaced: undefined,
      replacedAt: undefined,
    };
    if (typeof input !== 'string' || input.length === 0) return out;
    let text = input;
    let re = ASCII_TOKEN_RE;
    if (NON_ASCII_RE.test(text)) {
      re = TOKEN_RE;
      try {
        text = text.normalize('NFKC');
      } catch {
        // keep the raw text
      }
    }
    if (text.indexOf('@') >= 0 && EMAIL_HINT_RE.test(text)) text = text.replace(EMAIL_RE, ' ');
    const tokens = out.tokens;
    let marks = '';
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[6] !== undefined) {
        this.pushWord(m[6], out);
      } else if (m[8] !== undefined) {
        const mark = m[8] === '…' ? '.' : m[8];
        const at = tokens.length;
        const last = out.boundaries.length - 1;
        if (last >= 0 && out.boundaries[last] === at) {
          // '?!' or '...': keep the strongest mark for this position
          if (mark === '?' || (mark === '!' && marks[last] !== '?')) marks = marks.slice(0, last) + mark;
        } else {
          out.boundaries.push(at);
          marks += mark;
        }
      } else if (m[5] !== undefined) {
        const body = m[5];
        const lower = body.toLowerCase();
        if (m[4] === '#') {
          const tag = '#' + lower;
          out.hashtags.push(tag);
          tokens.push(tag);
          this.pushHashtagWords(body, lower, out);
        } else {
          const mention = '@' + lower;
          out.mentions.push(mention);
          tokens.push(mention);
        }
      } else if (m[7] !== undefined) {
        out.emojis.push(m[7].length > 1 ? m[7].replace(EMOJI_STRIP_RE, '') : m[7]);
      } else if (m[1] !== undefined) {
        const url = m[1].replace(/[.,!?;:)]+$/, '').toLowerCase();
        out.urls.push(url);
        tokens.push(url);
      } else if (m[2] !== undefined) {
        tokens.push(m[2]);
      } else if (m[3] !== undefined) {
        const emoji = EMOTICON_MAP.get(m[3].toLowerCase());
        if (emoji) out.emojis.push(emoji);
      }
    }
    out.boundaryMarks = marks;
    return out;
  }

  /** Normalise one word (no punctuation): the same repairs as in running text. */
  normalizeWord(raw: string): readonly string[] {
    const r = this.wordResult(raw);
    return typeof r === 'string' ? [r] : r;
  }

  private pushWord(raw: string, out: NormalizedText): void {
    const e = this.wordEntry(raw);
    const tokens = out.tokens;
    if (e.changed !== null) {
      (out.replaced ??= []).push(e.changed);
      (out.replacedAt ??= []).push(tokens.length);
    }
    const r = e.out;
    if (typeof r === 'string') tokens.push(r);
    else for (let i = 0; i < r.length; i++) tokens.push(r[i]);
  }

  private wordResult(raw: string): WordResult {
    return this.wordEntry(raw).out;
  }

  /** The normalised form of a word as written, memoised: one Map lookup for a word seen before. */
  private wordEntry(raw: string): WordEntry {
    const hit = this.wordCache.get(raw);
    if (hit !== undefined) return hit;
    const lower = raw.toLowerCase();
    if (lower.length > MAX_WORD_LENGTH) return { out: lower, changed: null };
    const result = this.repair(lower, 0);
    const entry: WordEntry = { out: result, changed: result === lower ? null : lower };
    if (this.wordCache.size >= this.wordCacheLimit) this.wordCache.clear();
    this.wordCache.set(raw, entry);
    return entry;
  }

  private repair(w: string, depth: number): WordResult {
    const slang = this.slang.get(w);
    if (slang !== undefined) return slang.indexOf(' ') >= 0 ? slang.split(' ') : slang;
    if (this.known.has(w) || depth > 2) return w;
    const c0 = w.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) return w; // numbers and codes stay as written
    if (LAUGH_RE.test(w)) return 'wkwk';
    const redup = REDUP_RE.exec(w);
    if (redup) {
      const base = this.repair(redup[1], depth + 1);
      const b = typeof base === 'string' ? base : base.join(' ');
      return b.indexOf(' ') >= 0 ? b : `${b}-${b}`;
    }
    const dash = w.indexOf('-');
    if (dash > 0 && dash === w.lastIndexOf('-')) {
      const a = this.repair(w.slice(0, dash), depth + 1);
      const b = this.repair(w.slice(dash + 1), depth + 1);
      if (typeof a === 'string' && typeof b === 'string') return `${a}-${b}`;
      return w;
    }
    if (TRIPLE_RE.test(w)) {
      const one = w.replace(RUN3_TO1_RE, '$1');
      if (this.known.has(one) || this.slang.has(one)) return this.repair(one, depth + 1);
      const two = w.replace(RUN3_TO2_RE, '$1$1');
      if (this.known.has(two) || this.slang.has(two)) return this.repair(two, depth + 1);
      const single = one.replace(RUN2_TO1_RE, '$1');
      if (this.known.has(single) || this.slang.has(single)) return this.repair(single, depth + 1);
      return this.repair(one, depth + 1);
    }
    if (DOUBLE_RE.test(w)) {
      const single = w.replace(RUN2_TO1_RE, '$1');
      if (single !== w && (this.known.has(single) || this.slang.has(single))) return this.repair(single, depth + 1);
    }
    if (w.length > 5 && w.endsWith('nya')) {
      const base = this.slang.get(w.slice(0, -3));
      if (base !== undefined && base.indexOf(' ') < 0) return base + 'nya';
    }
    return w;
  }

  private pushHashtagWords(body: string, lower: string, out: NormalizedText): void {
    let parts: readonly string[] | null = null;
    if (UPPER_RE.test(body) && body !== body.toUpperCase()) {
      // #BanjirSamarinda: the writer's capitals mark the words.
      const camel = body.split(CAMEL_SPLIT_RE);
      if (camel.length > 1) {
        const all: string[] = [];
        for (const piece of camel) {
          const lp = piece.toLowerCase();
          const seg = this.segmenter.segment(lp);
          if (seg) all.push(...seg);
          else all.push(lp);
        }
        parts = all;
      }
    }
    if (!parts) parts = this.segmenter.segment(lower);
    if (!parts) {
      if (lower.indexOf('_') >= 0) parts = lower.split('_').filter(Boolean);
      else parts = [lower];
    }
    for (const part of parts) this.pushWord(part, out);
  }
}
