/**
 * Simulation of the demo deployment at its default speed (docs/detection.md, "Demo simulation"): the demo corpus is
 * planned on the real clock from a start time (src/sources/demo), its three days of history are fed first (what the
 * worker's rebuild does once the back-dated history is stored), then the replayed part arrives as it falls due, with a
 * detection pass every `intervalSeconds` as the scheduled worker runs them. Every post goes through the analysis
 * engine (home region Kota Samarinda's province), as in the workers.
 *
 * Reported per start time: for each demo story, the issues most of whose posts belong to it (exactly one is the goal)
 * and the minutes after the start at which the first was detected; and every other issue (none is the goal).
 *
 *   node dist/eval/detection/demo-simulation.js [--speed 24] [--starts 2026-11-30T02:05:00Z,…]
 */
import { pathToFileURL } from 'node:url';
import { createAnalyzer, loadGazetteer } from '../../src/analysis/index.js';
import type { DetectorPost, IssueSnapshot } from '../../src/issues/detection/detection.types.js';
import type { DetectorConfig } from '../../src/issues/detection/detector-config.js';
import { IssueDetector } from '../../src/issues/detection/issue-detector.js';
import { toDetectorPost } from '../../src/issues/detection/post-adapter.js';
import { buildDemoCorpus, planDemoReplay, type DemoStory, type PlannedDemoPost } from '../../src/sources/demo/index.js';
import { DEMO_DEFAULT_SPEED, DEMO_STORIES } from '../../src/sources/demo/demo-post.types.js';

/** The start times of the simulation (UTC): night, morning, afternoon, and two a few minutes apart. */
export const DEMO_SIMULATION_STARTS = [
  '2026-11-30T02:05:00Z',
  '2026-11-30T09:52:00Z',
  '2026-11-30T14:30:00Z',
  '2026-11-30T14:37:00Z',
  '2026-11-30T14:44:00Z',
];

export interface DemoSimulationOptions {
  speed?: number;
  bucketMinutes?: number;
  intervalSeconds?: number;
  /** Overrides of the detector's settings (to measure a variant; the defaults otherwise). */
  detectorConfig?: Partial<DetectorConfig>;
}

export interface StoryOutcome {
  story: DemoStory;
  /** Issues most of whose posts belong to the story. */
  issues: number;
  /** Minutes after the start at which the first of them was detected (null: never). */
  firstMinutes: number | null;
}

export interface DemoSimulationResult {
  startedAt: string;
  stories: StoryOutcome[];
  /** Issues most of whose posts belong to no story. */
  others: { label: string; minutes: number; posts: number }[];
}

type Analyze = (text: string) => Parameters<typeof toDetectorPost>[1];

export function simulateDemo(
  startedAt: Date,
  analyze: Analyze,
  options: DemoSimulationOptions = {},
): DemoSimulationResult {
  const speed = options.speed ?? DEMO_DEFAULT_SPEED;
  const bucketMs = (options.bucketMinutes ?? 15) * 60_000;
  const intervalMs = (options.intervalSeconds ?? 180) * 1000;
  const plan = planDemoReplay(buildDemoCorpus(), startedAt, { speed });
  const storyOf = new Map<string, DemoStory>();
  const detectorPost = (p: PlannedDemoPost): DetectorPost => {
    if (p.story) {
      storyOf.set(p.externalId, p.story);
    }
    return toDetectorPost(
      {
        id: p.externalId,
        text: p.text,
        createdAt: p.createdAt.getTime(),
        author: p.author,
        source: 'demo',
        reach: p.metrics.likes + p.metrics.reposts + p.metrics.replies,
        url: p.url,
      },
      analyze(p.text),
    );
  };
  const detector = new IssueDetector({ ...options.detectorConfig, bucketMs });
  // History first, in time order, a pass at every new bucket (the rebuild folds the stored history bucket by bucket).
  let bucket = -Infinity;
  for (const p of plan.history) {
    const b = Math.floor(p.createdAt.getTime() / bucketMs);
    if (b > bucket && Number.isFinite(bucket)) {
      detector.runPass(b * bucketMs);
    }
    bucket = Math.max(bucket, b);
    detector.ingest(detectorPost(p));
  }
  // The replay: posts as they fall due, a scheduled pass every interval, until a bucket after the last post.
  const start = startedAt.getTime();
  const last = plan.live.length ? plan.live[plan.live.length - 1].dueAt.getTime() : start;
  let next = 0;
  for (let clock = start + intervalMs; clock <= last + bucketMs + intervalMs; clock += intervalMs) {
    while (next < plan.live.length && plan.live[next].dueAt.getTime() <= clock) {
      detector.ingest(detectorPost(plan.live[next].post));
      next++;
    }
    detector.runPass(clock);
  }
  return judge(detector.issues(), storyOf, start, startedAt.toISOString());
}

function judge(
  issues: readonly IssueSnapshot[],
  storyOf: ReadonlyMap<string, DemoStory>,
  start: number,
  startedAt: string,
): DemoSimulationResult {
  const minutes = (at: number): number => Math.round(((at - start) / 60_000) * 10) / 10;
  const stories = DEMO_STORIES.map((story) => ({ story, issues: 0, firstMinutes: null as number | null }));
  const others: DemoSimulationResult['others'] = [];
  for (const issue of issues) {
    if (issue.state === 'merged') {
      continue;
    }
    const counts = new Map<DemoStory, number>();
    for (const id of issue.postIds) {
      const s = storyOf.get(id);
      if (s) {
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
    }
    const major = [...counts].find(([, n]) => n * 2 > issue.postIds.length);
    if (!major) {
      others.push({ label: issue.label, minutes: minutes(issue.firstDetectedAt), posts: issue.postIds.length });
      continue;
    }
    const row = stories.find((s) => s.story === major[0])!;
    row.issues++;
    const at = minutes(issue.firstDetectedAt);
    row.firstMinutes = row.firstMinutes === null ? at : Math.min(row.firstMinutes, at);
  }
  return { startedAt, stories, others };
}

/** Prints one row per start time: per story the issue count and minutes, then the other issues. */
export function formatDemoSimulation(results: readonly DemoSimulationResult[]): string {
  const lines = [`start (UTC)          | ${DEMO_STORIES.map((s) => s.padEnd(24)).join(' | ')} | other issues`];
  for (const r of results) {
    const cells = r.stories.map((s) =>
      `${s.issues} issue${s.issues === 1 ? ' ' : 's'}${s.firstMinutes === null ? '' : ` at ${s.firstMinutes} min`}`.padEnd(
        24,
      ),
    );
    const others = r.others.map((o) => `"${o.label}" (${o.posts} posts, ${o.minutes} min)`).join('; ') || 'none';
    lines.push(`${r.startedAt.slice(0, 16).padEnd(20)} | ${cells.join(' | ')} | ${others}`);
  }
  const exact = results.every((r) => r.others.length === 0 && r.stories.every((s) => s.issues === 1));
  lines.push(`every story exactly one issue and nothing else: ${exact ? 'yes' : 'no'}`);
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const speed = Number(arg('--speed') ?? DEMO_DEFAULT_SPEED);
  const starts = (arg('--starts') ?? DEMO_SIMULATION_STARTS.join(',')).split(',').map((s) => new Date(s.trim()));
  if (!Number.isFinite(speed) || speed <= 0 || starts.some((d) => !Number.isFinite(d.getTime()))) {
    process.stderr.write('demo-simulation: --speed must be positive and --starts ISO times separated by commas\n');
    return 2;
  }
  const analyzer = createAnalyzer({ homeRegion: '64', gazetteer: await loadGazetteer() });
  const analyze: Analyze = (text) => analyzer.analyze(text);
  const results = starts.map((s) => simulateDemo(s, analyze, { speed }));
  process.stdout.write(`demo simulation, speed ${speed}, 15-minute buckets, a pass every 180 s\n`);
  process.stdout.write(`${formatDemoSimulation(results)}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
