/**
 * The parsed sentiment lexicon: single words, multi-word phrases (indexed by their first word),
 * intensifiers/softeners, negators and contrast words. Pure data structures, built once.
 */
import { INTENSIFIERS_SOURCE, LEXICON_SOURCE } from './lexicon.data.js';

export interface Phrase {
  words: readonly string[];
  weight: number;
}

export interface ParsedLexicon {
  words: Map<string, number>;
  /** First word → phrases starting with it, longest first. */
  phrases: Map<string, Phrase[]>;
  modifiers: Map<string, number>;
  modifierPhrases: Map<string, Phrase[]>;
}

function parseWeighted(source: string, into: Map<string, number>, phrases: Map<string, Phrase[]>): void {
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) {
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) {
      continue;
    }
    const weight = Number(line.slice(0, colon));
    if (!Number.isFinite(weight)) {
      continue;
    }
    for (const entry of line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)) {
      addEntry(entry, weight, into, phrases);
    }
  }
}

export function addEntry(
  entry: string,
  weight: number,
  into: Map<string, number>,
  phrases: Map<string, Phrase[]>,
): void {
  const key = entry.trim().toLowerCase();
  if (!key) {
    return;
  }
  const words = key.split(/[_\s]+/).filter(Boolean);
  if (words.length === 1) {
    into.set(words[0], weight);
    return;
  }
  const list = phrases.get(words[0]) ?? [];
  const existing = list.findIndex((p) => p.words.join(' ') === words.join(' '));
  if (existing >= 0) {
    list.splice(existing, 1);
  }
  list.push({ words, weight });
  list.sort((a, b) => b.words.length - a.words.length);
  phrases.set(words[0], list);
}

let builtIn: ParsedLexicon | undefined;

/** The built-in lexicon (shared, do not mutate: copy with cloneLexicon first). */
export function builtInLexicon(): ParsedLexicon {
  if (!builtIn) {
    const words = new Map<string, number>();
    const phrases = new Map<string, Phrase[]>();
    parseWeighted(LEXICON_SOURCE, words, phrases);
    const modifiers = new Map<string, number>();
    const modifierPhrases = new Map<string, Phrase[]>();
    parseWeighted(INTENSIFIERS_SOURCE, modifiers, modifierPhrases);
    builtIn = { words, phrases, modifiers, modifierPhrases };
  }
  return builtIn;
}

export function cloneLexicon(lex: ParsedLexicon): ParsedLexicon {
  const phrases = new Map<string, Phrase[]>();
  for (const [k, v] of lex.phrases) {
    phrases.set(k, [...v]);
  }
  return { words: new Map(lex.words), phrases, modifiers: lex.modifiers, modifierPhrases: lex.modifierPhrases };
}

/** Number of entries (words + phrases) in a lexicon. */
export function lexiconSize(lex: ParsedLexicon): number {
  let n = lex.words.size;
  for (const list of lex.phrases.values()) {
    n += list.length;
  }
  return n;
}

export const NEGATORS: ReadonlySet<string> = new Set([
  'tidak',
  'bukan',
  'belum',
  'tanpa',
  'jangan',
  'tak',
  'bukannya',
  'tiada',
  'enggan',
]);
/** 'kurang ramah' = not quite friendly: a weaker negation. */
export const WEAK_NEGATORS: ReadonlySet<string> = new Set(['kurang', 'minim']);
export const CONTRAST_WORDS: ReadonlySet<string> = new Set([
  'tapi',
  'tetapi',
  'namun',
  'padahal',
  'sayangnya',
  'sedangkan',
  'melainkan',
  'walaupun',
  'meskipun',
  'biarpun',
]);
/** Contrast words whose own clause is the concession (the OTHER clause weighs more): 'walaupun mahal, enak'. */
export const CONCESSIVE_WORDS: ReadonlySet<string> = new Set(['walaupun', 'meskipun', 'biarpun', 'walau', 'meski']);
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'kapan',
  'kenapa',
  'mengapa',
  'kok',
  'mana',
  'bagaimana',
  'apakah',
  'masa',
]);
export const SARCASM_EMOJI: ReadonlySet<string> = new Set(['🙄', '🤡', '😒', '🤦', '🤦‍♂', '🤦‍♀', '😏']);
