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

export class KeyTable {
  /** Insertion order is kept (a Map): baselines are exported in the order keys were first seen. */
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private kinds = new Uint8Array(1024);
  private readonly freeIds: number[] = [];

  get size(): number {
    return this.ids.size;
  }

  /** One more than the largest id handed out: the length per-id columns need. */
  get idLimit(): number {
    return this.names.length;
  }

  idOf(key: string): number | undefined {
    return this.ids.get(key);
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
    }
    this.kinds[id] = KIND_CODE.get(kind) ?? 0;
    this.ids.set(key, id);
    return id;
  }

  /**
   * Forgets a key's name: a later `add` of the same key gets a new id. The old id keeps its name and kind (counts
   * still held under it export as before) until `release`.
   */
  retire(key: string): number | undefined {
    const id = this.ids.get(key);
    if (id !== undefined) {
      this.ids.delete(key);
    }
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

  /** [key, id] in the order keys were first seen. */
  entries(): IterableIterator<[string, number]> {
    return this.ids.entries();
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
