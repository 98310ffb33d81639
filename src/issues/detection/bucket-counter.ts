/**
 * In-memory bucket counts: per bucket and key (an id from KeyTable), posts, distinct authors and distinct voices
 * (authors with each near-duplicate group counted once), plus a capped list of post numbers (postings) used to group
 * bursting keys.
 *
 * While a bucket is open, keys are counted post by post with exact distinct sets (`ExactCell`). Once the clock has
 * moved past it, the bucket is frozen into columns: key ids sorted ascending (binary search) beside Int32Array
 * voices, authors, posts and insertion ranks, the same numbers the worker persists as BucketCountRow, and no object
 * per key. Restored rows go straight into columns. Postings exist only for buckets whose posts were ingested, and
 * are dropped once those posts leave memory.
 *
 * The insertion rank is the order in which a key was first counted in the bucket (what a Map would iterate): the
 * pass reports bursting keys in that order and exported rows follow it, so issue formation sees keys in the order it
 * always did.
 */
import type { BucketCountRow, FeatureKind } from './detection.types.js';
import { grownFloat64 } from './key-table.js';

const NO_IDS = new Int32Array(0);

/** A key counted post by post while its bucket is open: distinct authors and voices are exact. */
class ExactCell {
  posts = 0;
  authors = 0;
  voices = 0;
  private aFirst = -1;
  private aSet: Set<number> | null = null;
  private vFirst = -1;
  private vSet: Set<number> | null = null;

  constructor(readonly rank: number) {}

  add(author: number, voice: number): void {
    this.posts++;
    if (this.authors === 0) {
      this.aFirst = author;
      this.authors = 1;
    } else if (this.aSet) {
      if (!this.aSet.has(author)) {
        this.aSet.add(author);
        this.authors++;
      }
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
    } else if (this.vFirst !== voice) {
      this.vSet = new Set([this.vFirst, voice]);
      this.voices = 2;
    }
  }
}

/** Counts of a bucket's keys in parallel arrays, sorted by key id when they are a bucket's frozen columns. */
export interface KeyColumns {
  readonly length: number;
  readonly ids: Int32Array;
  readonly voices: Int32Array;
  readonly authors: Int32Array;
  readonly posts: Int32Array;
  readonly ranks: Int32Array;
}

function emptyColumns(): KeyColumns {
  return { length: 0, ids: NO_IDS, voices: NO_IDS, authors: NO_IDS, posts: NO_IDS, ranks: NO_IDS };
}

function allocColumns(length: number): KeyColumns {
  return {
    length,
    ids: new Int32Array(length),
    voices: new Int32Array(length),
    authors: new Int32Array(length),
    posts: new Int32Array(length),
    ranks: new Int32Array(length),
  };
}

function copyEntry(from: KeyColumns, i: number, to: KeyColumns, j: number): void {
  to.ids[j] = from.ids[i];
  to.voices[j] = from.voices[i];
  to.authors[j] = from.authors[i];
  to.posts[j] = from.posts[i];
  to.ranks[j] = from.ranks[i];
}

/**
 * Merges two id-sorted column sets. On an id present in both, `update`'s numbers win and `base`'s rank is kept (a
 * Map keeps a replaced key's position).
 */
function mergeColumns(base: KeyColumns, update: KeyColumns): KeyColumns {
  if (base.length === 0) {
    return update;
  }
  const out = allocColumns(base.length + update.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < base.length || j < update.length) {
    if (j === update.length || (i < base.length && base.ids[i] < update.ids[j])) {
      copyEntry(base, i++, out, n++);
    } else if (i === base.length || update.ids[j] < base.ids[i]) {
      copyEntry(update, j++, out, n++);
    } else {
      copyEntry(update, j++, out, n);
      out.ranks[n++] = base.ranks[i++];
    }
  }
  return n === out.length ? out : sliceColumns(out, n);
}

function sliceColumns(c: KeyColumns, length: number): KeyColumns {
  return {
    length,
    ids: c.ids.slice(0, length),
    voices: c.voices.slice(0, length),
    authors: c.authors.slice(0, length),
    posts: c.posts.slice(0, length),
    ranks: c.ranks.slice(0, length),
  };
}

/** Position of `id` in the sorted `ids[0, length)`, or -1. */
function findId(ids: Int32Array, length: number, id: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid];
    if (v < id) {
      lo = mid + 1;
    } else if (v > id) {
      hi = mid - 1;
    } else {
      return mid;
    }
  }
  return -1;
}

export class CountBucket {
  posts = 0;
  voices = 0;
  frozen = false;
  /** Posts were counted here one by one (restored count rows carry no postings). */
  hasPostings = false;
  private voiceSet: Set<number> | null = new Set();
  /** Keys whose distinct sets were dropped (or that were restored from rows): numbers only, sorted by id. */
  private columns: KeyColumns = emptyColumns();
  /** Keys counted post by post and not frozen yet (all keys of an open bucket; keys first seen late in a frozen one). */
  private exact: Map<number, ExactCell> | null = null;
  /** Rows set directly, as flat [id, posts, authors, voices] quadruples; merged into the columns before any read. */
  private pending: number[] | null = null;
  private postings: Map<number, number[]> | null = null;
  private nextRank = 0;

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

  /** Counts one post's key. A frozen key counts every late post as a new author and voice (its sets are gone). */
  addKey(id: number, author: number, voice: number, postSeq: number, postingCap: number): void {
    this.settle();
    const at = findId(this.columns.ids, this.columns.length, id);
    if (at >= 0) {
      this.columns.posts[at]++;
      this.columns.authors[at]++;
      this.columns.voices[at]++;
    } else {
      this.exact ??= new Map();
      let cell = this.exact.get(id);
      if (!cell) {
        cell = new ExactCell(this.nextRank++);
        this.exact.set(id, cell);
      }
      cell.add(author, voice);
    }
    this.postings ??= new Map();
    let list = this.postings.get(id);
    if (!list) {
      this.postings.set(id, (list = []));
    }
    if (list.length < postingCap) {
      list.push(postSeq);
    }
  }

  /** Sets a key's numbers (a restored row); replaces whatever the bucket counted for it, postings included. */
  setCounts(id: number, posts: number, authors: number, voices: number): void {
    (this.pending ??= []).push(id, posts, authors, voices);
  }

  freeze(): void {
    if (this.frozen) {
      return;
    }
    this.frozen = true;
    this.voiceSet = null;
    this.settle();
    if (this.exact && this.exact.size > 0) {
      this.columns = mergeColumns(this.columns, exactColumns(this.exact));
    }
    this.exact = null;
  }

  /** Distinct voices of the key in this bucket (0 when absent). */
  voicesOf(id: number): number {
    this.settle();
    const at = findId(this.columns.ids, this.columns.length, id);
    if (at >= 0) {
      return this.columns.voices[at];
    }
    return this.exact?.get(id)?.voices ?? 0;
  }

  /** Post numbers counted under the key here (capped), oldest first; empty without postings. */
  postingsOf(id: number): readonly number[] {
    return this.postings?.get(id) ?? [];
  }

  dropPostings(): void {
    this.postings = null;
    this.hasPostings = false;
  }

  /**
   * Every key of the bucket with its numbers. The frozen columns themselves when no key is counted post by post (no
   * copy: the pass over a restored window reads them in place); otherwise a copy that appends the exact cells.
   */
  keyColumns(): KeyColumns {
    this.settle();
    if (!this.exact || this.exact.size === 0) {
      return this.columns;
    }
    const open = exactColumns(this.exact);
    const all = allocColumns(this.columns.length + open.length);
    for (let i = 0; i < this.columns.length; i++) {
      copyEntry(this.columns, i, all, i);
    }
    for (let i = 0; i < open.length; i++) {
      copyEntry(open, i, all, this.columns.length + i);
    }
    return all;
  }

  /** Plain rows: the bucket total under the key '*' (kind 'term'), then the keys in the order they were first counted. */
  *rows(keyOf: (id: number) => string, kindOf: (id: number) => FeatureKind): Generator<BucketCountRow> {
    const start = this.start;
    yield { bucketStart: start, key: '*', kind: 'term', authors: this.voices, voices: this.voices, posts: this.posts };
    const cols = this.keyColumns();
    for (const i of positionsByRank(cols)) {
      const id = cols.ids[i];
      const key = keyOf(id);
      yield {
        bucketStart: start,
        key,
        kind: kindOf(id),
        authors: cols.authors[i],
        voices: cols.voices[i],
        posts: cols.posts[i],
      };
    }
  }

  /** Merges the rows set since the last read into the columns (last row of a key wins, as with Map.set). */
  settle(): void {
    const pending = this.pending;
    if (!pending) {
      return;
    }
    this.pending = null;
    const update = this.pendingColumns(pending);
    this.columns = mergeColumns(this.columns, update);
  }

  /** The pending rows as id-sorted columns, one entry per key, with the rank a Map would give it. */
  private pendingColumns(pending: number[]): KeyColumns {
    const n = pending.length / 4;
    // Sort (id, row order) pairs packed in one double: id·n + row, exact below 2^53 for any realistic id and n.
    const order = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      order[r] = pending[4 * r] * n + r;
    }
    order.sort();
    const out = allocColumns(n);
    const rankBase = this.nextRank;
    let m = 0;
    for (let s = 0; s < n; s++) {
      const row = order[s] % n;
      const id = pending[4 * row];
      const first = m > 0 && out.ids[m - 1] === id ? -1 : row;
      const at = first < 0 ? m - 1 : m++;
      out.ids[at] = id;
      out.posts[at] = pending[4 * row + 1];
      out.authors[at] = pending[4 * row + 2];
      out.voices[at] = pending[4 * row + 3];
      if (first >= 0) {
        // A key counted post by post keeps its position; a new key is ranked by its first row. Either way the row
        // replaces what was counted, postings included.
        const cell = this.exact?.get(id);
        out.ranks[at] = cell ? cell.rank : rankBase + first;
        this.exact?.delete(id);
        this.postings?.delete(id);
      }
    }
    this.nextRank = rankBase + n;
    return m === n ? out : sliceColumns(out, m);
  }
}

/** The exact cells as id-sorted columns. */
function exactColumns(exact: Map<number, ExactCell>): KeyColumns {
  const ids = Int32Array.from(exact.keys()).sort();
  const out = allocColumns(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const cell = exact.get(ids[i])!;
    out.ids[i] = ids[i];
    out.voices[i] = cell.voices;
    out.authors[i] = cell.authors;
    out.posts[i] = cell.posts;
    out.ranks[i] = cell.rank;
  }
  return out;
}

/** Positions of `cols` ordered by insertion rank. */
function positionsByRank(cols: KeyColumns): number[] {
  const order = new Float64Array(cols.length);
  for (let i = 0; i < cols.length; i++) {
    order[i] = cols.ranks[i] * cols.length + i;
  }
  order.sort();
  return Array.from(order, (x) => x % cols.length);
}

export class BucketCounter {
  private readonly buckets = new Map<number, CountBucket>();
  private newest = -Infinity;
  /** Newest bucket each key id was counted in (a key still counted somewhere must not be forgotten). */
  private lastCounted = new Float64Array(1024).fill(-Infinity);
  /** The bucket `setCounts` last wrote to. */
  private restoring: CountBucket | null = null;

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

  get(index: number): CountBucket | undefined {
    return this.buckets.get(index);
  }

  bucketFor(index: number): CountBucket {
    let bucket = this.buckets.get(index);
    if (!bucket) {
      bucket = new CountBucket(index, index * this.bucketMs);
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
  add(index: number, keys: readonly { id: number }[], author: number, voice: number, postSeq: number): void {
    const bucket = this.bucketFor(index);
    bucket.countPost(voice);
    bucket.hasPostings = true;
    for (const k of keys) {
      bucket.addKey(k.id, author, voice, postSeq, this.postingCap);
      this.noteCounted(k.id, index);
    }
  }

  /**
   * Sets counts directly (restoring persisted rows, or benchmarks given counts). Rows come bucket by bucket: a
   * bucket's rows are merged into its columns when rows for another bucket begin (or at `settleRestored`), so the
   * pass does not pay for the restore.
   */
  setCounts(index: number, keyId: number, posts: number, authors: number, voices: number): void {
    const bucket = this.bucketFor(index);
    if (bucket !== this.restoring) {
      this.restoring?.settle();
      this.restoring = bucket;
    }
    bucket.setCounts(keyId, posts, authors, voices);
    this.noteCounted(keyId, index);
  }

  /** Merges the rows of the last restored bucket (the end of a restore). */
  settleRestored(): void {
    this.restoring?.settle();
    this.restoring = null;
  }

  setTotals(index: number, posts: number, voices: number): void {
    const bucket = this.bucketFor(index);
    bucket.freeze();
    bucket.posts = posts;
    bucket.voices = voices;
  }

  /** Voices of the key in bucket `index` (0 when the bucket or the key is absent). */
  voicesOf(index: number, keyId: number): number {
    return this.buckets.get(index)?.voicesOf(keyId) ?? 0;
  }

  /** Post numbers of the key in bucket `index`; empty when that bucket holds no postings. */
  postingsOf(index: number, keyId: number): readonly number[] {
    const bucket = this.buckets.get(index);
    return bucket?.hasPostings ? bucket.postingsOf(keyId) : [];
  }

  /** Newest bucket the key was counted in (-Infinity when never, or forgotten). */
  lastCountedIn(keyId: number): number {
    return keyId < this.lastCounted.length ? this.lastCounted[keyId] : -Infinity;
  }

  /** Forgets that the key was counted (its id is about to be reused). */
  forget(keyId: number): void {
    if (keyId < this.lastCounted.length) {
      this.lastCounted[keyId] = -Infinity;
    }
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
      if (i < index && b.hasPostings) {
        b.dropPostings();
      }
    }
  }

  indices(): number[] {
    return [...this.buckets.keys()].sort((a, b) => a - b);
  }

  /** Plain rows for persistence (bucket totals appear under the key '*' with kind 'term'). */
  *rows(
    keyOf: (id: number) => string,
    kindOf: (id: number) => FeatureKind,
    fromIndex = -Infinity,
  ): Generator<BucketCountRow> {
    for (const i of this.indices()) {
      if (i >= fromIndex) {
        yield* this.buckets.get(i)!.rows(keyOf, kindOf);
      }
    }
  }

  private noteCounted(keyId: number, index: number): void {
    if (keyId >= this.lastCounted.length) {
      this.lastCounted = grownFloat64(this.lastCounted, keyId + 1, -Infinity);
    }
    if (index > this.lastCounted[keyId]) {
      this.lastCounted[keyId] = index;
    }
  }
}
