/**
 * Scoring stage: folds a closed bucket into the baselines and returns the keys that burst in it, alone or as a pair
 * of rising keys told by the same voices (co-occurrence bursts).
 */
import type { CountBucket, KeyColumns } from './bucket-counter.js';
import { BurstScorer, poissonPointSurprise, poissonSurprise } from './burst-scorer.js';
import type { DetectorConfig } from './detector-config.js';
import type { Candidate, DetectorMemory } from './detector-memory.js';
import { storyPair } from './key-roles.js';

/** How many keys ahead the pass starts loading a key's memory (see KeyBaselines.touch). */
const TOUCH_AHEAD = 16;

/** What scoring the keys of bucket `t` needs besides their counts. */
interface BucketScoringInput {
  t: number;
  /** Voices in the bucket (at least 1). */
  total: number;
  /** Voices in all buckets of each scoring window ending with `t`, and that relative to an average window. */
  windowTotals: Float64Array;
  activity: Float64Array;
  hour: number;
  dayBuckets: number;
  /** Buckets folded before this one (bias correction). */
  history: number;
}

/**
 * A key that burst (or rose to `coBurstSurprise` without bursting) in the bucket being processed: its insertion rank
 * there, best surprise and its window.
 */
interface BurstingKey {
  id: number;
  rank: number;
  surprise: number;
  window: number;
  burst: boolean;
}

export class BucketScoring {
  readonly scorer: BurstScorer;
  private readonly config: DetectorConfig;
  /** Sum of the values read ahead in a pass (kept so that the reads are not optimised away). */
  private touchedSum = 0;

  constructor(private readonly memory: DetectorMemory) {
    this.config = memory.config;
    this.scorer = new BurstScorer(this.config.baselineHalfLifeBuckets, this.config.priorVoicesPerBucket);
  }

  /** Local hour of day (0–23) of epoch ms `time`. */
  localHour(time: number): number {
    const local = time + this.config.utcOffsetMinutes * 60_000;
    return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000);
  }

  /** Folds bucket `bucket` and returns its bursting keys, those that burst on their own first (in counting order). */
  score(bucket: CountBucket): Candidate[] {
    const memory = this.memory;
    const t = bucket.index;
    const cfg = this.config;
    const total = Math.max(1, bucket.voices);
    memory.totals.set(t, total);
    memory.avgTotal = memory.avgTotal === 0 ? total : memory.avgTotal + 0.01 * (total - memory.avgTotal);
    const windows = cfg.windows;
    const windowTotals = windows.map((w) => {
      let s = 0;
      for (let b = t - w + 1; b <= t; b++) {
        s += memory.totals.get(b) ?? 0;
      }
      return Math.max(1, s);
    });
    const activity = windows.map((w, i) => windowTotals[i] / (w * Math.max(1, memory.avgTotal)));
    const hour = this.localHour(bucket.start);
    // Buckets folded before this one: corrects the zero start of every EWMA (see BurstScorer.debias).
    const history = t - memory.historyStart;
    const found = this.scoreKeys(bucket.keyColumns(), {
      t,
      total,
      windowTotals: Float64Array.from(windowTotals),
      activity: Float64Array.from(activity),
      hour,
      dayBuckets: memory.dayBuckets,
      history,
    });
    // Bursting and rising keys in the order they were first counted in the bucket: issue formation depends on that
    // order, and so does the order of the keys that burst together (after the keys that burst on their own).
    found.sort((a, b) => a.rank - b.rank);
    const candidates: Candidate[] = [];
    // Keys rising short of a burst on their own; pairs of them told by the same voices burst together (coBurstingKeys).
    const rising: Candidate[] = [];
    // A key at a place shares the evidence of the key without it: 'pasar oebobo' bursts only when 'pasar' itself
    // rises in this bucket. A topic present every day at its normal level, naming a different village each time, has a
    // rare key per village but a steady place-free key.
    const risingIds = new Set<number>();
    for (const c of found) {
      risingIds.add(c.id);
    }
    for (const c of found) {
      const key = memory.trackedKey(c.id);
      if (c.burst && key.placeFree !== null && cfg.placeFactored) {
        const free = memory.keyTable.idOf(key.placeFree);
        if (free !== undefined && !risingIds.has(free)) {
          continue;
        }
      }
      (c.burst ? candidates : rising).push({ key, surprise: c.surprise, window: c.window });
    }
    for (const c of this.coBurstingKeys(rising, t)) {
      candidates.push(c);
    }
    return candidates;
  }

  /**
   * Folds every key of a bucket into its baseline and scores its windows; returns the keys that burst and those that
   * rose to `coBurstSurprise` without bursting (candidates for a co-occurrence burst), in column order. The hot loop
   * of a pass: typed arrays and numbers only, and a method of its own so that it stays optimised (code after the loop
   * that sees new object shapes would otherwise send the whole pass back to the interpreter).
   */
  private scoreKeys(cells: KeyColumns, scoring: BucketScoringInput): BurstingKey[] {
    const { t, total, windowTotals, activity, hour, dayBuckets, history } = scoring;
    const cfg = this.config;
    const windows = cfg.windows;
    const memory = this.memory;
    const baselines = memory.baselines;
    const maxWindow = memory.maxWindow;
    const found: BurstingKey[] = [];
    // Keys are scored down to the lower of the two thresholds: a rising key may yet burst with another.
    const scoreFrom = Math.min(cfg.minSurprise, cfg.coBurstSurprise);
    let touched = 0;
    for (let i = 0; i < cells.length; i++) {
      const id = cells.ids[i];
      const voices = cells.voices[i];
      // Keys are spread over far more memory than the caches hold. Every TOUCH_AHEAD keys, one tight loop reads the
      // blocks of the next TOUCH_AHEAD keys (their loads are independent, so the processor has them all in flight at
      // once) and the hour-of-day multipliers of the keys about to be scored (whose blocks the previous loop read).
      if ((i & (TOUCH_AHEAD - 1)) === 0) {
        touched += baselines.touchBlocks(cells.ids, i + TOUCH_AHEAD, Math.min(cells.length, i + 2 * TOUCH_AHEAD), t);
        touched += baselines.touchProfiles(cells.ids, i, Math.min(cells.length, i + TOUCH_AHEAD), hour);
      }
      this.scorer.decayTo(baselines, id, t - 1);
      // Recent per-bucket voices, limited to the longest window.
      baselines.recordVoices(id, t, voices);
      let bestSurprise = 0;
      let bestWindow = 0;
      // Pruning: the longest window holds every recent voice; below the minimum no window can burst, and most keys
      // of a busy bucket (the long tail of phrases seen once or twice) stop here, with no scoring at all.
      const recent = baselines.recentVoices(id, t - maxWindow + 1, t);
      for (let w = 0; recent >= cfg.minKeyVoices && w < windows.length; w++) {
        const x = baselines.recentVoices(id, t - windows[w] + 1, t);
        if (x < cfg.minKeyVoices) {
          continue;
        }
        const lambda = this.scorer.expected(baselines, id, windows[w], windowTotals[w], activity[w], hour, history);
        // The point probability bounds the tail: keys that cannot reach the threshold skip the tail sum.
        if (poissonPointSurprise(x, lambda) < scoreFrom) {
          continue;
        }
        let surprise = poissonSurprise(x, lambda);
        // Daily recurrence: what the same window held one and two days ago (the morning traffic talk).
        if (surprise >= scoreFrom) {
          const seen = Math.max(
            memory.voicesAt(id, t - dayBuckets, windows[w]),
            memory.voicesAt(id, t - 2 * dayBuckets, windows[w]),
          );
          if (seen > 0) {
            surprise = Math.min(surprise, poissonSurprise(x, Math.max(lambda, seen)));
          }
        }
        if (surprise > bestSurprise) {
          bestSurprise = surprise;
          bestWindow = windows[w];
        }
      }
      const isBurst = bestSurprise >= cfg.minSurprise;
      this.scorer.fold(baselines, id, t, voices, total, hour, isBurst, history);
      if (isBurst || bestSurprise >= cfg.coBurstSurprise) {
        found.push({ id, rank: cells.ranks[i], surprise: bestSurprise, window: bestWindow, burst: isBurst });
      }
    }
    this.touchedSum = touched;
    return found;
  }

  /**
   * Co-occurrence bursts: keys rising short of `minSurprise` on their own (a second flood in a place whose words had
   * a story the day before, in a quiet stream) burst together when `minIssueVoices` distinct voices wrote both in
   * their windows. One of the two must be story content (not a place) and they share no word (a phrase and its own
   * term always co-occur). Chance pairs of chatter words rarely reach that many voices; recurring talk is kept out
   * by the daily-recurrence cap on each key's surprise.
   */
  private coBurstingKeys(rising: readonly Candidate[], t: number): Candidate[] {
    if (rising.length < 2) {
      return [];
    }
    const memory = this.memory;
    const postRising = new Map<number, number[]>();
    rising.forEach((c, i) => {
      for (const seq of memory.postingsOf(c.key, t - c.window + 1, t)) {
        const list = postRising.get(seq);
        if (list) {
          list.push(i);
        } else {
          postRising.set(seq, [i]);
        }
      }
    });
    const pairVoices = new Map<number, Set<number>>();
    const promoted = new Set<number>();
    for (const [seq, list] of postRising) {
      if (list.length < 2) {
        continue;
      }
      const voice = memory.posts.get(seq)!.voice;
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const i = list[a];
          const j = list[b];
          if (!storyPair(rising[i].key, rising[j].key)) {
            continue;
          }
          const pair = i * rising.length + j;
          let voices = pairVoices.get(pair);
          if (!voices) {
            pairVoices.set(pair, (voices = new Set()));
          }
          voices.add(voice);
          if (voices.size >= this.config.minIssueVoices) {
            promoted.add(i);
            promoted.add(j);
          }
        }
      }
    }
    return [...promoted].map((i) => rising[i]);
  }

  /** The sum of the read-ahead values of the last pass (for benchmarks: keeps the reads observable). */
  get touched(): number {
    return this.touchedSum;
  }
}
