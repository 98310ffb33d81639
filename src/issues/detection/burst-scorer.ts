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

export interface KeyBaseline {
  mean: number;
  variance: number;
  /** Last bucket index folded in; -1 when never. */
  lastBucket: number;
  firstBucket: number;
  seasonal: Float64Array | null;
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

  static empty(bucket: number): KeyBaseline {
    return { mean: 0, variance: 0, lastBucket: -1, firstBucket: bucket, seasonal: null };
  }

  /** Decays the baseline over buckets in which the key did not occur (share 0), up to and including `bucket`. */
  decayTo(b: KeyBaseline, bucket: number): void {
    if (b.lastBucket < 0) {
      b.lastBucket = bucket;
      return;
    }
    const gap = bucket - b.lastBucket;
    if (gap <= 0) {
      return;
    }
    // n buckets of share 0 in closed form (r = 1 − α): mean_n = rⁿ·m, var_n = rⁿ·(v + m²·(1 − rⁿ)).
    const rn = this.decayFactor(gap);
    const m = b.mean;
    let mean = rn * m;
    let variance = rn * (b.variance + m * m * (1 - rn));
    if (mean < 1e-12 && variance < 1e-14) {
      mean = 0;
      variance = 0;
    }
    b.mean = mean;
    b.variance = variance;
    b.lastBucket = bucket;
  }

  /**
   * 1 / (1 − (1 − α)^n): the factor that turns an EWMA started at 0 into a weighted mean over the n buckets observed
   * (1 when the history is unknown or long enough for the start not to matter).
   */
  debias(historyBuckets: number): number {
    if (!(historyBuckets > 0) || !Number.isFinite(historyBuckets)) {
      return 1;
    }
    const w = 1 - this.decayFactor(historyBuckets);
    return w > 0.999 ? 1 : 1 / w;
  }

  /** Hour-of-day multiplier of the key (1 without a learned profile). */
  seasonalFactor(b: KeyBaseline, hour: number): number {
    return b.seasonal ? b.seasonal[hour] : 1;
  }

  /**
   * Scores `observed` voices over a window whose buckets held `windowTotal` voices in all (sum over the window) and
   * span `windowBuckets` buckets; `activity` is windowTotal relative to an average window (daily rhythm of the floor);
   * `historyBuckets` is how many buckets the detector had folded before this one (bias correction; omit for none);
   * with `minSurprise`, surprises that cannot reach it are reported as 0 without summing the tail.
   */
  score(
    b: KeyBaseline,
    observed: number,
    windowBuckets: number,
    windowTotal: number,
    activity: number,
    hour: number,
    historyBuckets = Infinity,
    minSurprise = 0,
  ): WindowScore {
    const lambda = this.expected(b, windowBuckets, windowTotal, activity, hour, historyBuckets);
    // Below `minSurprise` the exact tail is not needed: the point probability bounds it (reported as 0 then).
    if (minSurprise > 0 && poissonPointSurprise(observed, lambda) < minSurprise) {
      return { window: windowBuckets, observed, expected: lambda, surprise: 0 };
    }
    return { window: windowBuckets, observed, expected: lambda, surprise: poissonSurprise(observed, lambda) };
  }

  /** λ of `score` (no allocation: the detector's per-key path calls this and the Poisson tail directly). */
  expected(
    b: KeyBaseline,
    windowBuckets: number,
    windowTotal: number,
    activity: number,
    hour: number,
    historyBuckets = Infinity,
  ): number {
    const c = this.debias(historyBuckets);
    const expectedRaw = windowTotal * b.mean * c * this.seasonalFactor(b, hour);
    const floor = this.priorVoicesPerBucket * windowBuckets * Math.min(4, Math.max(0.25, activity));
    const excessSd = Math.sqrt((Math.max(0, b.variance) * c * (windowTotal * windowTotal)) / windowBuckets);
    return Math.max(expectedRaw, floor) + excessSd;
  }

  /**
   * Folds one bucket in which the key had `voices` of `total` voices. Bursting buckets are clamped.
   * `historyBuckets` as in `score` (buckets folded by the detector before this one).
   */
  fold(
    b: KeyBaseline,
    bucket: number,
    voices: number,
    total: number,
    hour: number,
    bursting: boolean,
    historyBuckets = Infinity,
  ): void {
    this.decayTo(b, bucket - 1);
    const t = Math.max(1, total);
    let share = voices / t;
    const c = this.debias(historyBuckets);
    if (bursting) {
      const cap = b.mean * c * this.seasonalFactor(b, hour) + 3 * Math.sqrt(Math.max(b.variance, 0) * c) + 1 / t;
      share = Math.min(share, cap);
    }
    const a = this.alpha;
    const delta = share - b.mean;
    b.mean += a * delta;
    b.variance = (1 - a) * (b.variance + a * delta * delta);
    b.lastBucket = bucket;
    if (!bursting && b.mean * t >= 0.05) {
      if (!b.seasonal) {
        b.seasonal = new Float64Array(24).fill(1);
      }
      const ratio = Math.min(6, share / Math.max(b.mean, 1e-12));
      b.seasonal[hour] += this.seasonalRate * (ratio - b.seasonal[hour]);
    }
  }

  static toRow(key: string, b: KeyBaseline): KeyBaselineRow {
    const row: KeyBaselineRow = {
      key,
      mean: b.mean,
      variance: b.variance,
      lastBucket: b.lastBucket,
      firstBucket: b.firstBucket,
    };
    if (b.seasonal) {
      row.seasonal = Array.from(b.seasonal);
    }
    return row;
  }

  static fromRow(row: KeyBaselineRow): KeyBaseline {
    return {
      mean: row.mean,
      variance: row.variance,
      lastBucket: row.lastBucket,
      firstBucket: row.firstBucket,
      seasonal: row.seasonal ? Float64Array.from(row.seasonal) : null,
    };
  }
}
