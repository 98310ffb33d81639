/**
 * Detection pass benchmark: a 24-hour window of bucket counts standing for 1,000,000 posts (15-minute buckets, daily
 * rhythm, Zipf vocabularies of terms, bigrams, trigrams and hashtags, a few injected bursts), loaded as plain count
 * rows the way the worker restores them; then
 *   - the pass that folds and scores all 96 buckets of the window, the detector holding a day of history before it
 *     (baselines built by an untimed pass over the previous day: the steady state the worker runs in),
 *   - an incremental pass over one new bucket (one pass per bucket in the worker),
 *   - a cold pass over the same window with no history at all (worker restart without persisted baselines),
 * and, separately, the ingest path (tokens → counts, near-duplicate index, assignment) on real post objects.
 * Prints a table with wall and CPU times. One core: run alone (`node --expose-gc dist/bench/detection.bench.js`, gc
 * for the heap figure); BENCH_POSTS scales the volume.
 */
import { IssueDetector } from '../src/issues/detection/issue-detector.js';
import type { BucketCountRow, DetectorPost, FeatureKind, PassResult } from '../src/issues/detection/detection.types.js';
import { SeededRandom, generateStream, STREAM_SHAPES } from '../eval/detection/stream-generator.js';
import { toDetectorPost } from '../src/issues/detection/post-adapter.js';

const BUCKET = 15 * 60_000;
const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const RHYTHM = [
  0.25, 0.15, 0.1, 0.1, 0.15, 0.35, 0.7, 0.9, 1.1, 1.2, 1.2, 1.25, 1.35, 1.2, 1.05, 1.0, 1.0, 1.1, 1.3, 1.5, 1.6, 1.5,
  1.0, 0.5,
];
const VOCAB: { prefix: string; kind: FeatureKind; size: number; perPost: number }[] = [
  { prefix: 't', kind: 'term', size: 60_000, perPost: 10 },
  { prefix: 'b', kind: 'bigram', size: 400_000, perPost: 8 },
  { prefix: 'g', kind: 'trigram', size: 1_000_000, perPost: 5 },
  { prefix: 'h', kind: 'hashtag', size: 20_000, perPost: 0.3 },
];

function bucketRows(index: number, posts: number, burst: boolean): BucketCountRow[] {
  // Seeded by the bucket: the cold pass loads exactly the window the warm pass scored.
  const rng = new SeededRandom(index);
  const start = index * BUCKET;
  const rows: BucketCountRow[] = [{ bucketStart: start, key: '*', kind: 'term', authors: posts, voices: posts, posts }];
  for (const v of VOCAB) {
    const counts = new Map<number, number>();
    const draws = Math.round(posts * v.perPost);
    for (let i = 0; i < draws; i++) {
      const id = rng.zipf(v.size, 1.05);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, n] of counts) {
      const voices = Math.max(1, Math.round(n * 0.97));
      rows.push({ bucketStart: start, key: `${v.prefix}:w${id}`, kind: v.kind, authors: voices, voices, posts: n });
    }
  }
  if (burst) {
    for (let e = 0; e < 5; e++) {
      rows.push({ bucketStart: start, key: `b:burst${e} place`, kind: 'bigram', authors: 40, voices: 40, posts: 45 });
      rows.push({ bucketStart: start, key: `t:burstword${e}`, kind: 'term', authors: 60, voices: 60, posts: 64 });
    }
  }
  return rows;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap in use and typed-array memory after a full collection (MB); without --expose-gc, as found. */
function heapAfterGc(): { heapMb: number; arrayBuffersMb: number } {
  gc?.();
  const m = process.memoryUsage();
  return { heapMb: m.heapUsed / 2 ** 20, arrayBuffersMb: m.arrayBuffers / 2 ** 20 };
}

interface Timing {
  wallMs: number;
  /** CPU time of the whole process (user + system, all threads: GC helpers included). */
  cpuMs: number;
}

/** Runs `fn` and times it by the wall clock and by CPU time (the machine is shared: wall time alone overstates). */
function measure<T>(fn: () => T): [T, Timing] {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return [result, { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }];
}

function main(): void {
  const day0 = Date.UTC(2025, 0, 6) - 8 * 3600_000;
  const first = Math.floor(day0 / BUCKET);
  const rhythmSum = RHYTHM.reduce((s, x) => s + x, 0) * 4;
  const postsIn = (b: number): number => Math.round((POSTS * RHYTHM[Math.floor((b % 96) / 4)]) / rhythmSum);
  const load = (
    detector: IssueDetector,
    from: number,
    to: number,
    burstFrom: number,
  ): { rows: number; keysMax: number; importT: Timing } => {
    let rows = 0;
    let keysMax = 0;
    const importT: Timing = { wallMs: 0, cpuMs: 0 };
    for (let b = from; b < to; b++) {
      // Generating the rows is the benchmark's own work: only importCounts is timed.
      const batch = bucketRows(first + b, postsIn(b), b >= burstFrom);
      rows += batch.length;
      keysMax = Math.max(keysMax, batch.length);
      const [, t] = measure(() => detector.importCounts(batch));
      importT.wallMs += t.wallMs;
      importT.cpuMs += t.cpuMs;
    }
    return { rows, keysMax, importT };
  };

  // Steady state: the detector has a day of history (baselines with the daily rhythm) when the measured window opens.
  // In a function of its own so that its two days of counts are released before the cold detector loads its own.
  const steady = (): {
    warmT: Timing;
    rowCount: number;
    keysMax: number;
    loadT: Timing;
    loaded: { heapMb: number; arrayBuffersMb: number };
    window: PassResult;
    windowT: Timing;
    inc: PassResult;
    incT: Timing;
    heldKeys: number;
  } => {
    const detector = new IssueDetector();
    load(detector, 0, 96, Infinity);
    const [, warmT] = measure(() => detector.runPass((first + 96) * BUCKET));
    const { rows: rowCount, keysMax, importT: loadT } = load(detector, 96, 192, 186);
    const loaded = heapAfterGc();
    const [window, windowT] = measure(() => detector.runPass((first + 192) * BUCKET));
    // One more bucket, then an incremental pass (one pass per bucket in the worker).
    load(detector, 192, 193, 0);
    const [inc, incT] = measure(() => detector.runPass((first + 193) * BUCKET));
    return { warmT, rowCount, keysMax, loadT, loaded, window, windowT, inc, incT, heldKeys: detector.stats().keys };
  };
  const { warmT, rowCount, keysMax, loadT, loaded, window, windowT, inc, incT, heldKeys } = steady();
  if (process.env.BENCH_STEADY_ONLY) {
    // While iterating: the steady-state steps only.
    console.log(
      `warm ${warmT.wallMs.toFixed(0)} (${warmT.cpuMs.toFixed(0)}) import ${loadT.wallMs.toFixed(0)} (${loadT.cpuMs.toFixed(0)}) window ${windowT.wallMs.toFixed(0)} (${windowT.cpuMs.toFixed(0)}) inc ${incT.wallMs.toFixed(1)} bursting ${window.burstingKeys}/${inc.burstingKeys} keys ${heldKeys}`,
    );
    return;
  }
  gc?.();
  // Cold: a worker restarted with no persisted baselines scores the same window against nothing.
  const coldDetector = new IssueDetector();
  load(coldDetector, 96, 192, 186);
  const [cold, coldT] = measure(() => coldDetector.runPass((first + 192) * BUCKET));

  // Ingest path on post objects (analysis already done: tokens given).
  const stream = generateStream(5, STREAM_SHAPES.busy);
  const posts: DetectorPost[] = stream.posts.map((p) => toDetectorPost(p));
  const ingestDetector = new IssueDetector();
  const t3 = performance.now();
  let b0 = -Infinity;
  let passMs = 0;
  let passes = 0;
  for (const p of posts) {
    const b = Math.floor(p.createdAt / BUCKET);
    if (b > b0 && b0 !== -Infinity) {
      const tp = performance.now();
      ingestDetector.runPass(b * BUCKET);
      passMs += performance.now() - tp;
      passes++;
    }
    b0 = Math.max(b0, b);
    ingestDetector.ingest(p);
  }
  const ingestTotal = performance.now() - t3 - passMs;

  const fmt = (x: number): string => x.toFixed(1).padStart(10);
  const fmtT = (t: Timing): string => `${fmt(t.wallMs)} | ${fmt(t.cpuMs)}`;
  console.log('Detection pass benchmark (one process, 15-minute buckets)');
  console.log(
    `window: 24 h, ${POSTS.toLocaleString('en')} posts as counts, ${rowCount.toLocaleString('en')} count rows, up to ${keysMax.toLocaleString('en')} keys per bucket`,
  );
  const noCpu = ' '.repeat(10);
  console.log('| step                                          |    time ms |     cpu ms | note');
  console.log(
    '|-----------------------------------------------|------------|------------|------------------------------',
  );
  console.log(
    `| warm-up pass over the previous day            | ${fmtT(warmT)} | builds baselines (not the measured pass)`,
  );
  console.log(
    `| load the window's count rows (not the pass)   | ${fmtT(loadT)} | importCounts only (not generating the rows); then two days held: heap ${loaded.heapMb.toFixed(0)} MB, typed arrays ${loaded.arrayBuffersMb.toFixed(0)} MB`,
  );
  console.log(
    `| pass over the 24 h window, with history       | ${fmtT(windowT)} | ${window.burstingKeys} bursting keys, ${window.upserts.length} issues`,
  );
  console.log(
    `| incremental pass, 1 new bucket                | ${fmtT(incT)} | ${inc.burstingKeys} bursting keys, ${heldKeys.toLocaleString('en')} keys held`,
  );
  console.log(`| cold pass over the window, no history         | ${fmtT(coldT)} | ${cold.burstingKeys} bursting keys`);
  console.log(
    `| ingest ${String(posts.length).padStart(6)} posts (busy stream)            | ${fmt(ingestTotal)} | ${noCpu} | ${Math.round(posts.length / (ingestTotal / 1000)).toLocaleString('en')} posts/s`,
  );
  console.log(
    `| ${String(passes).padStart(4)} replay passes (same stream)             | ${fmt(passMs)} | ${noCpu} | ${(passMs / passes).toFixed(2)} ms per pass`,
  );
  const verdict = (t: Timing): string => (t.wallMs <= 2000 ? 'OK' : 'MISSED');
  console.log(
    `target: a pass over a 24-hour window of 1,000,000 posts given bucket counts ≤ 2000 ms → with history ${verdict(windowT)}, cold ${verdict(coldT)}`,
  );
}

main();
