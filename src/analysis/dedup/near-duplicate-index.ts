/**
 * Groups near-duplicate posts online: MinHash signatures bucketed by LSH bands, candidates verified by their
 * estimated Jaccard similarity. A post that matches an earlier one joins that post's group; otherwise it opens its
 * own group. Entries older than the window are forgotten, so memory follows the window, not the stream.
 */
import { estimateJaccard, minhashSignature } from './minhash.js';

export interface NearDuplicateOptions {
  /** Signature length; must be bands × rows. */
  bands: number;
  rows: number;
  /** Estimated Jaccard at or above which two posts are near-duplicates. */
  threshold: number;
  /** How long a post stays matchable (ms). */
  windowMs: number;
  /** Posts with fewer tokens are never grouped (short texts collide by chance). */
  minTokens: number;
}

export interface NearDuplicateMatch {
  /** Id of the group's first post (the post's own id when it opens a group). */
  groupId: string;
  /** True when the post joined an existing group. */
  duplicate: boolean;
  similarity: number;
}

interface Entry {
  id: string;
  groupId: string;
  at: number;
  sig: Uint32Array;
  bandKeys: number[];
}

const DEFAULTS: NearDuplicateOptions = { bands: 12, rows: 4, threshold: 0.6, windowMs: 6 * 3600_000, minTokens: 5 };

export class NearDuplicateIndex {
  private readonly opts: NearDuplicateOptions;
  private readonly buckets = new Map<number, Entry[]>();
  private readonly queue: Entry[] = [];
  private head = 0;

  constructor(options: Partial<NearDuplicateOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  get size(): number {
    return this.queue.length - this.head;
  }

  /** Adds a post (in roughly increasing time) and returns its group. */
  add(id: string, tokens: readonly string[], at: number): NearDuplicateMatch {
    this.expire(at);
    if (tokens.length < this.opts.minTokens) {
      return { groupId: id, duplicate: false, similarity: 0 };
    }
    const { bands, rows, threshold } = this.opts;
    const sig = minhashSignature(tokens, bands * rows);
    const bandKeys: number[] = new Array<number>(bands);
    let best: Entry | null = null;
    let bestSim = 0;
    const checked = new Set<Entry>();
    for (let b = 0; b < bands; b++) {
      let h = 0x811c9dc5 ^ b;
      for (let r = 0; r < rows; r++) {
        h ^= sig[b * rows + r];
        h = Math.imul(h, 0x01000193);
      }
      const key = h >>> 0;
      bandKeys[b] = key;
      const list = this.buckets.get(key);
      if (!list) {
        continue;
      }
      for (const entry of list) {
        if (checked.has(entry)) {
          continue;
        }
        checked.add(entry);
        const sim = estimateJaccard(sig, entry.sig);
        if (sim >= threshold && sim > bestSim) {
          best = entry;
          bestSim = sim;
        }
      }
    }
    const groupId = best ? best.groupId : id;
    const entry: Entry = { id, groupId, at, sig, bandKeys };
    for (const key of bandKeys) {
      const list = this.buckets.get(key);
      if (list) {
        list.push(entry);
      } else {
        this.buckets.set(key, [entry]);
      }
    }
    this.queue.push(entry);
    return { groupId, duplicate: best !== null, similarity: bestSim };
  }

  private expire(now: number): void {
    const limit = now - this.opts.windowMs;
    while (this.head < this.queue.length && this.queue[this.head].at < limit) {
      const old = this.queue[this.head++];
      for (const key of old.bandKeys) {
        const list = this.buckets.get(key);
        if (!list) {
          continue;
        }
        const i = list.indexOf(old);
        if (i >= 0) {
          list.splice(i, 1);
        }
        if (list.length === 0) {
          this.buckets.delete(key);
        }
      }
    }
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
