/**
 * Runs the detector and the spike baseline over generated streams and scores both.
 */
import type { PostAnalysis } from '../../src/analysis/analysis.types.js';
import type { DetectorConfig } from '../../src/issues/detection/detection.types.js';
import { IssueDetector } from '../../src/issues/detection/issue-detector.js';
import { toDetectorPost } from '../../src/issues/detection/post-adapter.js';
import { evaluateDetection, type EvaluationResult } from './detection-evaluator.js';
import { SpikeBaseline } from './spike-baseline.js';
import { generateStream, STREAM_SHAPES, type GeneratedStream, type StreamShape } from './stream-generator.js';
import { replayStream } from './stream-replayer.js';

export interface EvaluationRow {
  seed: number;
  shape: string;
  posts: number;
  detector: EvaluationResult;
  baseline: EvaluationResult | null;
  passMs: number;
  passes: number;
}

export type Analyze = (text: string) => PostAnalysis;

export function evaluateOnStream(
  stream: GeneratedStream,
  options: { config?: Partial<DetectorConfig>; baseline?: boolean; analyze?: Analyze } = {},
): EvaluationRow {
  const detector = new IssueDetector(options.config ?? {});
  const bucketMs = detector.config.bucketMs;
  const posts = stream.posts.map((p) => toDetectorPost(p, options.analyze?.(p.text)));
  const run = replayStream(detector, posts, bucketMs, stream.end);
  const detectorResult = evaluateDetection(stream, run.issues, bucketMs);
  let baseline: EvaluationResult | null = null;
  if (options.baseline !== false) {
    const spike = new SpikeBaseline(bucketMs);
    const spikeRun = replayStream(spike, posts, bucketMs, stream.end);
    baseline = evaluateDetection(stream, spikeRun.issues, bucketMs);
  }
  return {
    seed: stream.seed,
    shape: stream.shape.name,
    posts: stream.posts.length,
    detector: detectorResult,
    baseline,
    passMs: run.passMs,
    passes: run.passes,
  };
}

export function evaluateSeeds(
  seeds: readonly number[],
  shapes: readonly StreamShape[] = Object.values(STREAM_SHAPES),
  options: { config?: Partial<DetectorConfig>; baseline?: boolean; analyze?: Analyze } = {},
): EvaluationRow[] {
  const rows: EvaluationRow[] = [];
  for (const shape of shapes) {
    for (const seed of seeds) {
      rows.push(evaluateOnStream(generateStream(seed, shape), options));
    }
  }
  return rows;
}

export interface EvaluationSummary {
  recall: number;
  precision: number;
  medianLatencyBuckets: number | null;
  twins: number;
  falseFromBackground: number;
  campaignsFlagged: number;
  campaignsTotal: number;
  /** False issues first detected in the first day of a cold stream. */
  firstDayFalse: number;
}

/** Pooled figures: recall over all events, precision over all issues, median of per-stream medians. */
export function summarise(results: readonly EvaluationResult[]): EvaluationSummary {
  const events = results.reduce((s, r) => s + r.events, 0);
  const detected = results.reduce((s, r) => s + r.detected, 0);
  const issues = results.reduce((s, r) => s + r.issues, 0);
  const correct = results.reduce((s, r) => s + r.correct, 0);
  const medians = results
    .map((r) => r.medianLatencyBuckets)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  return {
    recall: events ? detected / events : 1,
    precision: issues ? correct / issues : 1,
    medianLatencyBuckets: medians.length ? medians[Math.floor((medians.length - 1) / 2)] : null,
    twins: results.reduce((s, r) => s + r.twins, 0),
    falseFromBackground: results.reduce((s, r) => s + r.falseFromBackground, 0),
    campaignsFlagged: results.reduce((s, r) => s + r.campaignsFlagged, 0),
    campaignsTotal: results.reduce((s, r) => s + r.campaignsTotal, 0),
    firstDayFalse: results.reduce((s, r) => s + (r.firstDayFalse ?? 0), 0),
  };
}
