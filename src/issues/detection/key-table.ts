/**
 * Interned feature keys: each key string gets a small integer id once, so that counts and baselines can live in
 * typed-array columns indexed by id instead of one object per key (a day of a busy stream holds ~1 M keys, and the
 * garbage collector walking one object each was most of a detection pass).
 *
 * Ids of forgotten keys are reused once released; whoever keeps per-id columns resets them when `add` hands out an id.
 */
import type { FeatureKind } from './detection.types.js';

const KINDS: readonly FeatureKind[] = ['term', 'bigram', 'trigram', 'hashtag', 'place', 'topic'];
const KIND_CODE = new Map<FeatureKind, number>(KINDS.map((k, i) => [k, i]));

/** 32-bit hash of a key's UTF-16 code units (FNV-1a, then a finalising mix so that the low bits spread). */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A slot of the hash table that held a key since retired (probing goes on past it). */
const TOMBSTONE = -1;

export class KeyTable {
  /**
   * Open addressing with linear probing over [hash, id + 1] pairs (0: empty, TOMBSTONE: retired). A lookup compares
   * the stored 32-bit hashes first and reads a key's string only when its hash matches: one cache line for the probe,
   * then the name (a `Map` of a million strings costs several misses per lookup, which was most of a restore).
   */
  private slots = new Int32Array(2 * 2048);
  private mask = 2047;
  private used = 0;
  private live = 0;
  private readonly names: string[] = [];
  private kinds = new Uint8Array(1024);
  private readonly freeIds: number[] = [];
  /**
   * Ids in the order they were added (a `Map`'s iteration order): an id's entry counts while the id is live and
   * `addedAt[id]` points back at it (a retired id, or one reused later, leaves stale entries, compacted away).
   */
  private order = new Int32Array(1024);
  private orderLength = 0;
  private addedAt = new Int32Array(1024).fill(-1);

  get size(): number {
    return this.live;
  }

  /** One more than the largest id handed out: the length per-id columns need. */
  get idLimit(): number {
    return this.names.length;
  }

  idOf(key: string): number | undefined {
    const slot = this.slotOf(key);
    return slot < 0 ? undefined : this.slots[2 * slot + 1] - 1;
  }

  /** Interns a key that is not in the table yet (the caller checked with `idOf`) and returns its id. */
  add(key: string, kind: FeatureKind): number {
    const id = this.freeIds.pop() ?? this.names.length;
    if (id === this.names.length) {
      this.names.push(key);
    } else {
      this.names[id] = key;
    }
    if (id >= this.kinds.length) {
      const grown = new Uint8Array(this.kinds.length * 2);
      grown.set(this.kinds);
      this.kinds = grown;
      const addedAt = new Int32Array(this.kinds.length).fill(-1);
      addedAt.set(this.addedAt);
      this.addedAt = addedAt;
    }
    this.kinds[id] = KIND_CODE.get(kind) ?? 0;
    if ((this.used + 1) * 2 > this.mask + 1) {
      this.rehash(this.live + 1);
    }
    this.insert(hashKey(key), id);
    this.used++;
    this.live++;
    if (this.orderLength === this.order.length) {
      this.compactOrder();
    }
    this.addedAt[id] = this.orderLength;
    this.order[this.orderLength++] = id;
    return id;
  }

  /**
   * Forgets a key's name: a later `add` of the same key gets a new id. The old id keeps its name and kind (counts
   * still held under it export as before) until `release`.
   */
  retire(key: string): number | undefined {
    const slot = this.slotOf(key);
    if (slot < 0) {
      return undefined;
    }
    const id = this.slots[2 * slot + 1] - 1;
    this.slots[2 * slot + 1] = TOMBSTONE;
    this.live--;
    this.addedAt[id] = -1;
    return id;
  }

  /** Hands a retired id back for reuse. */
  release(id: number): void {
    this.names[id] = '';
    this.freeIds.push(id);
  }

  keyOf(id: number): string {
    return this.names[id];
  }

  kindOf(id: number): FeatureKind {
    return KINDS[this.kinds[id]];
  }

  /** [key, id] in the order keys were first seen (keys retired while iterating are skipped once passed over). */
  *entries(): IterableIterator<[string, number]> {
    for (let p = 0; p < this.orderLength; p++) {
      const id = this.order[p];
      if (this.addedAt[id] === p) {
        yield [this.names[id], id];
      }
    }
  }

  /** The slot holding `key` (linear probing over [hash, id + 1] pairs; 0 ends a probe), or -1. */
  private slotOf(key: string): number {
    const h = hashKey(key);
    const slots = this.slots;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const stored = slots[2 * i + 1];
      if (stored === 0) {
        return -1;
      }
      if (stored > 0 && slots[2 * i] === h && this.names[stored - 1] === key) {
        return i;
      }
    }
  }

  private insert(h: number, id: number): void {
    const slots = this.slots;
    let i = h & this.mask;
    while (slots[2 * i + 1] !== 0) {
      i = (i + 1) & this.mask;
    }
    slots[2 * i] = h;
    slots[2 * i + 1] = id + 1;
  }

  /** A table for at least `keys` live keys at most a quarter full, without tombstones. */
  private rehash(keys: number): void {
    const old = this.slots;
    let size = 2048;
    while (size < 4 * keys) {
      size *= 2;
    }
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] > 0) {
        this.insert(old[i], old[i + 1] - 1);
      }
    }
    this.used = this.live;
  }

  /** Drops stale entries of `order`, growing it when most entries are live. */
  private compactOrder(): void {
    let n = 0;
    for (let p = 0; p < this.orderLength; p++) {
      const id = this.order[p];
      if (this.addedAt[id] === p) {
        this.addedAt[id] = n;
        this.order[n++] = id;
      }
    }
    this.orderLength = n;
    if (n * 2 > this.order.length) {
      const grown = new Int32Array(this.order.length * 2);
      grown.set(this.order.subarray(0, n));
      this.order = grown;
    }
  }
}

/** A copy of `array` with room for `length` elements (doubling), filled with `fill` beyond the old end. */
export function grownFloat64(array: Float64Array<ArrayBuffer>, length: number, fill = 0): Float64Array<ArrayBuffer> {
  if (length <= array.length) {
    return array;
  }
  let size = Math.max(1, array.length);
  while (size < length) {
    size *= 2;
  }
  const grown = new Float64Array(size);
  grown.set(array);
  if (fill !== 0) {
    grown.fill(fill, array.length);
  }
  return grown;
}
