/**
 * Scores detected issues against a generated stream's ground truth.
 *
 * - An issue is a hit for event E when more than half of its posts belong to E. The first hit of an organic event
 *   counts; further hits are twins and count against precision, like issues made of background chatter,
 *   recurring topics or one-author spam.
 * - A campaign (near-duplicate copies from many accounts) may surface as an issue only when flagged
 *   `campaign: true`; flagged, it is a correct issue, unflagged it counts against precision. Campaigns are not in
 *   the event recall.
 * - Recall: organic events with at least 10 posts that got a hit. Latency: the hit's first detection time minus the
 *   time of the event's 10th post, in buckets.
 * - Issues first detected during the warm-up (the detector's first day without history) and issues merged into
 *   another are not scored.
 */
import type { GeneratedStream } from './stream-generator.js';

export interface EvaluatedIssue {
  id: string;
  firstDetectedAt: number;
  postIds: string[];
  campaign: boolean;
  state: string;
}

export interface EvaluationResult {
  events: number;
  detected: number;
  recall: number;
  issues: number;
  correct: number;
  precision: number;
  twins: number;
  falseFromBackground: number;
  campaignsFlagged: number;
  campaignsTotal: number;
  unflaggedCampaignIssues: number;
  /** Median latency after the 10th post, in buckets (null when nothing was detected). */
  medianLatencyBuckets: number | null;
  p90LatencyBuckets: number | null;
  /** Mean share of an event's posts assigned to its hit issue. */
  postRecall: number;
  /** Mean share of a hit issue's posts that belong to its event. */
  purity: number;
  missed: string[];
  /**
   * Issues that are no hit (twins, background, unflagged campaigns) first detected in the first day of a cold stream
   * (one whose scoring starts with the stream: the detector begins with no state).
   */
  firstDayFalse: number;
  falsePositives: { id: string; majority: string; share: number; posts: number }[];
}

export function evaluateDetection(
  stream: GeneratedStream,
  issues: readonly EvaluatedIssue[],
  bucketMs: number,
): EvaluationResult {
  const eventById = new Map(stream.events.map((e) => [e.id, e]));
  const organic = stream.events.filter((e) => e.kind === 'event' && e.tenthPostAt !== null);
  const campaigns = stream.events.filter((e) => e.kind === 'campaign' && e.tenthPostAt !== null);
  const hit = new Map<string, EvaluatedIssue>();
  const latencies: number[] = [];
  const postRecalls: number[] = [];
  const purities: number[] = [];
  const falsePositives: EvaluationResult['falsePositives'] = [];
  let scored = 0;
  let correct = 0;
  let twins = 0;
  let falseBg = 0;
  let unflagged = 0;
  let flagged = 0;
  let firstDayFalse = 0;
  const cold = stream.warmupEnd <= stream.start;
  const firstDayEnd = stream.start + 86_400_000;
  const sorted = [...issues].sort((a, b) => a.firstDetectedAt - b.firstDetectedAt);
  for (const issue of sorted) {
    if (issue.state === 'merged') {
      continue;
    }
    if (issue.firstDetectedAt < stream.warmupEnd) {
      continue;
    }
    if (issue.postIds.length === 0) {
      continue;
    }
    scored++;
    const counts = new Map<string, number>();
    for (const id of issue.postIds) {
      const t = stream.truth.get(id) ?? 'bg';
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    let majority = 'bg';
    let majorityN = 0;
    for (const [t, n] of counts) {
      if (n > majorityN) {
        majority = t;
        majorityN = n;
      }
    }
    const share = majorityN / issue.postIds.length;
    const event = share > 0.5 ? eventById.get(majority) : undefined;
    if (event && event.kind === 'event') {
      if (hit.has(event.id)) {
        twins++;
        firstDayFalse += cold && issue.firstDetectedAt < firstDayEnd ? 1 : 0;
        falsePositives.push({ id: issue.id, majority: `${majority} (twin)`, share, posts: issue.postIds.length });
        continue;
      }
      hit.set(event.id, issue);
      correct++;
      purities.push(share);
      postRecalls.push(majorityN / Math.max(1, event.posts));
      if (event.tenthPostAt !== null) {
        latencies.push((issue.firstDetectedAt - event.tenthPostAt) / bucketMs);
      }
      continue;
    }
    if (event && event.kind === 'campaign') {
      if (issue.campaign && !hit.has(event.id)) {
        hit.set(event.id, issue);
        correct++;
        flagged++;
        continue;
      }
      unflagged++;
    } else {
      falseBg++;
    }
    firstDayFalse += cold && issue.firstDetectedAt < firstDayEnd ? 1 : 0;
    falsePositives.push({ id: issue.id, majority, share, posts: issue.postIds.length });
  }
  const detected = organic.filter((e) => hit.has(e.id)).length;
  latencies.sort((a, b) => a - b);
  return {
    events: organic.length,
    detected,
    recall: organic.length ? detected / organic.length : 1,
    issues: scored,
    correct,
    precision: scored ? correct / scored : 1,
    twins,
    falseFromBackground: falseBg,
    campaignsFlagged: flagged,
    campaignsTotal: campaigns.length,
    unflaggedCampaignIssues: unflagged,
    medianLatencyBuckets: quantile(latencies, 0.5),
    p90LatencyBuckets: quantile(latencies, 0.9),
    postRecall: mean(postRecalls),
    purity: mean(purities),
    missed: organic.filter((e) => !hit.has(e.id)).map((e) => e.id),
    firstDayFalse,
    falsePositives,
  };
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) {
    return null;
  }
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}
