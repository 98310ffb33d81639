/**
 * A HyperLogLog sketch of distinct authors, mergeable across hours and keys (register-wise maximum).
 * Pure: the ingest side (RollupWriter) builds and merges sketches per batch, the stats side merges them per query.
 *
 * Precision 12: 4,096 one-byte registers, standard error 1.04 / √4096 ≈ 1.6 % (measured in docs/stats.md).
 * Stored form (bytea): byte 0 = format (0 dense, 1 sparse), byte 1 = precision, then either the 4,096 registers
 * (dense) or (index: uint16 big-endian, value: uint8) triples in index order (sparse), whichever is smaller; most
 * hour × key cells see few authors, so most sketches are sparse and a few dozen bytes.
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

export class HyperLogLog {
  readonly registers: Uint8Array;

  constructor(registers?: Uint8Array) {
    this.registers = registers ?? new Uint8Array(REGISTERS);
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
    if (rank > this.registers[index]) {
      this.registers[index] = rank;
    }
  }

  merge(other: HyperLogLog): this {
    const mine = this.registers;
    const theirs = other.registers;
    for (let i = 0; i < REGISTERS; i++) {
      if (theirs[i] > mine[i]) {
        mine[i] = theirs[i];
      }
    }
    return this;
  }

  /** The estimate with the small-range (linear counting) correction. */
  count(): number {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < REGISTERS; i++) {
      const r = this.registers[i];
      sum += 1 / 2 ** r;
      if (r === 0) {
        zeros++;
      }
    }
    const raw = (ALPHA * REGISTERS * REGISTERS) / sum;
    if (raw <= 2.5 * REGISTERS && zeros > 0) {
      return Math.round(REGISTERS * Math.log(REGISTERS / zeros));
    }
    return Math.round(raw);
  }

  toBytes(): Buffer {
    let used = 0;
    for (let i = 0; i < REGISTERS; i++) {
      if (this.registers[i] !== 0) {
        used++;
      }
    }
    if (used * 3 >= REGISTERS) {
      const dense = Buffer.alloc(2 + REGISTERS);
      dense[0] = DENSE;
      dense[1] = HLL_PRECISION;
      dense.set(this.registers, 2);
      return dense;
    }
    const sparse = Buffer.alloc(2 + used * 3);
    sparse[0] = SPARSE;
    sparse[1] = HLL_PRECISION;
    let at = 2;
    for (let i = 0; i < REGISTERS; i++) {
      if (this.registers[i] !== 0) {
        sparse.writeUInt16BE(i, at);
        sparse[at + 2] = this.registers[i];
        at += 3;
      }
    }
    return sparse;
  }

  static fromBytes(bytes: Uint8Array): HyperLogLog {
    if (bytes.length < 2 || bytes[1] !== HLL_PRECISION) {
      throw new Error(`Unsupported HyperLogLog sketch (precision ${bytes[1]})`);
    }
    if (bytes[0] === DENSE) {
      return new HyperLogLog(Uint8Array.from(bytes.subarray(2, 2 + REGISTERS)));
    }
    const sketch = new HyperLogLog();
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 2; at + 2 < bytes.length; at += 3) {
      sketch.registers[view.readUInt16BE(at)] = bytes[at + 2];
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
}
