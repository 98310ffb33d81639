/**
 * What the blind stream generators share: the stream and event types they produce (the harness's GeneratedStream
 * with a home region and a start mode), a seeded random source of their own, a timestamp sampler for an hourly
 * rhythm in local time, and the step that sorts the posts and writes the ground truth.
 *
 * Written without reading the detector (src/issues/detection): only the harness's output format is used.
 */
import type { GeneratedStream, RawStreamPost, StreamShape, TruthEvent } from '../stream-generator.js';
import type { AreaIndex } from './area-index.js';
import type { BackgroundSentences } from './background-corpus.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The event shapes the blind generators draw (richer than the harness's GrowthCurve). */
export type EventShape = 'sudden' | 'slow' | 'two-waves' | 'many-wordings' | 'plateau' | 'headline-first';

export interface BlindEvent extends TruthEvent {
  /** Story type ('flood', 'water-outage', …) for organic events and campaigns; the chatter id for recurring ones. */
  type: string;
  shape?: EventShape;
  /** Kemendagri code and display name of the place the event is about (a district or a village). */
  placeCode?: string;
  placeName?: string;
  /** Set on the second of two separate events of one type at one place: the id of the first. */
  repeatOf?: string;
}

export interface BlindStream extends GeneratedStream {
  generator: string;
  /** Kemendagri code of the deployment's home regency (pass it to the analyzer as homeRegion). */
  homeRegion: string;
  /**
   * 'cold': the detector starts with no state and every issue counts (warmupEnd = start).
   * 'history': the posts before backfillEnd are one ordinary day (no events) to feed first as a backfill; issues
   * first detected before it are not scored (warmupEnd = backfillEnd).
   */
  startMode: 'cold' | 'history';
  backfillEnd: number | null;
  /** Local clock offset of the home region (ms east of UTC). */
  utcOffsetMs: number;
  events: BlindEvent[];
}

export interface GeneratorInputs {
  /** Real sentences (dataset train splits) for the background, by source. */
  background: BackgroundSentences;
  areas: AreaIndex;
}

export interface BlindGenerator {
  name: string;
  description: string;
  /** The seeds the generator is meant to be evaluated on (≥ 10). */
  seeds: readonly number[];
  generate(seed: number, inputs: GeneratorInputs): BlindStream;
}

/** sfc32 seeded through splitmix32: a seed names a sequence. */
export class BlindRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) {
      this.next();
    }
  }

  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** Integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  one<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new Error('BlindRandom.one: empty list');
    }
    return items[Math.floor(this.next() * items.length)];
  }

  maybe(p: number): boolean {
    return this.next() < p;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Poisson count (inversion for small means, a rounded normal for large ones). */
  count(mean: number): number {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 40) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    }
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    const u = this.next();
    while (u > cdf && k < 1000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

  /** k distinct items (or all when fewer). */
  some<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < k && copy.length > 0) {
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    }
    return out;
  }

  /** Index drawn with weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((s, w) => s + w, 0);
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}

/** Local time offset by province code: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9). */
export function utcOffsetForProvince(provinceCode: string): number {
  const p = Number(provinceCode.slice(0, 2));
  if (p >= 81) {
    return 9 * HOUR_MS;
  }
  if ((p >= 51 && p <= 53) || (p >= 63 && p <= 65) || (p >= 71 && p <= 76)) {
    return 8 * HOUR_MS;
  }
  return 7 * HOUR_MS;
}

/**
 * Timestamps for `perDay` posts a day between `from` and `to` following an hourly rhythm in local time
 * (`rhythm[h]` = relative volume at local hour h), scaled per day by `dayFactor(localDayIndex, weekday)`.
 */
export function rhythmTimes(
  rng: BlindRandom,
  from: number,
  to: number,
  utcOffsetMs: number,
  perDay: number,
  rhythm: readonly number[],
  dayFactor: (weekday: number) => number = () => 1,
): number[] {
  const sum = rhythm.reduce((s, x) => s + x, 0);
  const out: number[] = [];
  const firstHour = Math.floor(from / HOUR_MS);
  for (let h = firstHour; h * HOUR_MS < to; h++) {
    const local = h * HOUR_MS + utcOffsetMs;
    const hourOfDay = Math.floor(local / HOUR_MS) % 24;
    const weekday = new Date(local).getUTCDay();
    const n = rng.count(((perDay * rhythm[hourOfDay]) / sum) * dayFactor(weekday));
    for (let i = 0; i < n; i++) {
      const at = h * HOUR_MS + rng.next() * HOUR_MS;
      if (at >= from && at < to) {
        out.push(at);
      }
    }
  }
  return out;
}

export interface PendingPost {
  at: number;
  text: string;
  author: string;
  source: string;
  truth: string;
}

/** A ground-truth event with no posts counted yet (finishStream counts them); the harness curve from the shape. */
export function truthEvent(fields: Omit<BlindEvent, 'posts' | 'tenthPostAt' | 'curve'>): BlindEvent {
  const curve =
    fields.shape === 'sudden'
      ? 'sudden'
      : fields.shape === 'slow' || fields.shape === 'plateau'
        ? 'slow'
        : fields.shape === 'two-waves'
          ? 'double'
          : undefined;
  return { ...fields, curve, posts: 0, tenthPostAt: null };
}

export interface StreamFrame {
  generator: string;
  seed: number;
  shape: StreamShape;
  /** First post time: the history day's start, or liveStart for a cold stream. */
  start: number;
  /** Where scoring begins (the end of the history day, or the start of a cold stream). */
  liveStart: number;
  end: number;
  homeRegion: string;
  utcOffsetMs: number;
  events: BlindEvent[];
}

/**
 * Sorts the posts, numbers them, writes the truth map and each event's size and 10th-post time. A stream whose
 * start is before liveStart is a 'history' stream (that span is the backfill); otherwise it is 'cold'.
 */
export function finishStream(frame: StreamFrame, pending: PendingPost[], idPrefix: string): BlindStream {
  const cold = frame.start === frame.liveStart;
  const { liveStart, ...rest } = frame;
  const base: Omit<BlindStream, 'posts' | 'truth'> = {
    ...rest,
    warmupEnd: liveStart,
    startMode: cold ? 'cold' : 'history',
    backfillEnd: cold ? null : liveStart,
  };
  const kept = pending.filter((p) => p.at >= base.start && p.at < base.end);
  kept.sort((x, y) => x.at - y.at || (x.truth < y.truth ? -1 : x.truth > y.truth ? 1 : 0));
  const posts: RawStreamPost[] = [];
  const truth = new Map<string, string>();
  const byId = new Map(base.events.map((e) => [e.id, e]));
  for (const e of base.events) {
    e.posts = 0;
    e.tenthPostAt = null;
  }
  kept.forEach((p, i) => {
    const id = `${idPrefix}-${i.toString(36)}`;
    const at = Math.floor(p.at);
    posts.push({ id, text: p.text, createdAt: new Date(at).toISOString(), author: p.author, source: p.source });
    truth.set(id, p.truth);
    const ev = byId.get(p.truth);
    if (ev) {
      ev.posts++;
      if (ev.posts === 10) {
        ev.tenthPostAt = at;
      }
    }
  });
  return { ...base, posts, truth };
}

/** A StreamShape record for the harness's table (name, length, volumes). */
export function shapeRecord(
  name: string,
  days: number,
  backgroundPerDay: number,
  events: number,
  campaigns: number,
  eventPosts: [number, number],
  authors: number,
): StreamShape {
  return { name, days, backgroundPerDay, events, campaigns, eventPosts, curves: ['sudden', 'slow', 'double'], authors };
}
