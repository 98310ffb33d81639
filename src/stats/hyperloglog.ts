/**
 * A HyperLogLog sketch of distinct authors, mergeable across hours and keys (register-wise maximum).
 * Pure: the ingest side (RollupWriter) builds and merges sketches per batch, the stats side merges them per query.
 *
 * Precision 12: 4,096 one-byte registers, standard error 1.04 / √4096 ≈ 1.6 % (measured in docs/stats.md).
 * Stored form (bytea): byte 0 = format (0 dense, 1 sparse), byte 1 = precision, then either the 4,096 registers
 * (dense) or (index: uint16 big-endian, value: uint8) triples in index order (sparse), whichever is smaller; most
 * hour × key cells see few authors, so most sketches are sparse and a few dozen bytes, in storage and in memory.
 */
import { hash } from 'node:crypto';

export const HLL_PRECISION = 12;
const REGISTERS = 1 << HLL_PRECISION;
const DENSE = 0;
const SPARSE = 1;
/** Bias correction for m ≥ 128 (Flajolet et al. 2007). */
const ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

/** The 64-bit hash of an author as two 32-bit halves; computed once per post and added to several sketches. */
export interface AuthorHash {
  high: number;
  low: number;
}

export function hashAuthor(author: string): AuthorHash {
  const digest = hash('sha1', author, 'buffer');
  return { high: digest.readUInt32BE(0), low: digest.readUInt32BE(4) };
}

/** Sparse entries are `index << 8 | rank`, sorted by index; beyond this many, the dense array is smaller. */
const SPARSE_LIMIT = REGISTERS / 4;

/**
 * In memory a sketch starts sparse (a sorted list of its set registers, a few entries for the typical hour × key
 * cell) and turns dense (4,096 registers) once the list would be larger than that (SPARSE_LIMIT entries of 4 bytes).
 * Both forms hold exactly the same registers: add, merge, count and the stored form do not depend on which one a
 * sketch is in (hyperloglog.spec.ts checks sparse against dense).
 */
export class HyperLogLog {
  private dense: Uint8Array | null;
  private sparse: number[];

  constructor(registers?: Uint8Array) {
    this.dense = registers ?? null;
    this.sparse = [];
  }

  /** The 4,096 registers (a copy while the sketch is sparse). */
  get registers(): Uint8Array {
    if (this.dense) {
      return this.dense;
    }
    const registers = new Uint8Array(REGISTERS);
    for (const entry of this.sparse) {
      registers[entry >>> 8] = entry & 0xff;
    }
    return registers;
  }

  /** Whether the sketch is held sparse in memory (for tests and benchmarks). */
  get isSparse(): boolean {
    return this.dense === null;
  }

  add(author: AuthorHash): void {
    const index = author.high >>> (32 - HLL_PRECISION);
    // The remaining 52 bits: rank = position of the first 1 bit, counted from 1.
    const rest = ((author.high << HLL_PRECISION) >>> 0) | 0;
    let rank: number;
    if (rest !== 0) {
      rank = Math.clz32(rest) + 1;
    } else {
      rank = 32 - HLL_PRECISION + (author.low === 0 ? 32 : Math.clz32(author.low)) + 1;
    }
    this.set(index, rank);
  }

  merge(other: HyperLogLog): this {
    if (other.dense) {
      const mine = this.toDense();
      const theirs = other.dense;
      for (let i = 0; i < REGISTERS; i++) {
        if (theirs[i] > mine[i]) {
          mine[i] = theirs[i];
        }
      }
      return this;
    }
    if (this.dense) {
      for (const entry of other.sparse) {
        this.set(entry >>> 8, entry & 0xff);
      }
      return this;
    }
    this.sparse = mergeSparse(this.sparse, other.sparse);
    if (this.sparse.length > SPARSE_LIMIT) {
      this.toDense();
    }
    return this;
  }

  /** The estimate with the small-range (linear counting) correction. */
  count(): number {
    // Summed in register order in both forms, so that sparse and dense give the same floating-point sum.
    let sum = 0;
    let zeros = 0;
    if (this.dense) {
      for (let i = 0; i < REGISTERS; i++) {
        const r = this.dense[i];
        sum += 1 / 2 ** r;
        if (r === 0) {
          zeros++;
        }
      }
    } else {
      let next = 0;
      for (let i = 0; i < REGISTERS; i++) {
        const entry = this.sparse[next];
        if (entry !== undefined && entry >>> 8 === i) {
          sum += 1 / 2 ** (entry & 0xff);
          next++;
        } else {
          sum += 1;
          zeros++;
        }
      }
    }
    const raw = (ALPHA * REGISTERS * REGISTERS) / sum;
    if (raw <= 2.5 * REGISTERS && zeros > 0) {
      return Math.round(REGISTERS * Math.log(REGISTERS / zeros));
    }
    return Math.round(raw);
  }

  toBytes(): Buffer {
    if (!this.dense) {
      return sparseBytes(this.sparse);
    }
    let used = 0;
    for (let i = 0; i < REGISTERS; i++) {
      if (this.dense[i] !== 0) {
        used++;
      }
    }
    if (used * 3 >= REGISTERS) {
      const dense = Buffer.alloc(2 + REGISTERS);
      dense[0] = DENSE;
      dense[1] = HLL_PRECISION;
      dense.set(this.dense, 2);
      return dense;
    }
    const entries: number[] = [];
    for (let i = 0; i < REGISTERS; i++) {
      if (this.dense[i] !== 0) {
        entries.push((i << 8) | this.dense[i]);
      }
    }
    return sparseBytes(entries);
  }

  static fromBytes(bytes: Uint8Array): HyperLogLog {
    if (bytes.length < 2 || bytes[1] !== HLL_PRECISION) {
      throw new Error(`Unsupported HyperLogLog sketch (precision ${bytes[1]})`);
    }
    if (bytes[0] === DENSE) {
      return new HyperLogLog(Uint8Array.from(bytes.subarray(2, 2 + REGISTERS)));
    }
    const sketch = new HyperLogLog();
    const entries = sketch.sparse;
    let previous = -1;
    for (let at = 2; at + 2 < bytes.length; at += 3) {
      const index = (bytes[at] << 8) | bytes[at + 1];
      if (index > previous && !sketch.dense) {
        // Written in index order, one triple per set register: appended as they come.
        entries.push((index << 8) | bytes[at + 2]);
        previous = index;
      } else {
        sketch.set(index, bytes[at + 2]);
      }
    }
    if (entries.length > SPARSE_LIMIT) {
      sketch.toDense();
    }
    return sketch;
  }

  /** Merges stored sketches into one estimate (0 for none). */
  static countOf(sketches: Iterable<Uint8Array>): number {
    const merged = new HyperLogLog();
    for (const bytes of sketches) {
      merged.merge(HyperLogLog.fromBytes(bytes));
    }
    return merged.count();
  }

  private set(index: number, rank: number): void {
    if (this.dense) {
      if (rank > this.dense[index]) {
        this.dense[index] = rank;
      }
      return;
    }
    const entries = this.sparse;
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (entries[mid] >>> 8 < index) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    if (low < entries.length && entries[low] >>> 8 === index) {
      if (rank > (entries[low] & 0xff)) {
        entries[low] = (index << 8) | rank;
      }
      return;
    }
    entries.splice(low, 0, (index << 8) | rank);
    if (entries.length > SPARSE_LIMIT) {
      this.toDense();
    }
  }

  private toDense(): Uint8Array {
    if (!this.dense) {
      this.dense = this.registers;
      this.sparse = [];
    }
    return this.dense;
  }
}

/** Two sorted sparse lists merged: one entry per index, the larger rank. */
function mergeSparse(left: number[], right: number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i] >>> 8;
    const b = right[j] >>> 8;
    if (a < b) {
      merged.push(left[i++]);
    } else if (b < a) {
      merged.push(right[j++]);
    } else {
      merged.push(Math.max(left[i++], right[j++]));
    }
  }
  while (i < left.length) {
    merged.push(left[i++]);
  }
  while (j < right.length) {
    merged.push(right[j++]);
  }
  return merged;
}

/** The stored form of set registers: dense when a third or more of them are set, else (index, rank) triples. */
function sparseBytes(entries: number[]): Buffer {
  if (entries.length * 3 >= REGISTERS) {
    const dense = Buffer.alloc(2 + REGISTERS);
    dense[0] = DENSE;
    dense[1] = HLL_PRECISION;
    for (const entry of entries) {
      dense[2 + (entry >>> 8)] = entry & 0xff;
    }
    return dense;
  }
  const sparse = Buffer.alloc(2 + entries.length * 3);
  sparse[0] = SPARSE;
  sparse[1] = HLL_PRECISION;
  let at = 2;
  for (const entry of entries) {
    sparse.writeUInt16BE(entry >>> 8, at);
    sparse[at + 2] = entry & 0xff;
    at += 3;
  }
  return sparse;
}
