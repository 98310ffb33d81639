/**
 * The rollups' JavaScript cost of one 1,000-post batch by the hours it spans: `pantau import` spreads a file over its
 * time range, so a batch of a month-long export spans up to 180 hours, and the rollups keep one distinct-author sketch
 * per (hour, dimension, key). Measures what RollupWriter does in memory for a batch (BatchRollup.add for every post,
 * the terms kept, every sketch merged with a stored one of the same key read back and serialised again), without
 * the database. Posts are those of bench:import (demo corpus texts, 20,000 authors), analysed once beforehand by the
 * default analyzer (not timed).
 *
 *   npm run build && node dist/bench/rollup-span.bench.js [-- --rounds 20 --hours 1,7,36,180]
 *
 * Prints the median and best CPU ms of this process per batch (process.cpuUsage: nearly independent of the load)
 * and the median wall ms, with the load average.
 */
import { loadavg } from 'node:os';
import { createAnalyzer } from '../src/analysis/index.js';
import { BatchRollup } from '../src/ingestion/rollup-writer.js';
import type { AnalysedPost } from '../src/ingestion/stored-post.js';
import { HyperLogLog } from '../src/stats/hyperloglog.js';
import { buildDemoCorpus } from '../src/sources/demo/index.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const ROUNDS = Number(args.get('rounds') ?? 20);
const HOURS = (args.get('hours') ?? '1,7,36,180').split(',').map(Number);
const BATCH = 1000;
const SOURCE = '00000000-0000-4000-8000-000000000001';

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** One batch's in-memory rollup work, as RollupWriter.write does it around its statements. */
function rollupBatch(posts: { createdAt: Date; post: AnalysedPost }[], stored: Map<string, Uint8Array>): number {
  const rollup = new BatchRollup(SOURCE);
  for (const { createdAt, post } of posts) {
    rollup.add(createdAt, post);
  }
  const terms = rollup.termRows().length;
  let bytes = 0;
  for (const [key, sketch] of rollup.sketches) {
    const previous = stored.get(key);
    if (previous) {
      sketch.merge(HyperLogLog.fromBytes(previous));
    }
    const written = sketch.toBytes();
    stored.set(key, written);
    bytes += written.length;
  }
  return terms + bytes + rollup.volume.size + rollup.regions.size + rollup.authors.size;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const analyzer = createAnalyzer({ homeRegion: '64.72' });
const texts = buildDemoCorpus().map((post) => post.text);
const analysed: AnalysedPost[] = Array.from({ length: BATCH }, (_, n) => {
  const text = `${texts[n % texts.length]} #lapor${n % 97} (${n})`;
  const post = { externalId: `b${n}`, text, createdAt: '', author: `warga${n % 20_000}`, metrics: { likes: n % 50 } };
  return { post, analysis: analyzer.analyze(text) };
});

console.log(`bench:rollup-span — batches of ${BATCH} posts, ${ROUNDS} rounds each, load ${load()}`);
console.log('| hours spanned | sketches per batch | CPU ms per batch (median) | CPU ms (best) | wall ms (median) |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
let sink = 0;
for (const hours of HOURS) {
  const start = Date.UTC(2026, 10, 1);
  const posts = analysed.map((post, i) => ({
    createdAt: new Date(start + Math.floor((i / BATCH) * hours * 3600_000)),
    post,
  }));
  // The stored sketches of an earlier batch of the same hours (read back and merged, as the writer does).
  const stored = new Map<string, Uint8Array>();
  rollupBatch(posts, stored);
  const cpu: number[] = [];
  const wall: number[] = [];
  let sketches = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const c0 = cpuMs();
    const w0 = performance.now();
    sink += rollupBatch(posts, new Map(stored));
    wall.push(performance.now() - w0);
    cpu.push(cpuMs() - c0);
    sketches = stored.size;
  }
  console.log(
    `| ${hours} | ${sketches.toLocaleString('en')} | ${median(cpu).toFixed(1)} | ${Math.min(...cpu).toFixed(1)} | ${median(wall).toFixed(1)} |`,
  );
}
console.log(`load ${load()} (checksum ${sink})`);

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
}
