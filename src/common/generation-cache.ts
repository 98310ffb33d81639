/**
 * A bounded memo that forgets by generation instead of all at once: lookups hit the current map or the previous one
 * (a hit in the previous one moves the entry to the current one); when the current map reaches `capacity` it becomes
 * the previous one and the older generation is dropped. What is still in use survives a turnover, so a steady stream
 * never recomputes its whole working set at once (as a map cleared when full does). Holds at most 2 × capacity.
 */
export class GenerationCache<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** The cached value of `key`, computed by `make` (and kept) when neither generation has it. */
  get(key: K, make: (key: K) => V): V {
    let value = this.current.get(key);
    if (value !== undefined) {
      return value;
    }
    value = this.previous.get(key);
    if (value === undefined) {
      value = make(key);
    }
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
    return value;
  }
}
