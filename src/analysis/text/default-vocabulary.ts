/**
 * Words the default normaliser knows besides its base vocabulary and slang targets: the sentiment
 * lexicon's entries (data only, no sentiment logic is imported).
 */
import { LEXICON_SOURCE } from '../sentiment/lexicon.data.js';

let words: readonly string[] | undefined;

export function defaultVocabulary(): readonly string[] {
  if (!words) {
    const list: string[] = [];
    for (const line of LEXICON_SOURCE.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0 || line.trimStart().startsWith('#')) {
        continue;
      }
      for (const w of line
        .slice(colon + 1)
        .trim()
        .split(/\s+/)) {
        if (w && w.indexOf('_') < 0) {
          list.push(w);
        }
      }
    }
    words = list;
  }
  return words;
}
