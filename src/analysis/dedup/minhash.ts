/**
 * Near-duplicate fingerprints of normalised token sequences: MinHash signatures over word shingles (unigrams and
 * bigrams) for Jaccard estimates, and a 64-bit SimHash. Pure and deterministic.
 */

/** 32-bit FNV-1a. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word shingles of a token sequence: each token and each adjacent pair. */
export function shingles(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    out.add(tokens[i]);
    if (i + 1 < tokens.length) {
      out.add(`${tokens[i]} ${tokens[i + 1]}`);
    }
  }
  return [...out];
}

const MIX_A: Uint32Array = (() => {
  const a = new Uint32Array(256);
  let x = 0x9e3779b9;
  for (let i = 0; i < a.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    a[i] = (x >>> 0) | 1;
  }
  return a;
})();

/** MinHash signature with `size` permutations (universal hashing of each shingle's FNV hash). */
export function minhashSignature(tokens: readonly string[], size = 64): Uint32Array {
  const sig = new Uint32Array(size).fill(0xffffffff);
  const sh = shingles(tokens);
  for (const s of sh) {
    const h = fnv1a(s);
    for (let i = 0; i < size; i++) {
      let v = Math.imul(h ^ MIX_A[(i * 2 + 1) & 255], MIX_A[i & 255]);
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) >>> 0;
      if (v < sig[i]) {
        sig[i] = v;
      }
    }
  }
  return sig;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) {
    return 0;
  }
  let same = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) {
      same++;
    }
  }
  return same / n;
}

/** 64-bit SimHash of the shingles, as two 32-bit halves [high, low]. */
export function simhash64(tokens: readonly string[]): [number, number] {
  const votes = new Int32Array(64);
  for (const s of shingles(tokens)) {
    const hi = fnv1a(s, 0x811c9dc5);
    const lo = fnv1a(s, 0x050c5d1f);
    for (let b = 0; b < 32; b++) {
      votes[b] += (hi >>> b) & 1 ? 1 : -1;
      votes[32 + b] += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (votes[b] > 0) {
      hi |= 1 << b;
    }
    if (votes[32 + b] > 0) {
      lo |= 1 << b;
    }
  }
  return [hi >>> 0, lo >>> 0];
}

export function hammingDistance64(a: [number, number], b: [number, number]): number {
  return popcount32((a[0] ^ b[0]) >>> 0) + popcount32((a[1] ^ b[1]) >>> 0);
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
