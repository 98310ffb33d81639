/**
 * Burst scoring of feature keys against a baseline that knows the daily rhythm.
 *
 * Model (SigniTrend-style, with a Poisson tail instead of a plain z-score): a key's expected distinct voices in a
 * bucket is  E = total voices of the bucket × the key's EWMA share × the key's hour-of-day multiplier.
 * The bucket total carries the daily rhythm of the whole stream; the multiplier carries the key's own rhythm
 * (morning traffic talk). A window of w buckets is scored by the upper tail of a Poisson law,
 * surprise = −log10 P(X ≥ x | λ), with λ = max(E, prior floor) + one standard deviation of the key's own excess
 * variance. The floor is what makes keys without history safe: a brand-new word needs several distinct voices.
 *
 * Bias correction: every baseline starts at 0, so after n buckets of history the EWMA carries only 1 − (1 − α)^n of
 * the weight it should (Adam-style initialisation bias). Mean and variance are divided by that sum when the caller
 * says how many buckets the detector has observed (`historyBuckets`); without it an EWMA a few hours old would read a
 * steady word as a tenth of its real share and call it a burst. A key that appeared late is not inflated by this:
 * its zeros before it appeared are real observations of the detector's history.
 */
import type { KeyBaselineRow } from './detection.types.js';
import { grownFloat64 } from './key-table.js';

/** Slots of the hour-of-day profile. */
const HOURS = 24;

/**
 * Layout of a key's block in `KeyBaselines`: what a pass reads and writes for every key of a bucket, side by side in
 * one 64-byte cache line (a day of a busy stream holds ~1 M keys, far more than the caches, and the pass visits them
 * in no useful order). Six doubles, then the ring of recent voices as bytes (16 slots with the default windows).
 */
const MEAN = 0;
const VARIANCE = 1;
const LAST_BUCKET = 2;
const PROFILE_AT = 3;
/** Bucket of the key's last recorded voices (-Infinity when none). */
const RECENT_LAST = 4;
/** Oldest bucket whose ring slot holds the key's voices (or a zero for a bucket without the key). */
const RECENT_FIRST = 5;
/** Doubles before the ring. */
const HEAD = 6;
/** A ring byte holding this value means: the slot's voices (≥ 255, or not a byte) are in the overflow map. */
const OVERFLOW = 255;
/** Bytes of a WebAssembly memory page. */
const PAGE = 65_536;

/** From this size on, key blocks are worth aligning (smaller stores stay in the caches anyway). */
const ALIGN_FROM_BYTES = 8 * 2 ** 20;

/**
 * A zeroed buffer of at least `bytes` bytes. A large one is WebAssembly memory, whose start is aligned to a page, so
 * that each 64-byte key block is exactly one cache line (a plain ArrayBuffer starts 16 bytes into a line: two lines a
 * block). Small ones, and any where WebAssembly memory is unavailable, are plain ArrayBuffers: every WebAssembly memory
 * reserves gigabytes of address space (not memory), so detectors that stay small (tests, evaluation) do not use it.
 */
function alignedBuffer(bytes: number): ArrayBuffer {
  // Typed here: the project's TypeScript libs do not declare WebAssembly.
  const wasm = (globalThis as { WebAssembly?: { Memory?: new (d: { initial: number }) => { buffer: ArrayBuffer } } })
    .WebAssembly;
  if (bytes >= ALIGN_FROM_BYTES && wasm?.Memory) {
    try {
      return new wasm.Memory({ initial: Math.ceil(bytes / PAGE) }).buffer;
    } catch {
      // Beyond what WebAssembly memory may hold: a plain buffer works the same, only not aligned.
    }
  }
  return new ArrayBuffer(bytes);
}

/**
 * Per-key state of the pass indexed by key id (see KeyTable): EWMA of the key's share, its EWM variance, the last
 * bucket folded in (-1 when never), the offset of its hour-of-day profile (-1 until the key is common enough to learn
 * one; 24 multipliers in `profiles`), and its voices in the last few processed buckets (a ring indexed by bucket, at
 * least as long as the longest scoring window: one byte a slot, larger counts in `overflow`); the first bucket of its
 * history, which the pass does not read, sits in a column of its own. Grows by doubling.
 */
export class KeyBaselines {
  /** Doubles per key: the head fields, then the ring (eight bytes per double). */
  private readonly stride: number;
  private readonly ringSize: number;
  private readonly ringMask: number;
  private state: Float64Array<ArrayBuffer>;
  /** The same memory as `state`, read as bytes: key `id`'s ring starts at (id · stride + HEAD) · 8. */
  private ring: Uint8Array<ArrayBuffer>;
  /** Ring slots whose voices do not fit a byte (the slot holds OVERFLOW), by id · ringSize + slot. */
  private readonly overflow = new Map<number, number>();
  private firstBuckets = new Float64Array(1024);
  /**
   * Hour-of-day multipliers, hour by hour: slot p's multiplier of hour h at h · profileCap + p. A pass scores the
   * buckets of one hour at a time, so the multipliers it reads for a bucket lie together (a few MB, not one line per
   * key spread over 24 times that).
   */
  private profiles = new Float64Array(HOURS * 1024).fill(1);
  private profileCap = 1024;
  private profileCount = 0;
  private readonly freeProfiles: number[] = [];

  constructor(longestWindow = 16) {
    let size = 2;
    while (size < longestWindow) {
      size *= 2;
    }
    this.ringSize = size;
    this.ringMask = size - 1;
    this.stride = HEAD + Math.ceil(size / 8);
    this.state = this.newState(1024);
    this.ring = new Uint8Array(this.state.buffer);
  }

  /** Empty baseline for `id` (a new key, or a reused id): share 0, never folded, history from `firstBucket`. */
  reset(id: number, firstBucket: number): void {
    this.ensure(id + 1);
    this.dropProfile(id);
    const o = id * this.stride;
    this.state[o + MEAN] = 0;
    this.state[o + VARIANCE] = 0;
    this.state[o + LAST_BUCKET] = -1;
    this.state[o + RECENT_LAST] = -Infinity;
    this.state[o + RECENT_FIRST] = Infinity;
    this.firstBuckets[id] = firstBucket;
  }

  mean(id: number): number {
    return this.state[id * this.stride + MEAN];
  }

  variance(id: number): number {
    return this.state[id * this.stride + VARIANCE];
  }

  lastBucket(id: number): number {
    return this.state[id * this.stride + LAST_BUCKET];
  }

  firstBucket(id: number): number {
    return this.firstBuckets[id];
  }

  /** Sets the EWMA after folding or decaying, and the bucket it now stands at. */
  update(id: number, mean: number, variance: number, bucket: number): void {
    const o = id * this.stride;
    this.state[o + MEAN] = mean;
    this.state[o + VARIANCE] = variance;
    this.state[o + LAST_BUCKET] = bucket;
  }

  /** Marks a key never folded as standing at `bucket` (its EWMA is still 0). */
  startAt(id: number, bucket: number): void {
    this.state[id * this.stride + LAST_BUCKET] = bucket;
  }

  /** Hour-of-day multiplier of the key (1 without a learned profile). */
  seasonalFactor(id: number, hour: number): number {
    const at = this.state[id * this.stride + PROFILE_AT];
    return at < 0 ? 1 : this.profiles[hour * this.profileCap + at];
  }

  /** Moves the key's multiplier of `hour` towards `ratio` by `rate`, allocating a profile of all 1s when it has none. */
  learnHour(id: number, hour: number, ratio: number, rate: number): void {
    // The slot first: allocating it may grow the pool (and change profileCap).
    const at = this.profileOf(id);
    const i = hour * this.profileCap + at;
    this.profiles[i] += rate * (ratio - this.profiles[i]);
  }

  /** Slot of the key's profile, allocating one of all 1s when it has none. */
  private profileOf(id: number): number {
    let at = this.state[id * this.stride + PROFILE_AT];
    if (at < 0) {
      const reused = this.freeProfiles.pop();
      if (reused !== undefined) {
        at = reused;
        for (let h = 0; h < HOURS; h++) {
          this.profiles[h * this.profileCap + at] = 1;
        }
      } else {
        // A slot never used holds the 1s the pool was filled with (no 24 scattered writes: a pass with no history
        // gives hundreds of thousands of keys a profile).
        at = this.profileCount++;
        if (at >= this.profileCap) {
          this.growProfiles();
        }
      }
      this.state[id * this.stride + PROFILE_AT] = at;
    }
    return at;
  }

  private growProfiles(): void {
    const cap = this.profileCap * 2;
    const grown = new Float64Array(HOURS * cap).fill(1);
    for (let h = 0; h < HOURS; h++) {
      grown.set(this.profiles.subarray(h * this.profileCap, (h + 1) * this.profileCap), h * cap);
    }
    this.profiles = grown;
    this.profileCap = cap;
  }

  /**
   * Reads the key's block (its head and the ring slot of `bucket`) and returns a number of no meaning: the pass calls
   * it for a key a few places ahead, so that the memory of that key is on its way while the current one is scored.
   */
  touch(id: number, bucket: number): number {
    const o = id * this.stride;
    return this.state[o + LAST_BUCKET] + this.ring[(o + HEAD) * 8 + (bucket & this.ringMask)];
  }

  /** `touch` for the keys `ids[from, to)`, in one loop (no load depends on another: they overlap). */
  touchBlocks(ids: Int32Array, from: number, to: number, bucket: number): number {
    let sum = 0;
    for (let j = from; j < to; j++) {
      const o = ids[j] * this.stride;
      sum += this.state[o + LAST_BUCKET] + this.ring[(o + HEAD) * 8 + (bucket & this.ringMask)];
    }
    return sum;
  }

  /** `touchProfile` for the keys `ids[from, to)`, in one loop. */
  touchProfiles(ids: Int32Array, from: number, to: number, hour: number): number {
    let sum = 0;
    for (let j = from; j < to; j++) {
      const at = this.state[ids[j] * this.stride + PROFILE_AT];
      if (at >= 0) {
        sum += this.profiles[hour * this.profileCap + at];
      }
    }
    return sum;
  }

  /** Like `touch`, for the key's multiplier of `hour` (once its block has arrived: the offset is read from it). */
  touchProfile(id: number, hour: number): number {
    const at = this.state[id * this.stride + PROFILE_AT];
    return at < 0 ? 0 : this.profiles[hour * this.profileCap + at];
  }

  /**
   * Records the key's voices in `bucket` (buckets are recorded in increasing order). Slots of buckets skipped since
   * the last record are zeroed; after a gap longer than the ring, the ring restarts at `bucket` without touching the
   * other slots (most keys of a busy bucket are seen once in hours: one slot written, not the whole ring).
   */
  recordVoices(id: number, bucket: number, voices: number): void {
    const o = id * this.stride;
    const row = (o + HEAD) * 8;
    const last = this.state[o + RECENT_LAST];
    if (bucket - last >= this.ringSize) {
      this.state[o + RECENT_FIRST] = bucket;
    } else {
      for (let b = last + 1; b < bucket; b++) {
        this.setSlot(id, row, b & this.ringMask, 0);
      }
    }
    this.setSlot(id, row, bucket & this.ringMask, voices);
    this.state[o + RECENT_LAST] = bucket;
  }

  /** Voices of the key over buckets [from, to], `to` at or after its last record and at most a ring's length back. */
  recentVoices(id: number, from: number, to: number): number {
    const o = id * this.stride;
    const row = (o + HEAD) * 8;
    const oldest = Math.max(from, this.state[o + RECENT_FIRST]);
    let n = 0;
    for (let b = Math.min(to, this.state[o + RECENT_LAST]); b >= oldest; b--) {
      const slot = b & this.ringMask;
      const v = this.ring[row + slot];
      n += v === OVERFLOW ? this.overflow.get(id * this.ringSize + slot)! : v;
    }
    return n;
  }

  /** Writes a ring slot: voices as an Int32 (as the columns hold them), in the byte or, when it does not fit, aside. */
  private setSlot(id: number, row: number, slot: number, voices: number): void {
    const v = voices | 0;
    if (this.ring[row + slot] === OVERFLOW) {
      this.overflow.delete(id * this.ringSize + slot);
    }
    if (v >= 0 && v < OVERFLOW) {
      this.ring[row + slot] = v;
    } else {
      this.ring[row + slot] = OVERFLOW;
      this.overflow.set(id * this.ringSize + slot, v);
    }
  }

  toRow(id: number, key: string): KeyBaselineRow {
    const o = id * this.stride;
    const row: KeyBaselineRow = {
      key,
      mean: this.state[o + MEAN],
      variance: this.state[o + VARIANCE],
      lastBucket: this.state[o + LAST_BUCKET],
      firstBucket: this.firstBuckets[id],
    };
    const at = this.state[o + PROFILE_AT];
    if (at >= 0) {
      row.seasonal = [];
      for (let h = 0; h < HOURS; h++) {
        row.seasonal.push(this.profiles[h * this.profileCap + at]);
      }
    }
    return row;
  }

  /** Restores a persisted baseline (the recent voices are not part of it and stay as they are). */
  setFromRow(id: number, row: KeyBaselineRow): void {
    this.ensure(id + 1);
    this.dropProfile(id);
    const o = id * this.stride;
    this.state[o + MEAN] = row.mean;
    this.state[o + VARIANCE] = row.variance;
    this.state[o + LAST_BUCKET] = row.lastBucket;
    this.firstBuckets[id] = row.firstBucket;
    if (row.seasonal) {
      const at = this.profileOf(id);
      for (let h = 0; h < HOURS; h++) {
        // exportBaselines always writes 24 multipliers; a shorter row is padded with the neutral 1.
        this.profiles[h * this.profileCap + at] = h < row.seasonal.length ? row.seasonal[h] : 1;
      }
    }
  }

  private dropProfile(id: number): void {
    const o = id * this.stride + PROFILE_AT;
    const at = this.state[o];
    if (at >= 0) {
      this.freeProfiles.push(at);
      this.state[o] = -1;
    }
  }

  private ensure(keys: number): void {
    const held = this.state.length / this.stride;
    if (keys <= held) {
      return;
    }
    const grown = this.newState(Math.max(keys, held * 2));
    grown.set(this.state);
    this.state = grown;
    this.ring = new Uint8Array(grown.buffer);
    this.firstBuckets = grownFloat64(this.firstBuckets, grown.length / this.stride);
  }

  /** Blocks for `keys` keys, each with no profile and no recent voices (the rest is set by `reset`). */
  private newState(keys: number): Float64Array<ArrayBuffer> {
    const state = new Float64Array(alignedBuffer(keys * this.stride * 8), 0, keys * this.stride);
    for (let o = 0; o < state.length; o += this.stride) {
      state[o + PROFILE_AT] = -1;
      state[o + RECENT_LAST] = -Infinity;
      state[o + RECENT_FIRST] = Infinity;
    }
    return state;
  }
}

export interface WindowScore {
  window: number;
  observed: number;
  expected: number;
  surprise: number;
}

const LN10 = Math.log(10);
const POWERS = 4096;

/** log Γ(x) by Lanczos (g = 7, n = 9), accurate to ~1e-13 for x > 0. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) {
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) {
    a += c[i] / (x + i);
  }
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

const LOG_FACTORIALS = new Float64Array(4096);
for (let n = 2; n < LOG_FACTORIALS.length; n++) {
  LOG_FACTORIALS[n] = LOG_FACTORIALS[n - 1] + Math.log(n);
}

/** ln x! for an integer count (table up to 4095, Lanczos beyond). */
function logFactorial(x: number): number {
  return Number.isInteger(x) && x >= 0 && x < LOG_FACTORIALS.length ? LOG_FACTORIALS[x] : logGamma(x + 1);
}

/** −log10 P(X = x) for X ~ Poisson(λ): an upper bound of poissonSurprise (the tail holds at least that term). */
export function poissonPointSurprise(x: number, lambda: number): number {
  if (x <= lambda || x <= 0) {
    return 0;
  }
  const lam = Math.max(lambda, 1e-9);
  return Math.max(0, -(-lam + x * Math.log(lam) - logFactorial(x)) / LN10);
}

/** −log10 P(X ≥ x) for X ~ Poisson(λ); 0 when x ≤ λ. Sums the tail from x upwards (terms shrink geometrically). */
export function poissonSurprise(x: number, lambda: number): number {
  if (x <= lambda || x <= 0) {
    return 0;
  }
  const lam = Math.max(lambda, 1e-9);
  const logLam = Math.log(lam);
  let logTerm = -lam + x * logLam - logFactorial(x);
  let sum = 1;
  let ratio = 1;
  for (let i = x + 1; i < x + 400; i++) {
    ratio *= lam / i;
    sum += ratio;
    if (ratio < 1e-12 * sum) {
      break;
    }
  }
  logTerm += Math.log(sum);
  return Math.max(0, -logTerm / LN10);
}

export class BurstScorer {
  private readonly alpha: number;
  private readonly seasonalRate = 0.25;

  /** (1 − α)ⁿ for n < POWERS (decay over n buckets, bias correction), so the per-key path does no Math.pow. */
  private readonly powers: Float64Array;
  /** Last argument and result of `debias`. */
  private debiasedHistory = NaN;
  private debiasFactor = 1;

  constructor(
    halfLifeBuckets: number,
    private readonly priorVoicesPerBucket: number,
  ) {
    this.alpha = 1 - Math.pow(0.5, 1 / Math.max(1, halfLifeBuckets));
    this.powers = new Float64Array(POWERS);
    for (let n = 0; n < POWERS; n++) {
      this.powers[n] = Math.pow(1 - this.alpha, n);
    }
  }

  private decayFactor(n: number): number {
    return n < POWERS && (n | 0) === n ? this.powers[n] : Math.pow(1 - this.alpha, n);
  }

  /** Decays the baseline over buckets in which the key did not occur (share 0), up to and including `bucket`. */
  decayTo(baselines: KeyBaselines, id: number, bucket: number): void {
    const last = baselines.lastBucket(id);
    if (last < 0) {
      baselines.startAt(id, bucket);
      return;
    }
    const gap = bucket - last;
    if (gap <= 0) {
      return;
    }
    // n buckets of share 0 in closed form (r = 1 − α): mean_n = rⁿ·m, var_n = rⁿ·(v + m²·(1 − rⁿ)).
    const rn = this.decayFactor(gap);
    const m = baselines.mean(id);
    let mean = rn * m;
    let variance = rn * (baselines.variance(id) + m * m * (1 - rn));
    if (mean < 1e-12 && variance < 1e-14) {
      mean = 0;
      variance = 0;
    }
    baselines.update(id, mean, variance, bucket);
  }

  /**
   * 1 / (1 − (1 − α)^n): the factor that turns an EWMA started at 0 into a weighted mean over the n buckets observed
   * (1 when the history is unknown or long enough for the start not to matter).
   */
  debias(historyBuckets: number): number {
    // A pass asks for the same history for every key of a bucket: remember the last answer.
    if (historyBuckets === this.debiasedHistory) {
      return this.debiasFactor;
    }
    let factor = 1;
    if (historyBuckets > 0 && Number.isFinite(historyBuckets)) {
      const w = 1 - this.decayFactor(historyBuckets);
      factor = w > 0.999 ? 1 : 1 / w;
    }
    this.debiasedHistory = historyBuckets;
    this.debiasFactor = factor;
    return factor;
  }

  /**
   * Scores `observed` voices over a window whose buckets held `windowTotal` voices in all (sum over the window) and
   * span `windowBuckets` buckets; `activity` is windowTotal relative to an average window (daily rhythm of the floor);
   * `historyBuckets` is how many buckets the detector had folded before this one (bias correction; omit for none);
   * with `minSurprise`, surprises that cannot reach it are reported as 0 without summing the tail.
   */
  score(
    baselines: KeyBaselines,
    id: number,
    observed: number,
    windowBuckets: number,
    windowTotal: number,
    activity: number,
    hour: number,
    historyBuckets = Infinity,
    minSurprise = 0,
  ): WindowScore {
    const lambda = this.expected(baselines, id, windowBuckets, windowTotal, activity, hour, historyBuckets);
    // Below `minSurprise` the exact tail is not needed: the point probability bounds it (reported as 0 then).
    if (minSurprise > 0 && poissonPointSurprise(observed, lambda) < minSurprise) {
      return { window: windowBuckets, observed, expected: lambda, surprise: 0 };
    }
    return { window: windowBuckets, observed, expected: lambda, surprise: poissonSurprise(observed, lambda) };
  }

  /** λ of `score` (no allocation: the detector's per-key path calls this and the Poisson tail directly). */
  expected(
    baselines: KeyBaselines,
    id: number,
    windowBuckets: number,
    windowTotal: number,
    activity: number,
    hour: number,
    historyBuckets = Infinity,
  ): number {
    const c = this.debias(historyBuckets);
    const expectedRaw = windowTotal * baselines.mean(id) * c * baselines.seasonalFactor(id, hour);
    const floor = this.priorVoicesPerBucket * windowBuckets * Math.min(4, Math.max(0.25, activity));
    const excessSd = Math.sqrt((Math.max(0, baselines.variance(id)) * c * (windowTotal * windowTotal)) / windowBuckets);
    return Math.max(expectedRaw, floor) + excessSd;
  }

  /**
   * Folds one bucket in which the key had `voices` of `total` voices. Bursting buckets are clamped.
   * `historyBuckets` as in `score` (buckets folded by the detector before this one).
   */
  fold(
    baselines: KeyBaselines,
    id: number,
    bucket: number,
    voices: number,
    total: number,
    hour: number,
    bursting: boolean,
    historyBuckets = Infinity,
  ): void {
    this.decayTo(baselines, id, bucket - 1);
    const t = Math.max(1, total);
    let share = voices / t;
    const c = this.debias(historyBuckets);
    const mean = baselines.mean(id);
    const variance = baselines.variance(id);
    if (bursting) {
      const cap = mean * c * baselines.seasonalFactor(id, hour) + 3 * Math.sqrt(Math.max(variance, 0) * c) + 1 / t;
      share = Math.min(share, cap);
    }
    const a = this.alpha;
    const delta = share - mean;
    const newMean = mean + a * delta;
    baselines.update(id, newMean, (1 - a) * (variance + a * delta * delta), bucket);
    if (!bursting && newMean * t >= 0.05) {
      const ratio = Math.min(6, share / Math.max(newMean, 1e-12));
      baselines.learnHour(id, hour, ratio, this.seasonalRate);
    }
  }
}
