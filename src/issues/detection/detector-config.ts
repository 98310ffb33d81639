/**
 * Every threshold of the emerging-issue detector, in one place, with its default and why it has that value.
 * `resolveDetectorConfig` merges overrides onto the defaults and rejects values that cannot work, naming each.
 *
 * "Tuning seeds" below are the seeds of the original stream generator the value was chosen on (docs/detection.md).
 */
import type { FeatureKind } from './detection.types.js';

/** One category of the taxonomy as detection needs it: the categories table (seeded from default-categories.ts). */
export interface DetectorCategory {
  slug: string;
  /** OPD an issue of this category goes to when its posts name none. */
  opd: string;
  /** The table's `severity_weight` (0.5–1.5 in the seed; admins edit it). Severity reads weight / 1.5, capped at 1. */
  severityWeight: number;
}

export interface DetectorConfig {
  /** Bucket length in ms (default 15 minutes). */
  bucketMs: number;
  /** Offset of local time from UTC in minutes (hour-of-day rhythm), default 480 (WITA); 420 WIB, 540 WIT. */
  utcOffsetMinutes: number;
  /** Half-life of the baseline EWMA in buckets (default 96 = one day of 15-minute buckets). */
  baselineHalfLifeBuckets: number;
  /** Scoring windows in buckets (default [1, 4, 16]: 15 minutes, 1 hour, 4 hours). */
  windows: number[];
  /** Poisson floor of expected voices per bucket for keys with little or no history. */
  priorVoicesPerBucket: number;
  /** Minimum −log10 p of the Poisson tail for a key to burst. */
  minSurprise: number;
  /**
   * Keys short of `minSurprise` but at least this surprising burst together when `minIssueVoices` distinct voices
   * wrote a pair of them in their windows (co-occurrence burst; default 2).
   */
  coBurstSurprise: number;
  /** Minimum voices in a window for a key to burst. */
  minKeyVoices: number;
  /** Minimum distinct voices / authors for a cluster to become an issue. */
  minIssueVoices: number;
  /** A key joins a cluster when this share of its recent posts already belongs to the cluster. */
  joinShare: number;
  /**
   * How much a key's voices outside the cluster's candidate posts count against its profile weight (0: only the
   * candidates count, as before this round; 1: all its voices in the cluster lookback).
   */
  profileSpecificity: number;
  /** A key stays "hot" (eligible for clustering) this many buckets after it burst. */
  hotBuckets: number;
  /** No issue is opened from bursts before the detector has folded this many buckets (default 16 = 4 h). */
  warmupBuckets: number;
  /**
   * Learning period (hours of history: seen by passes or imported). Until a key's baseline has seen this much, the
   * daily rhythm is unknown and a burst is weak evidence: a cluster opens an issue only on overwhelming evidence
   * (`learningMinVoices`, `learningRecentShare`). Default 24: one full day.
   */
  learningHours: number;
  /** While learning, a new issue needs at least this many distinct voices … */
  learningMinVoices: number;
  /** … and at least this share of them in the cluster's last hour (strong growth, not a topic present all along). */
  learningRecentShare: number;
  /**
   * A key at a place ('pasar oebobo', a phrase of a place name and one word) shares the evidence of its place-free
   * word: it bursts only when that word rises too (bursting only; judging a copied text's novelty by the place-free
   * word lost three of four campaigns on the tuning streams: a campaign praises the city by name).
   */
  placeFactored: boolean;
  /**
   * A cluster (or a copied text) is told all over the area, not about somewhere, when at least `dispersedMinPosts`
   * and at least half of its posts name a kecamatan or kelurahan and no kecamatan is named by `dispersedLeadShare` of
   * those: an everyday remark each writer makes about their own village. It opens no issue and is no campaign (an
   * event happens at a place). Set from that reading, not tuned: half is "no place leads"; 5 posts, below which a
   * share says little.
   */
  dispersedLeadShare: number;
  dispersedMinPosts: number;
  /** How far back (buckets) unassigned posts of hot keys are clustered. */
  clusterLookbackBuckets: number;
  /** Assign a new post to an issue when the summed weights of its matching keys reach this. */
  assignMinScore: number;
  /** How much one matching key of each kind counts towards assigning a post to an issue (× the key's weight). */
  assignKindFactor: Record<FeatureKind, number>;
  /** A phrase or hashtag joins an issue it did not burst for when this share of its recent voices is the issue's. */
  enrichPurity: number;
  /** … and at least this many of the issue's voices carry it. */
  enrichMinVoices: number;
  /** A cluster is the same story as an open issue carrying this share of its content-key mass (no twin). */
  twinKeyShare: number;
  /** The same, when both name a place (compatible places make a lower bar safe). */
  twinKeyShareSamePlace: number;
  /** An issue's key counts towards the key share only at this weight or more. */
  twinMinKeyWeight: number;
  /**
   * A new cluster is the same story as an open issue when the issue already holds this share (content-weighted) of
   * the recent posts of the cluster's keys: the two or three clusters one story grows from different seeds in one
   * pass carry different keys, but those keys co-occur in the same posts. Chosen on tuning seeds 1–3.
   */
  twinSharedPostShare: number;
  /**
   * The same-place, same-category twin rule needs at least this share of the cluster's content (keys or shared posts)
   * in the issue: without it a second story of one category in one kelurahan (poisoning after dengue) was swallowed.
   * Chosen on tuning seeds 1–3 (0.1 let two more twins through).
   */
  samePlaceCategoryMinShare: number;
  /**
   * Fragments of one event: a cluster of the same category in the same kecamatan/kelurahan as an issue, whose first
   * post is within this long of the issue's first post while the issue is no older than this, is folded into it even
   * with no content in common (one outage written in wordings that share only the place). A later event of the same
   * type there starts after the window and is its own issue (ms; 0 turns the rule off).
   */
  fragmentOnsetWithinMs: number;
  /**
   * A post whose category (from the analysis engine) is foreign to an issue — under this share of the issue's
   * categorised posts, once it has `foreignCategoryMinPosts` of them — does not join it by its keys: a fight or a fuel
   * shortage in a place whose dengue outbreak is an open issue shares the place's words but not the story. A story's
   * own wordings may carry another category (a school poisoning reads as education), which is why the share is low
   * rather than "not the main category". Chosen on tuning seeds 1–8 (twice the score instead of never: two events
   * fewer).
   */
  foreignCategoryShare: number;
  foreignCategoryMinPosts: number;
  /** How long posts are kept in the detector's memory for clustering (ms). */
  postRetentionMs: number;
  /** Hour-voice threshold for trending. */
  trendingMinVoices: number;
  /** An issue declines when its last hour holds under this share of its peak hour. */
  declineShare: number;
  /** Without posts for this long an issue becomes dormant (ms). */
  dormantAfterMs: number;
  /** A dismissed issue absorbs its returning story for this long after its last activity (ms). */
  reopenWithinMs: number;
  /**
   * A dormant issue (not dismissed) takes a later wave of its story for this long after its last activity (ms); after
   * that, a story of the same words at the same place is a new event and opens its own issue.
   */
  reviveWithinMs: number;
  /** Near-duplicate groups with at least this many distinct authors are campaigns. */
  campaignMinAuthors: number;
  /**
   * A copied text is a campaign only when its copying began at most this many hours before the burst: a template
   * remark that many people have written for days ('pasar … ramai pengunjung') is a habit, not a new campaign.
   */
  campaignStartedWithinHours: number;
  /** campaign: true when the near-duplicate share of an issue's posts is at least this. */
  campaignShare: number;
  /** Jaccard similarity above which two posts are near-duplicates. */
  nearDuplicateJaccard: number;
  /**
   * The category taxonomy (severity weight and OPD per slug): the categories table, which the worker reads; the
   * default is the seed of that table (src/analysis/category/default-categories.ts).
   */
  categories: readonly DetectorCategory[];
}

/** The scale of the categories table's `severity_weight`: the severity factor is weight / this, capped at 1. */
export const SEVERITY_WEIGHT_SCALE = 1.5;

export const DEFAULT_DETECTOR_CONFIG: Readonly<Omit<DetectorConfig, 'categories'>> = {
  bucketMs: 15 * 60_000,
  utcOffsetMinutes: 480,
  baselineHalfLifeBuckets: 96,
  windows: [1, 4, 16],
  priorVoicesPerBucket: 0.1,
  minSurprise: 3.5,
  // Chosen on tuning seeds 1–3: 2.5 gained little, 1.5 opened false issues from chatter pairs.
  coBurstSurprise: 2,
  minKeyVoices: 4,
  minIssueVoices: 6,
  joinShare: 0.5,
  profileSpecificity: 0.5,
  hotBuckets: 16,
  warmupBuckets: 16,
  // One full day (the daily rhythm). A cluster held back while learning is remembered, and the story's later clusters
  // fold into it, so a flood on a fresh deployment opens once (it was two issues while held clusters were dropped).
  learningHours: 24,
  learningMinVoices: 20,
  learningRecentShare: 0.5,
  placeFactored: true,
  dispersedLeadShare: 0.5,
  dispersedMinPosts: 5,
  clusterLookbackBuckets: 24,
  assignMinScore: 0.9,
  assignKindFactor: { term: 0.35, bigram: 1, trigram: 1, hashtag: 1, place: 0.4, topic: 0.3 },
  enrichPurity: 0.8,
  enrichMinVoices: 3,
  twinKeyShare: 0.5,
  twinKeyShareSamePlace: 0.2,
  twinMinKeyWeight: 0.2,
  twinSharedPostShare: 0.3,
  samePlaceCategoryMinShare: 0.05,
  fragmentOnsetWithinMs: 2 * 3600_000,
  foreignCategoryShare: 0.1,
  foreignCategoryMinPosts: 5,
  postRetentionMs: 12 * 3600_000,
  trendingMinVoices: 12,
  declineShare: 0.5,
  dormantAfterMs: 6 * 3600_000,
  reopenWithinMs: 3 * 24 * 3600_000,
  reviveWithinMs: 12 * 3600_000,
  campaignMinAuthors: 8,
  campaignStartedWithinHours: 24,
  campaignShare: 0.5,
  nearDuplicateJaccard: 0.7,
};

export class DetectorConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid detector configuration: ${problems.join('; ')}`);
    this.name = 'DetectorConfigError';
  }
}

type NumberField = {
  [K in keyof DetectorConfig]: DetectorConfig[K] extends number ? K : never;
}[keyof DetectorConfig];

/** [field, lowest, highest, integer]: the ranges a value must lie in (inclusive). */
const RANGES: [NumberField, number, number, boolean][] = [
  ['bucketMs', 60_000, 24 * 3600_000, true],
  ['utcOffsetMinutes', -720, 840, true],
  ['baselineHalfLifeBuckets', 1, 100_000, false],
  ['priorVoicesPerBucket', 1e-6, 1000, false],
  ['minSurprise', 0.5, 100, false],
  ['coBurstSurprise', 0.5, 100, false],
  ['minKeyVoices', 1, 10_000, true],
  ['minIssueVoices', 2, 10_000, true],
  ['joinShare', 0.01, 1, false],
  ['profileSpecificity', 0, 1, false],
  ['hotBuckets', 1, 10_000, true],
  ['warmupBuckets', 0, 100_000, true],
  ['learningHours', 0, 24 * 14, false],
  ['learningMinVoices', 2, 100_000, true],
  ['learningRecentShare', 0, 1, false],
  ['dispersedLeadShare', 0, 1, false],
  ['dispersedMinPosts', 1, 10_000, true],
  ['clusterLookbackBuckets', 1, 10_000, true],
  ['assignMinScore', 0.01, 100, false],
  ['enrichPurity', 0.01, 1, false],
  ['enrichMinVoices', 1, 10_000, true],
  ['twinKeyShare', 0.01, 1, false],
  ['twinKeyShareSamePlace', 0.01, 1, false],
  ['twinMinKeyWeight', 0, 1, false],
  ['twinSharedPostShare', 0.01, 1, false],
  ['samePlaceCategoryMinShare', 0, 1, false],
  ['fragmentOnsetWithinMs', 0, 24 * 3600_000, false],
  ['foreignCategoryShare', 0, 1, false],
  ['foreignCategoryMinPosts', 1, 10_000, true],
  ['postRetentionMs', 60_000, 7 * 24 * 3600_000, true],
  ['trendingMinVoices', 1, 1_000_000, true],
  ['declineShare', 0.01, 1, false],
  ['dormantAfterMs', 60_000, 30 * 24 * 3600_000, true],
  ['reopenWithinMs', 0, 365 * 24 * 3600_000, true],
  ['reviveWithinMs', 0, 365 * 24 * 3600_000, true],
  ['campaignMinAuthors', 2, 1_000_000, true],
  ['campaignStartedWithinHours', 1, 24 * 14, false],
  ['campaignShare', 0.01, 1, false],
  ['nearDuplicateJaccard', 0.1, 1, false],
];

/**
 * The defaults with `overrides` applied, checked. `categories` defaults to the seed taxonomy passed as
 * `defaultCategories` (the caller imports it from src/analysis/category; this file stays free of the analysis code).
 * Throws DetectorConfigError naming every value that is out of range.
 */
export function resolveDetectorConfig(
  overrides: Partial<DetectorConfig>,
  defaultCategories: readonly DetectorCategory[],
): DetectorConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const config: DetectorConfig = { ...DEFAULT_DETECTOR_CONFIG, categories: defaultCategories, ...defined };
  const problems: string[] = [];
  for (const [field, low, high, integer] of RANGES) {
    const v = config[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < low || v > high || (integer && !Number.isInteger(v))) {
      problems.push(`${field} must be ${integer ? 'an integer' : 'a number'} in [${low}, ${high}], got ${String(v)}`);
    }
  }
  if (
    !Array.isArray(config.windows) ||
    config.windows.length === 0 ||
    config.windows.some((w) => !Number.isInteger(w) || w < 1 || w > 255)
  ) {
    problems.push(`windows must be a non-empty list of integers in [1, 255], got ${JSON.stringify(config.windows)}`);
  }
  if (86_400_000 % config.bucketMs !== 0) {
    problems.push(`bucketMs must divide a day evenly, got ${config.bucketMs}`);
  }
  if (config.coBurstSurprise > config.minSurprise) {
    problems.push(`coBurstSurprise (${config.coBurstSurprise}) must not exceed minSurprise (${config.minSurprise})`);
  }
  for (const [kind, f] of Object.entries(config.assignKindFactor ?? {})) {
    if (!Number.isFinite(f) || f < 0 || f > 10) {
      problems.push(`assignKindFactor.${kind} must be a number in [0, 10], got ${String(f)}`);
    }
  }
  const slugs = new Set<string>();
  for (const c of config.categories ?? []) {
    if (!c.slug || slugs.has(c.slug)) {
      problems.push(`categories: slug ${JSON.stringify(c.slug)} is empty or repeated`);
    }
    slugs.add(c.slug);
    if (!Number.isFinite(c.severityWeight) || c.severityWeight < 0) {
      problems.push(`categories.${c.slug}.severityWeight must be a number ≥ 0, got ${String(c.severityWeight)}`);
    }
  }
  if (problems.length > 0) {
    throw new DetectorConfigError(problems);
  }
  return config;
}

/** Severity factor of a category in [0, 1] (the fallback category's, else 0.3, for slugs the table lacks). */
export function categoryWeightOf(config: DetectorConfig, slug: string): number {
  const row = config.categories.find((c) => c.slug === slug) ?? config.categories.find((c) => c.slug === 'lainnya');
  return row ? Math.min(1, row.severityWeight / SEVERITY_WEIGHT_SCALE) : 0.3;
}

/** OPD per category slug (issue snapshots fall back to it when posts name no OPD). */
export function categoryOpdMap(config: DetectorConfig): Record<string, string> {
  return Object.fromEntries(config.categories.map((c) => [c.slug, c.opd]));
}
