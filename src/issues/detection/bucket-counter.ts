/**
 * In-memory bucket counts: per bucket and key, posts, distinct authors and distinct voices (authors with each
 * near-duplicate group counted once), plus a capped list of post numbers (postings) used to group bursting keys.
 * While a bucket is open the distinct counts are exact (sets); once the clock has moved past it, the sets are
 * dropped and only numbers remain, the same numbers the worker persists as BucketCountRow.
 */
import type { BucketCountRow, FeatureKind } from './detection.types.js';

export interface CountedKey {
  key: string;
  kind: FeatureKind;
}

const FROZEN = -2;
/** Shared by every cell without postings (restored count rows): no array per cell until a post is counted. */
const NO_POSTINGS: number[] = [];

export class CountCell {
  posts = 0;
  authors = 0;
  voices = 0;
  postings: number[] = NO_POSTINGS;
  private aFirst = -1;
  private aSet: Set<number> | null = null;
  private vFirst = -1;
  private vSet: Set<number> | null = null;

  add(author: number, voice: number, postSeq: number, postingCap: number): void {
    this.posts++;
    if (this.postings.length < postingCap) {
      if (this.postings === NO_POSTINGS) {
        this.postings = [];
      }
      this.postings.push(postSeq);
    }
    if (this.authors === 0) {
      this.aFirst = author;
      this.authors = 1;
    } else if (this.aSet) {
      if (!this.aSet.has(author)) {
        this.aSet.add(author);
        this.authors++;
      }
    } else if (this.aFirst === FROZEN) {
      this.authors++;
    } else if (this.aFirst !== author) {
      this.aSet = new Set([this.aFirst, author]);
      this.authors = 2;
    }
    if (this.voices === 0) {
      this.vFirst = voice;
      this.voices = 1;
    } else if (this.vSet) {
      if (!this.vSet.has(voice)) {
        this.vSet.add(voice);
        this.voices++;
      }
    } else if (this.vFirst === FROZEN) {
      this.voices++;
    } else if (this.vFirst !== voice) {
      this.vSet = new Set([this.vFirst, voice]);
      this.voices = 2;
    }
  }

  /** Drops the distinct sets; later (late) posts are then counted as new authors. */
  freeze(): void {
    this.aSet = null;
    this.vSet = null;
    this.aFirst = FROZEN;
    this.vFirst = FROZEN;
  }

  static fromCounts(posts: number, authors: number, voices: number): CountCell {
    const cell = new CountCell();
    cell.posts = posts;
    cell.authors = authors;
    cell.voices = voices;
    cell.freeze();
    return cell;
  }
}

export class CountBucket<K extends CountedKey> {
  readonly cells = new Map<K, CountCell>();
  posts = 0;
  voices = 0;
  frozen = false;
  /** Posts were counted here one by one (restored count rows carry no postings). */
  hasPostings = false;
  private voiceSet: Set<number> | null = new Set();

  constructor(
    readonly index: number,
    readonly start: number,
  ) {}

  countPost(voice: number): void {
    this.posts++;
    if (this.voiceSet) {
      if (!this.voiceSet.has(voice)) {
        this.voiceSet.add(voice);
        this.voices++;
      }
    } else {
      this.voices++;
    }
  }

  freeze(): void {
    if (this.frozen) {
      return;
    }
    this.frozen = true;
    this.voiceSet = null;
    for (const cell of this.cells.values()) {
      cell.freeze();
    }
  }
}

export class BucketCounter<K extends CountedKey> {
  private readonly buckets = new Map<number, CountBucket<K>>();
  private newest = -Infinity;

  constructor(
    readonly bucketMs: number,
    private readonly postingCap = 400,
  ) {}

  indexOf(time: number): number {
    return Math.floor(time / this.bucketMs);
  }

  get newestIndex(): number {
    return this.newest;
  }

  get(index: number): CountBucket<K> | undefined {
    return this.buckets.get(index);
  }

  bucketFor(index: number): CountBucket<K> {
    let bucket = this.buckets.get(index);
    if (!bucket) {
      bucket = new CountBucket<K>(index, index * this.bucketMs);
      this.buckets.set(index, bucket);
      if (index > this.newest) {
        // Buckets more than one behind the newest are closed: keep numbers only.
        for (const [i, b] of this.buckets) {
          if (i < index - 1) {
            b.freeze();
          }
        }
        this.newest = index;
      }
    }
    return bucket;
  }

  /** Counts one post: its voice in the bucket total and each of its keys. */
  add(index: number, keys: readonly K[], author: number, voice: number, postSeq: number): void {
    const bucket = this.bucketFor(index);
    bucket.countPost(voice);
    bucket.hasPostings = true;
    for (const k of keys) {
      let cell = bucket.cells.get(k);
      if (!cell) {
        cell = new CountCell();
        bucket.cells.set(k, cell);
      }
      cell.add(author, voice, postSeq, this.postingCap);
    }
  }

  /** Sets counts directly (restoring persisted rows, or benchmarks given counts). */
  setCounts(index: number, key: K, posts: number, authors: number, voices: number): void {
    const bucket = this.bucketFor(index);
    bucket.cells.set(key, CountCell.fromCounts(posts, authors, voices));
  }

  setTotals(index: number, posts: number, voices: number): void {
    const bucket = this.bucketFor(index);
    bucket.freeze();
    bucket.posts = posts;
    bucket.voices = voices;
  }

  /** Drops buckets before `index`. */
  evictBefore(index: number): void {
    for (const i of [...this.buckets.keys()]) {
      if (i < index) {
        this.buckets.delete(i);
      }
    }
  }

  /** Drops the postings of buckets before `index` (posts no longer held in memory). */
  dropPostingsBefore(index: number): void {
    for (const [i, b] of this.buckets) {
      if (i >= index || !b.hasPostings) {
        continue;
      }
      for (const cell of b.cells.values()) {
        if (cell.postings.length) {
          cell.postings = NO_POSTINGS;
        }
      }
      b.hasPostings = false;
    }
  }

  indices(): number[] {
    return [...this.buckets.keys()].sort((a, b) => a - b);
  }

  /** Plain rows for persistence (bucket totals appear under the key '*' with kind 'term'). */
  *rows(fromIndex = -Infinity): Generator<BucketCountRow> {
    for (const i of this.indices()) {
      if (i < fromIndex) {
        continue;
      }
      const b = this.buckets.get(i)!;
      yield { bucketStart: b.start, key: '*', kind: 'term', authors: b.voices, voices: b.voices, posts: b.posts };
      for (const [k, c] of b.cells) {
        yield { bucketStart: b.start, key: k.key, kind: k.kind, authors: c.authors, voices: c.voices, posts: c.posts };
      }
    }
  }
}
