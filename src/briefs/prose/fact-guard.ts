/**
 * What a rewording of a draft's sentence may not change: its figures (every number, percentage, time and date
 * digit group) and its names (places, OPD, months, sources — every capitalised word that does not merely open a
 * sentence). The guard compares the template text with the rewording and names what changed; an empty list means
 * the rewording states the same facts.
 */

const NUMBER = /\d+(?:[.,:/]\d+)*%?/gu;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]*/gu;
const SENTENCE_END = /[.!?:;]\s*$/u;

function numbers(text: string): Set<string> {
  return new Set(text.match(NUMBER) ?? []);
}

/** Capitalised words that are names, not just the first word of a sentence or of the text. */
function names(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word[0] === word[0].toLowerCase()) {
      continue;
    }
    const before = text.slice(0, match.index).trimEnd();
    const opensSentence = before === '' || SENTENCE_END.test(before) || /[\n(“"]$/u.test(before);
    const isAbbreviation = word.length > 1 && word === word.toUpperCase();
    if (!opensSentence || isAbbreviation) {
      found.add(word);
    }
  }
  return found;
}

/** Words of a text, lower-cased, for "does this name occur anywhere in the original". */
function wordsOf(text: string): Set<string> {
  return new Set((text.match(WORD) ?? []).map((word) => word.toLowerCase()));
}

/** Changes of facts from `original` to `rewritten`, in Indonesian (for the version note); empty when none. */
export function changedFacts(original: string, rewritten: string): string[] {
  const problems: string[] = [];
  const before = numbers(original);
  const after = numbers(rewritten);
  const lost = [...before].filter((n) => !after.has(n));
  const added = [...after].filter((n) => !before.has(n));
  if (lost.length > 0) {
    problems.push(`angka hilang: ${lost.join(', ')}`);
  }
  if (added.length > 0) {
    problems.push(`angka baru: ${added.join(', ')}`);
  }
  const originalWords = wordsOf(original);
  const rewrittenWords = wordsOf(rewritten);
  const lostNames = [...names(original)].filter((name) => !rewrittenWords.has(name.toLowerCase()));
  const addedNames = [...names(rewritten)].filter((name) => !originalWords.has(name.toLowerCase()));
  if (lostNames.length > 0) {
    problems.push(`nama hilang: ${lostNames.join(', ')}`);
  }
  if (addedNames.length > 0) {
    problems.push(`nama baru: ${addedNames.join(', ')}`);
  }
  return problems;
}
