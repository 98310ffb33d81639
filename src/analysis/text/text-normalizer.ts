/**
 * Normalises Indonesian social-media text in one pass: NFKC (only when the text is not plain ASCII), a
 * hand-written scanner over character codes (URLs, numbers, emoticons, #tags/@mentions, words, emoji,
 * punctuation), and per-word repairs (slang, elongation, reduplication, laughter) memoised per word as written.
 * A word seen before is found by a hash of its characters computed while scanning, without cutting it out
 * of the text: no allocation and no second pass over its characters.
 *
 * Never throws: any input (empty, emoji-only, megabytes, control characters, lone surrogates, other
 * languages) yields a valid NormalizedText.
 */
import { BASE_VOCABULARY_SOURCE } from './base-vocabulary.data.js';
import { EMOTICONS } from './emoji-sentiment.data.js';
import { HashtagSegmenter } from './hashtag-segmenter.js';
import type { NormalizedText, TextNormalizerOptions } from './normalized-text.js';
import { parseSlangSource, SLANG_SOURCE } from './slang-map.data.js';
import { isRootWord, stemWord } from './stemmer-cache.js';
import { informalDictionary } from './indocollex/informal-dictionary.js';

/** The built-in slang map (variant → standard form). */
export const SLANG_MAP: ReadonlyMap<string, string> = parseSlangSource(SLANG_SOURCE);

const BASE_VOCABULARY: readonly string[] = BASE_VOCABULARY_SOURCE.split(/\s+/).filter(Boolean);

const NON_ASCII_RE = /[\u{80}-\u{10FFFF}]/u;
// E-mail addresses are dropped before tokenising (PII is masked upstream; this keeps them out of tokens).
// The cheap check (one character before '@') runs first: the full expression backtracks on every word.
const EMAIL_HINT_RE = /[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\./;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const EMOJI_STRIP_RE = /\u{FE0F}|[\u{1F3FB}-\u{1F3FF}]/gu;
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
const TABLE_MASK = (1 << 16) - 1;
/** At most half full: probes stay short. */
const TABLE_LIMIT = 1 << 15;

function sameChars(text: string, p: number, key: string): boolean {
  for (let k = 0; k < key.length; k++) {
    if (text.charCodeAt(p + k) !== key.charCodeAt(k)) {
      return false;
    }
  }
  return true;
}
const EMOTICON_MAP = new Map(EMOTICONS);
const URL_TRAIL_RE = /[.,!?;:)]+$/;

// Character classes of the hand-written scanner. ASCII through a table; other code points through Unicode
// property expressions, memoised per code point.
/** Starts or continues a word: a letter, mark, digit or '_'. */
const WORD = 1;
/** Continues a word after an apostrophe or hyphen: a letter, mark or digit (not '_'). */
const WORD_TAIL = 2;
const DIGIT = 4;
/** Letter or number: an emoticon such as ':p' right after one is not an emoticon ('ada:p'). */
const LETTER_OR_NUMBER = 8;
/** Ends a URL: whitespace and < > " ' `. */
const URL_STOP = 16;
const PUNCT = 32;
const EMOTICON_START = 64;
const PICT = 128;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let f = 0;
  if (/[A-Za-z0-9_]/.test(ch)) {
    f |= WORD;
  }
  if (/[A-Za-z0-9]/.test(ch)) {
    f |= WORD_TAIL | LETTER_OR_NUMBER;
  }
  if (/[0-9]/.test(ch)) {
    f |= DIGIT;
  }
  if (/[\s<>"'`]/.test(ch)) {
    f |= URL_STOP;
  }
  if (/[.,!?;:]/.test(ch)) {
    f |= PUNCT;
  }
  if (/[:;<\-=]/.test(ch)) {
    f |= EMOTICON_START;
  }
  ASCII_CLASS[c] = f;
}
const U_WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
const U_LN_RE = /^[\p{L}\p{N}]$/u;
const U_PICT_RE = /^\p{Extended_Pictographic}$/u;
const U_SPACE_RE = /^\s$/u;
const unicodeClasses = new Map<number, number>();

function unicodeClass(cp: number): number {
  let f = unicodeClasses.get(cp);
  if (f === undefined) {
    const ch = String.fromCodePoint(cp);
    f = 0;
    if (U_WORD_RE.test(ch)) {
      f |= WORD | WORD_TAIL;
    }
    if (U_LN_RE.test(ch)) {
      f |= LETTER_OR_NUMBER;
    }
    if (U_PICT_RE.test(ch)) {
      f |= PICT;
    }
    if (U_SPACE_RE.test(ch)) {
      f |= URL_STOP;
    }
    if (unicodeClasses.size < 65_536) {
      unicodeClasses.set(cp, f);
    }
  }
  return f;
}

/** Class of the code point starting at `i` (a lone surrogate has none). */
function codeClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) {
    return ASCII_CLASS[c];
  }
  return unicodeClass(text.codePointAt(i)!);
}

/** Length in code units of the code point at `i`. */
function cpLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      return 2;
    }
  }
  return 1;
}

/** `[\p{L}\p{M}\p{N}_]+` from `p`: its end (p when none). */
function scanTagBody(text: string, p: number): number {
  const n = text.length;
  let i = p;
  while (i < n && (codeClass(text, i) & WORD) !== 0) {
    i += cpLength(text, i);
  }
  return i;
}

/** `https?://…` or `www.…` followed by at least one character that is not whitespace or <>"'\`: its end, or 0. */
function scanUrl(text: string, p: number): number {
  let i: number;
  if (text.startsWith('http://', p)) {
    i = p + 7;
  } else if (text.startsWith('https://', p)) {
    i = p + 8;
  } else if (text.startsWith('www.', p)) {
    i = p + 4;
  } else {
    return 0;
  }
  const n = text.length;
  const start = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (ASCII_CLASS[c] & URL_STOP) !== 0 : isUnicodeSpace(c)) {
      break;
    }
    i++;
  }
  return i > start ? i : 0;
}

function isUnicodeSpace(c: number): boolean {
  return c >= 0x80 && (c < 0xd800 || c > 0xdfff) && (unicodeClass(c) & URL_STOP) !== 0;
}

/** `\d+(?:[.,:/]\d+)+` from `p`: its end, or 0 when there is no separator group. */
function scanNumber(text: string, p: number): number {
  const n = text.length;
  let i = p;
  while (i < n && isDigit(text.charCodeAt(i))) {
    i++;
  }
  let end = 0;
  while (i + 1 < n) {
    const s = text.charCodeAt(i);
    if (s !== 46 && s !== 44 && s !== 58 && s !== 47) {
      break;
    }
    if (!isDigit(text.charCodeAt(i + 1))) {
      break;
    }
    i += 2;
    while (i < n && isDigit(text.charCodeAt(i))) {
      i++;
    }
    end = i;
  }
  return end;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const FACE_MOUTH = new Set([40, 41, 100, 68, 112, 80, 47]); // ( ) d D p P /

/** Length of an emoticon at `p` (0 when none): :) :-( :D :p :/ ;) ;-) :'( <3 </3 -_- =( =). */
function emoticonLength(text: string, p: number, c: number): number {
  const c1 = p + 1 < text.length ? text.charCodeAt(p + 1) : -1;
  const c2 = p + 2 < text.length ? text.charCodeAt(p + 2) : -1;
  switch (c) {
    case 58: {
      if (!(p > 0 && (codeClass(text, prevCodePointStart(text, p)) & LETTER_OR_NUMBER) !== 0)) {
        if (c1 === 45 && FACE_MOUTH.has(c2)) {
          return 3;
        }
        if (FACE_MOUTH.has(c1)) {
          return 2;
        }
      }
      return c1 === 39 && c2 === 40 ? 3 : 0;
    }
    case 59:
      if (c1 === 45 && c2 === 41) {
        return 3;
      }
      return c1 === 41 ? 2 : 0;
    case 60:
      if (c1 === 51) {
        return 2;
      }
      return c1 === 47 && c2 === 51 ? 3 : 0;
    case 45:
      return c1 === 95 && c2 === 45 ? 3 : 0;
    case 61:
      return c1 === 40 || c1 === 41 ? 2 : 0;
  }
  return 0;
}

function prevCodePointStart(text: string, p: number): number {
  const d = text.charCodeAt(p - 1);
  if (d >= 0xdc00 && d <= 0xdfff && p >= 2) {
    const h = text.charCodeAt(p - 2);
    if (h >= 0xd800 && h <= 0xdbff) {
      return p - 2;
    }
  }
  return p - 1;
}

/** `\p{Extended_Pictographic}(?:[\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic}|\u200D[\u2640\u2642])*`. */
function scanEmoji(text: string, p: number): number {
  const n = text.length;
  let i = p + cpLength(text, p);
  while (i < n) {
    const cp = text.codePointAt(i)!;
    if (cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (cp === 0x200d && i + 1 < n) {
      const next = text.codePointAt(i + 1)!;
      if (next === 0x2640 || next === 0x2642 || (next >= 128 && (unicodeClass(next) & PICT) !== 0)) {
        i += 1 + (next > 0xffff ? 2 : 1);
        continue;
      }
    }
    break;
  }
  return i;
}

type WordResult = string | readonly string[];

/**
 * Negators that people glue to the next word, longest first: Indonesian chat forms and Malay 'tak'/'x' (as in
 * 'xsuka'). A negator at least as long as what follows it is not split ('gaji' stays, 'tkt' stays).
 */
const GLUED_NEGATORS = ['nggak', 'ngga', 'tidak', 'kagak', 'ndak', 'gak', 'tak', 'tdk', 'ga', 'gk', 'tk', 'x'];
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
  /** Front cache of wordCache keyed by the word's characters in the text (open addressing, linear probing). */
  private readonly tableKeys: (string | undefined)[] = new Array<string | undefined>(TABLE_MASK + 1).fill(undefined);
  private readonly tableValues: (WordEntry | undefined)[] = new Array<WordEntry | undefined>(TABLE_MASK + 1).fill(
    undefined,
  );
  private tableSize = 0;

  constructor(options: TextNormalizerOptions & { vocabulary?: Iterable<string> } = {}) {
    this.slang = new Map(SLANG_MAP);
    const removed = new Set<string>();
    if (options.slangOverrides) {
      for (const [variant, target] of Object.entries(options.slangOverrides)) {
        const v = variant.normalize('NFKC').toLowerCase().trim();
        const t = target.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
        if (v && t && v !== t) {
          this.slang.set(v, t);
        } else if (v) {
          this.slang.delete(v);
          removed.add(v);
        }
      }
    }
    this.known = new Set(BASE_VOCABULARY);
    for (const target of this.slang.values()) {
      for (const w of target.split(' ')) {
        this.known.add(w);
      }
    }
    for (const source of [options.vocabulary, options.extraVocabulary]) {
      if (!source) {
        continue;
      }
      for (const w of source) {
        const lw = w.toLowerCase();
        if (/^[\p{L}\p{N}-]+$/u.test(lw)) {
          this.known.add(lw);
        } else {
          for (const part of lw.split(/[^\p{L}\p{N}-]+/u)) {
            if (part.length > 1) {
              this.known.add(part);
            }
          }
        }
      }
    }
    if (options.informalDictionary !== false) {
      // IndoCollex (indocollex/informal-dictionary.ts): only where the hand-written map and the overrides say nothing,
      // and never for a word already known as standard.
      const handWritten = new Set(this.slang.keys());
      const knownOrHandWritten = (w: string) => this.known.has(w) || handWritten.has(w);
      for (const [informal, formal] of informalDictionary()) {
        // An elongated spelling of a word or variant we know ('bgttt', 'akuuu') is left to elongation repair.
        const once = informal.replace(/(.)\1+/g, '$1');
        const twice = informal.replace(/(.)\1{2,}/g, '$1$1');
        if (
          !LAUGH_RE.test(informal) &&
          !handWritten.has(informal) &&
          !removed.has(informal) &&
          !this.known.has(informal) &&
          !knownOrHandWritten(once) &&
          !knownOrHandWritten(twice)
        ) {
          this.slang.set(informal, formal);
        }
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
    if (typeof input !== 'string' || input.length === 0) {
      return out;
    }
    let text = input;
    if (NON_ASCII_RE.test(text)) {
      try {
        text = text.normalize('NFKC');
      } catch {
        // keep the raw text
      }
    }
    if (text.indexOf('@') >= 0 && EMAIL_HINT_RE.test(text)) {
      text = text.replace(EMAIL_RE, ' ');
    }
    const tokens = out.tokens;
    let marks = '';
    // One pass over the text, left to right. At each position the token kinds are tried in the order the former
    // tokenising expression had them (URL, number, emoticon, #tag/@mention, word, emoji, punctuation), so the
    // tokens are the same; a position where nothing starts is skipped.
    const n = text.length;
    let p = 0;
    while (p < n) {
      const c = text.charCodeAt(p);
      const f = c < 128 ? ASCII_CLASS[c] : 0;
      // URL: 'http://', 'https://', 'www.' (as written, lower case) and at least one character that ends none.
      if ((c === 104 || c === 119) && (f & WORD) !== 0) {
        const urlEnd = scanUrl(text, p);
        if (urlEnd > 0) {
          const url = text.slice(p, urlEnd).replace(URL_TRAIL_RE, '').toLowerCase();
          out.urls.push(url);
          tokens.push(url);
          p = urlEnd;
          continue;
        }
      }
      if ((f & DIGIT) !== 0) {
        const numEnd = scanNumber(text, p);
        if (numEnd > 0) {
          tokens.push(text.slice(p, numEnd));
          p = numEnd;
          continue;
        }
      }
      if ((f & WORD) !== 0 || (c >= 128 && (codeClass(text, p) & WORD) !== 0)) {
        p = this.scanAndPushWord(text, p, out);
        continue;
      }
      if (c < 128) {
        if ((f & EMOTICON_START) !== 0) {
          const len = emoticonLength(text, p, c);
          if (len > 0) {
            const emoji = EMOTICON_MAP.get(text.slice(p, p + len).toLowerCase());
            if (emoji) {
              out.emojis.push(emoji);
            }
            p += len;
            continue;
          }
        }
        if ((c === 35 || c === 64) && p + 1 < n) {
          const bodyEnd = scanTagBody(text, p + 1);
          if (bodyEnd > p + 1) {
            const body = text.slice(p + 1, bodyEnd);
            const lower = body.toLowerCase();
            if (c === 35) {
              const tag = '#' + lower;
              out.hashtags.push(tag);
              tokens.push(tag);
              this.pushHashtagWords(body, lower, out);
            } else {
              const mention = '@' + lower;
              out.mentions.push(mention);
              tokens.push(mention);
            }
            p = bodyEnd;
            continue;
          }
        }
        if ((f & PUNCT) !== 0) {
          marks = this.boundary(out, c === 46 ? '.' : text[p], marks);
        }
        p++;
        continue;
      }
      if (c === 0x2026) {
        marks = this.boundary(out, '.', marks);
        p++;
        continue;
      }
      if ((codeClass(text, p) & PICT) !== 0) {
        const end = scanEmoji(text, p);
        const e = text.slice(p, end);
        out.emojis.push(e.length > 1 ? e.replace(EMOJI_STRIP_RE, '') : e);
        p = end;
        continue;
      }
      p++;
    }
    out.boundaryMarks = marks;
    return out;
  }

  /** Records a clause boundary before the next token; '?!' or '...' keep the strongest mark for one position. */
  private boundary(out: NormalizedText, mark: string, marks: string): string {
    const at = out.tokens.length;
    const last = out.boundaries.length - 1;
    if (last >= 0 && out.boundaries[last] === at) {
      if (mark === '?' || (mark === '!' && marks[last] !== '?')) {
        return marks.slice(0, last) + mark;
      }
      return marks;
    }
    out.boundaries.push(at);
    return marks + mark;
  }

  /** Normalise one word (no punctuation): the same repairs as in running text. */
  normalizeWord(raw: string): readonly string[] {
    const r = this.wordResult(raw);
    return typeof r === 'string' ? [r] : r;
  }

  /**
   * Scans the word starting at `p` (`[\p{L}\p{M}\p{N}_]+(?:['’-][\p{L}\p{M}\p{N}]+)*`) while hashing its code units, finds its entry in an
   * open-addressing table without cutting the word out of the text, and pushes its tokens. Returns the word's end.
   * A word not in the table is cut out once and goes through `wordEntry`.
   */
  private scanAndPushWord(text: string, p: number, out: NormalizedText): number {
    const n = text.length;
    let i = p;
    let h = 0;
    for (;;) {
      // a run of word characters ('_' allowed only in the first run)
      const mask = i === p ? WORD : WORD_TAIL;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          if ((ASCII_CLASS[d] & mask) === 0) {
            break;
          }
          h = (Math.imul(h, 31) + d) | 0;
          i++;
        } else {
          const len = cpLength(text, i);
          if ((unicodeClass(text.codePointAt(i)!) & mask) === 0) {
            break;
          }
          h = (Math.imul(h, 31) + d) | 0;
          if (len === 2) {
            h = (Math.imul(h, 31) + text.charCodeAt(i + 1)) | 0;
          }
          i += len;
        }
      }
      if (i + 1 >= n) {
        break;
      }
      const sep = text.charCodeAt(i);
      if ((sep !== 39 && sep !== 45 && sep !== 0x2019) || (codeClass(text, i + 1) & WORD_TAIL) === 0) {
        break;
      }
      h = (Math.imul(h, 31) + sep) | 0;
      i++; // the run after the separator: WORD_TAIL characters only
    }
    const len = i - p;
    let entry: WordEntry | undefined;
    if (len <= MAX_WORD_LENGTH) {
      const keys = this.tableKeys;
      let slot = (h ^ (h >>> 15)) & TABLE_MASK;
      for (;;) {
        const key = keys[slot];
        if (key === undefined) {
          break;
        }
        if (key.length === len && sameChars(text, p, key)) {
          entry = this.tableValues[slot];
          break;
        }
        slot = (slot + 1) & TABLE_MASK;
      }
      if (entry === undefined) {
        const raw = text.slice(p, i);
        entry = this.wordEntry(raw);
        if (this.tableSize >= TABLE_LIMIT) {
          this.tableKeys.fill(undefined);
          this.tableValues.fill(undefined);
          this.tableSize = 0;
          slot = (h ^ (h >>> 15)) & TABLE_MASK;
        }
        keys[slot] = raw;
        this.tableValues[slot] = entry;
        this.tableSize++;
      }
    } else {
      entry = this.wordEntry(text.slice(p, i));
    }
    this.pushEntry(entry, out);
    return i;
  }

  private pushWord(raw: string, out: NormalizedText): void {
    this.pushEntry(this.wordEntry(raw), out);
  }

  private pushEntry(e: WordEntry, out: NormalizedText): void {
    const tokens = out.tokens;
    if (e.changed !== null) {
      (out.replaced ??= []).push(e.changed);
      (out.replacedAt ??= []).push(tokens.length);
    }
    const r = e.out;
    if (typeof r === 'string') {
      tokens.push(r);
    } else {
      for (let i = 0; i < r.length; i++) {
        tokens.push(r[i]);
      }
    }
  }

  private wordResult(raw: string): WordResult {
    return this.wordEntry(raw).out;
  }

  /** The normalised form of a word as written, memoised: one Map lookup for a word seen before. */
  private wordEntry(raw: string): WordEntry {
    const hit = this.wordCache.get(raw);
    if (hit !== undefined) {
      return hit;
    }
    const lower = raw.toLowerCase();
    if (lower.length > MAX_WORD_LENGTH) {
      return { out: lower, changed: null };
    }
    const result = this.repair(lower, 0);
    const entry: WordEntry = { out: result, changed: result === lower ? null : lower };
    if (this.wordCache.size >= this.wordCacheLimit) {
      this.wordCache.clear();
    }
    this.wordCache.set(raw, entry);
    return entry;
  }

  private repair(w: string, depth: number): WordResult {
    const slang = this.slang.get(w);
    if (slang !== undefined) {
      return slang.indexOf(' ') >= 0 ? slang.split(' ') : slang;
    }
    if (this.known.has(w) || depth > 2) {
      return w;
    }
    const c0 = w.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) {
      return w;
    } // numbers and codes stay as written
    if (LAUGH_RE.test(w)) {
      return 'wkwk';
    }
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
      if (typeof a === 'string' && typeof b === 'string') {
        return `${a}-${b}`;
      }
      return w;
    }
    if (TRIPLE_RE.test(w)) {
      const one = w.replace(RUN3_TO1_RE, '$1');
      if (this.known.has(one) || this.slang.has(one)) {
        return this.repair(one, depth + 1);
      }
      const two = w.replace(RUN3_TO2_RE, '$1$1');
      if (this.known.has(two) || this.slang.has(two)) {
        return this.repair(two, depth + 1);
      }
      const single = one.replace(RUN2_TO1_RE, '$1');
      if (this.known.has(single) || this.slang.has(single)) {
        return this.repair(single, depth + 1);
      }
      return this.repair(one, depth + 1);
    }
    if (DOUBLE_RE.test(w)) {
      const single = w.replace(RUN2_TO1_RE, '$1');
      if (single !== w && (this.known.has(single) || this.slang.has(single))) {
        return this.repair(single, depth + 1);
      }
    }
    if (w.length > 5 && w.endsWith('nya')) {
      const base = this.slang.get(w.slice(0, -3));
      if (base !== undefined && base.indexOf(' ') < 0) {
        return base + 'nya';
      }
    }
    return this.gluedNegation(w, depth) ?? w;
  }

  /**
   * A negator written together with the next word, common in chat and in Malay-influenced writing ('takfaham',
   * 'gabisa', 'tkmengerti', 'xsuka'): split into 'tidak' + the word when the word as written is unknown and not a
   * root word nor an affixed form of one ('gabungan', 'takbiran'), and what follows the negator is a word we know
   * (vocabulary, slang), a root word of 4+ letters, or an affixed form of one ('tak' + verb forms). The negation then
   * reaches the sentiment rules like a separate 'tidak'.
   */
  private gluedNegation(w: string, depth: number): readonly string[] | undefined {
    if (w.length < 5 || depth > 0 || isRootWord(w)) {
      return undefined;
    }
    const stem = stemWord(w);
    if (stem !== w && isRootWord(stem)) {
      return undefined; // an affixed form of a root word: 'gabungan', 'galaknya', 'takbiran'
    }
    for (const neg of GLUED_NEGATORS) {
      if (!w.startsWith(neg)) {
        continue;
      }
      const rest = w.slice(neg.length);
      if (rest.length < 3 || rest.length < neg.length) {
        continue;
      }
      // 'x' is a negator only in chat: what follows it must be a word the normaliser knows ('xtrans' is a name).
      const isWord =
        this.known.has(rest) ||
        this.slang.has(rest) ||
        (neg !== 'x' &&
          rest.length >= 4 &&
          (isRootWord(rest) || (rest.length >= 5 && stemWord(rest) !== rest && isRootWord(stemWord(rest)))));
      if (!isWord) {
        continue;
      }
      const r = this.repair(rest, depth + 1);
      return typeof r === 'string' ? ['tidak', r] : ['tidak', ...r];
    }
    return undefined;
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
          if (seg) {
            all.push(...seg);
          } else {
            all.push(lp);
          }
        }
        parts = all;
      }
    }
    if (!parts) {
      parts = this.segmenter.segment(lower);
    }
    if (!parts) {
      if (lower.indexOf('_') >= 0) {
        parts = lower.split('_').filter(Boolean);
      } else {
        parts = [lower];
      }
    }
    for (const part of parts) {
      this.pushWord(part, out);
    }
  }
}
