/**
 * Detection rows of `npm run eval`: the detector on seeded synthetic streams of every shape, each post through the
 * analysis engine as in the workers. The valid run uses tuning seeds 1–3; `--test` the held-out seeds 101 and 102
 * (docs/detection.md). Floors are the detection targets, under the tuning figures (0.95 / 0.90 / 0.63 buckets).
 */
import { createAnalyzer, loadGazetteer } from '../../src/analysis/index.js';
import type { EvalSuite } from '../eval-suite.js';
import { evaluateSeeds, summarise } from './evaluation-runner.js';

const SEEDS = { valid: [1, 2, 3], test: [101, 102] };
const HOME_REGION = '64';

export const detectionSuite: EvalSuite = {
  name: 'detection',
  async run(ctx) {
    const analyzer = createAnalyzer({ homeRegion: HOME_REGION, gazetteer: await loadGazetteer() });
    const seeds = SEEDS[ctx.split];
    const rows = evaluateSeeds(seeds, undefined, { analyze: (text) => analyzer.analyze(text) });
    const pooled = summarise(rows.map((r) => r.detector));
    const data = `${rows.length} streams, seeds ${seeds.join(',')}`;
    const posts = rows.reduce((s, r) => s + r.posts, 0);
    const row = (metric: string, value: number, floor: number, lowerIsBetter = false) => ({
      suite: 'detection',
      subject: 'issue detector (pooled)',
      data,
      n: posts,
      metric,
      value,
      floor,
      lowerIsBetter,
    });
    return [
      row('event recall', pooled.recall, 0.9),
      row('precision', pooled.precision, 0.8),
      row('median latency (buckets)', pooled.medianLatencyBuckets ?? Infinity, 2, true),
    ];
  },
};
