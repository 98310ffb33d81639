/**
 * Detection pass benchmark: a 24-hour window of bucket counts standing for 1,000,000 posts (15-minute buckets, daily
 * rhythm, Zipf vocabularies of terms, bigrams, trigrams and hashtags, a few injected bursts), loaded as plain count
 * rows the way the worker restores them; then
 *   - the pass that folds and scores all 96 buckets of the window, the detector holding a day of history before it
 *     (baselines built by an untimed pass over the previous day: the steady state the worker runs in),
 *   - an incremental pass over one new bucket (one pass per bucket in the worker),
 *   - a cold pass over the same window with no history at all (worker restart without persisted baselines),
 * and, separately, the ingest path (tokens → counts, near-duplicate index, assignment) on real post objects.
 * Prints a table. One core: run alone. Two days of counts for 1 M posts/day are ~12 M cells: run with a larger heap
 * (`node --expose-gc --max-old-space-size=6144 dist/bench/detection.bench.js`); BENCH_POSTS scales the volume.
 */
import { IssueDetector } from '../src/issues/detection/issue-detector.js';
import type { BucketCountRow, DetectorPost, FeatureKind } from '../src/issues/detection/detection.types.js';
import { SeededRandom, generateStream, STREAM_SHAPES } from '../src/issues/evaluation/stream-generator.js';
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
  ): { rows: number; keysMax: number } => {
    let rows = 0;
    let keysMax = 0;
    for (let b = from; b < to; b++) {
      const batch = bucketRows(first + b, postsIn(b), b >= burstFrom);
      rows += batch.length;
      keysMax = Math.max(keysMax, batch.length);
      detector.importCounts(batch);
    }
    return { rows, keysMax };
  };

  // Steady state: the detector has a day of history (baselines with the daily rhythm) when the measured window opens.
  let detector: IssueDetector | null = new IssueDetector();
  load(detector, 0, 96, Infinity);
  const tw = performance.now();
  detector.runPass((first + 96) * BUCKET);
  const warmMs = performance.now() - tw;
  const t0 = performance.now();
  const { rows: rowCount, keysMax } = load(detector, 96, 192, 186);
  const loadMs = performance.now() - t0;
  const loaded = heapAfterGc();
  const t1 = performance.now();
  const window = detector.runPass((first + 192) * BUCKET);
  const windowMs = performance.now() - t1;
  // One more bucket, then an incremental pass (one pass per bucket in the worker).
  load(detector, 192, 193, 0);
  const t2 = performance.now();
  const inc = detector.runPass((first + 193) * BUCKET);
  const incMs = performance.now() - t2;
  const heldKeys = detector.stats().keys;
  detector = null; // two days of counts: release them before the cold detector loads its own
  gc?.();
  // Cold: a worker restarted with no persisted baselines scores the same window against nothing.
  const coldDetector = new IssueDetector();
  load(coldDetector, 96, 192, 186);
  const t4 = performance.now();
  const cold = coldDetector.runPass((first + 192) * BUCKET);
  const coldMs = performance.now() - t4;

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
  console.log('Detection pass benchmark (one process, 15-minute buckets)');
  console.log(
    `window: 24 h, ${POSTS.toLocaleString('en')} posts as counts, ${rowCount.toLocaleString('en')} count rows, up to ${keysMax.toLocaleString('en')} keys per bucket`,
  );
  console.log('| step                                          |    time ms | note');
  console.log('|-----------------------------------------------|------------|------------------------------');
  console.log(`| warm-up pass over the previous day (untimed)  | ${fmt(warmMs)} | builds baselines`);
  console.log(
    `| load the window's count rows (not the pass)   | ${fmt(loadMs)} | importCounts; then two days held: heap ${loaded.heapMb.toFixed(0)} MB, typed arrays ${loaded.arrayBuffersMb.toFixed(0)} MB`,
  );
  console.log(
    `| pass over the 24 h window, with history       | ${fmt(windowMs)} | ${window.burstingKeys} bursting keys, ${window.upserts.length} issues`,
  );
  console.log(
    `| incremental pass, 1 new bucket                | ${fmt(incMs)} | ${inc.burstingKeys} bursting keys, ${heldKeys.toLocaleString('en')} keys held`,
  );
  console.log(`| cold pass over the window, no history         | ${fmt(coldMs)} | ${cold.burstingKeys} bursting keys`);
  console.log(
    `| ingest ${String(posts.length).padStart(6)} posts (busy stream)            | ${fmt(ingestTotal)} | ${Math.round(posts.length / (ingestTotal / 1000)).toLocaleString('en')} posts/s`,
  );
  console.log(
    `| ${String(passes).padStart(4)} replay passes (same stream)             | ${fmt(passMs)} | ${(passMs / passes).toFixed(2)} ms per pass`,
  );
  console.log(
    `target: a pass over a 24-hour window of 1,000,000 posts given bucket counts ≤ 2000 ms → with history ${windowMs <= 2000 ? 'OK' : 'MISSED'}, cold ${coldMs <= 2000 ? 'OK' : 'MISSED'}`,
  );
}

main();
