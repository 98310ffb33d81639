/**
 * Detection pass benchmark: a 24-hour window of bucket counts standing for 1,000,000 posts (15-minute buckets, daily
 * rhythm, Zipf vocabularies of terms, bigrams, trigrams and hashtags, a few injected bursts), loaded as plain count
 * rows the way the worker restores them; then
 *   - a cold pass that folds and scores all 96 buckets (worker restart without persisted baselines),
 *   - an incremental pass over one new bucket (the steady state: one pass per bucket or every few minutes),
 * and, separately, the ingest path (tokens → counts, near-duplicate index, assignment) on real post objects.
 * Prints a table. One core: run alone.
 */
import { IssueDetector } from '../src/issues/detection/issue-detector.js';
import type { BucketCountRow, DetectorPost, FeatureKind } from '../src/issues/detection/detection.types.js';
import { SeededRandom, generateStream, STREAM_SHAPES } from '../src/issues/evaluation/stream-generator.js';
import { toDetectorPost } from '../src/issues/detection/post-adapter.js';

const BUCKET = 15 * 60_000;
const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const RHYTHM = [0.25, 0.15, 0.1, 0.1, 0.15, 0.35, 0.7, 0.9, 1.1, 1.2, 1.2, 1.25, 1.35, 1.2, 1.05, 1.0, 1.0, 1.1, 1.3, 1.5, 1.6, 1.5, 1.0, 0.5];
const VOCAB: { prefix: string; kind: FeatureKind; size: number; perPost: number }[] = [
  { prefix: 't', kind: 'term', size: 60_000, perPost: 10 },
  { prefix: 'b', kind: 'bigram', size: 400_000, perPost: 8 },
  { prefix: 'g', kind: 'trigram', size: 1_000_000, perPost: 5 },
  { prefix: 'h', kind: 'hashtag', size: 20_000, perPost: 0.3 },
];

function bucketRows(rng: SeededRandom, index: number, posts: number, burst: boolean): BucketCountRow[] {
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

function main(): void {
  const rng = new SeededRandom(7);
  const day0 = Date.UTC(2025, 0, 6) - 8 * 3600_000;
  const first = Math.floor(day0 / BUCKET);
  const rhythmSum = RHYTHM.reduce((s, x) => s + x, 0) * 4;
  const detector = new IssueDetector();
  let rowCount = 0;
  let keysMax = 0;
  const t0 = performance.now();
  for (let b = 0; b < 96; b++) {
    const posts = Math.round((POSTS * RHYTHM[Math.floor(b / 4)]) / rhythmSum);
    const rows = bucketRows(rng, first + b, posts, b >= 90);
    rowCount += rows.length;
    keysMax = Math.max(keysMax, rows.length);
    detector.importCounts(rows);
  }
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  const cold = detector.runPass((first + 96) * BUCKET);
  const coldMs = performance.now() - t1;
  // One more bucket (the next 15 minutes at the evening rate), then an incremental pass.
  detector.importCounts(bucketRows(rng, first + 96, Math.round((POSTS * RHYTHM[0]) / rhythmSum), true));
  const t2 = performance.now();
  const inc = detector.runPass((first + 97) * BUCKET);
  const incMs = performance.now() - t2;

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
  console.log(`window: 24 h, ${POSTS.toLocaleString('en')} posts as counts, ${rowCount.toLocaleString('en')} count rows, up to ${keysMax.toLocaleString('en')} keys per bucket`);
  console.log('| step                                   |    time ms | note');
  console.log('|----------------------------------------|------------|------------------------------');
  console.log(`| load count rows (not part of the pass) | ${fmt(loadMs)} | importCounts`);
  console.log(`| cold pass over 96 buckets              | ${fmt(coldMs)} | ${cold.burstingKeys} bursting keys, ${cold.upserts.length} issues`);
  console.log(`| incremental pass, 1 new bucket         | ${fmt(incMs)} | ${inc.burstingKeys} bursting keys`);
  console.log(`| ingest ${String(posts.length).padStart(6)} posts (busy stream)     | ${fmt(ingestTotal)} | ${Math.round(posts.length / (ingestTotal / 1000)).toLocaleString('en')} posts/s`);
  console.log(`| ${String(passes).padStart(4)} replay passes (same stream)      | ${fmt(passMs)} | ${(passMs / passes).toFixed(2)} ms per pass`);
  console.log(`target: a pass over a 24-hour window of 1,000,000 posts given bucket counts ≤ 2000 ms → cold ${coldMs <= 2000 ? 'OK' : 'MISSED'}`);
}

main();
