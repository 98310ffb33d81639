/**
 * Splits a hashtag body into known words: 'banjirsamarinda' → ['banjir', 'samarinda'].
 * Dynamic programming over positions, fewest words wins (ties: the split whose words are longer first);
 * digit runs are words of their own. Returns null when the body cannot be covered by known words.
 */
const MAX_WORD = 24;
const MAX_BODY = 80;

export class HashtagSegmenter {
  private readonly cache = new Map<string, readonly string[] | null>();

  constructor(
    private readonly isKnown: (word: string) => boolean,
    private readonly cacheLimit = 20_000,
  ) {}

  segment(body: string): readonly string[] | null {
    const cached = this.cache.get(body);
    if (cached !== undefined) {
      return cached;
    }
    const result = body.length > MAX_BODY ? null : this.compute(body);
    if (this.cache.size >= this.cacheLimit) {
      this.cache.clear();
    }
    this.cache.set(body, result);
    return result;
  }

  private compute(body: string): readonly string[] | null {
    const n = body.length;
    // cost[i]: fewest words covering body[0, i); from[i]: start of the last word.
    const cost = new Array<number>(n + 1).fill(Infinity);
    const from = new Array<number>(n + 1).fill(-1);
    cost[0] = 0;
    for (let i = 0; i < n; i++) {
      if (cost[i] === Infinity) {
        continue;
      }
      const c = body.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        let j = i + 1;
        while (j < n && body.charCodeAt(j) >= 48 && body.charCodeAt(j) <= 57) {
          j++;
        }
        if (cost[i] + 1 < cost[j]) {
          cost[j] = cost[i] + 1;
          from[j] = i;
        }
        continue;
      }
      const end = Math.min(n, i + MAX_WORD);
      for (let j = i + 2; j <= end; j++) {
        if (cost[i] + 1 < cost[j] && this.isKnown(body.slice(i, j))) {
          cost[j] = cost[i] + 1;
          from[j] = i;
        }
      }
    }
    if (cost[n] === Infinity) {
      return null;
    }
    const words: string[] = [];
    for (let j = n; j > 0; j = from[j]) {
      words.push(body.slice(from[j], j));
    }
    return words.reverse();
  }
}
