/**
 * natural's Indonesian stemmer (Sastrawi-style, StemmerId) behind a bounded cache: each distinct word is
 * stemmed once. Use `stem(word)` on single normalised words. Never use natural's tokenizeAndStem for
 * sentiment: it drops stopwords, negations among them.
 */
// Same object as natural.StemmerId (see natural-stemmer-id.d.ts for why it is imported by path).
import StemmerId from 'natural/lib/natural/stemmers/indonesian/stemmer_id.js';

export class StemmerCache {
  private readonly cache = new Map<string, string>();

  constructor(private readonly limit = 100_000) {}

  stem(word: string): string {
    const hit = this.cache.get(word);
    if (hit !== undefined) {
      return hit;
    }
    let stemmed = word;
    // Only plain lower-case letter words are worth stemming; hashtags, mentions, numbers and URLs stay as they are.
    if (word.length > 3 && word.length <= 40 && /^[a-z]+$/.test(word)) {
      try {
        stemmed = StemmerId.stem(word) || word;
      } catch {
        stemmed = word;
      }
    }
    if (this.cache.size >= this.limit) {
      this.cache.clear();
    }
    this.cache.set(word, stemmed);
    return stemmed;
  }

  get size(): number {
    return this.cache.size;
  }
}

const shared = new StemmerCache();

let roots: ReadonlySet<string> | undefined;

/** Whether a lower-case word is a root word of the stemmer's dictionary (Sastrawi's kata dasar, ≈ 29,000 words). */
export function isRootWord(word: string): boolean {
  roots ??= new Set(StemmerId.dictionary);
  return roots.has(word);
}

/** Stem one normalised word with the process-wide cache. */
export function stemWord(word: string): string {
  return shared.stem(word);
}
