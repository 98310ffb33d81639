/**
 * Replays a time-ordered stream through a detector with the bucket clock driven by the posts' timestamps: a pass
 * runs each time a post opens a later bucket, and once more at the end.
 */
import type { DetectorPost, IssueSnapshot, PassResult } from '../../src/issues/detection/detection.types.js';

export interface ReplayableDetector {
  ingest(post: DetectorPost): unknown;
  runPass(now: number): PassResult;
  issues(): IssueSnapshot[];
}

export interface ReplayResult {
  issues: IssueSnapshot[];
  passes: number;
  /** Wall time spent in passes (ms). */
  passMs: number;
  ingestMs: number;
}

export function replayStream(
  detector: ReplayableDetector,
  posts: Iterable<DetectorPost>,
  bucketMs: number,
  endAt?: number,
): ReplayResult {
  let currentBucket = -Infinity;
  let passes = 0;
  let passMs = 0;
  let ingestMs = 0;
  let last = -Infinity;
  for (const post of posts) {
    const b = Math.floor(post.createdAt / bucketMs);
    if (b > currentBucket) {
      if (currentBucket !== -Infinity) {
        const t0 = performance.now();
        detector.runPass(b * bucketMs);
        passMs += performance.now() - t0;
        passes++;
      }
      currentBucket = b;
    }
    const t1 = performance.now();
    detector.ingest(post);
    ingestMs += performance.now() - t1;
    if (post.createdAt > last) {
      last = post.createdAt;
    }
  }
  const end = endAt ?? (Number.isFinite(last) ? (Math.floor(last / bucketMs) + 1) * bucketMs : 0);
  const t0 = performance.now();
  detector.runPass(end);
  passMs += performance.now() - t0;
  passes++;
  return { issues: detector.issues(), passes, passMs, ingestMs };
}
