/**
 * Plain data of the pure emerging-issue detector (src/issues/detection). No Nest, no I/O.
 * Times are epoch milliseconds everywhere so that every shape here serialises to JSON and to SQL as is.
 */
import type { SentimentLabel } from '../../analysis/analysis.types.js';

/** What the detector needs to know about one post: the ingest worker and the CLI build it from PostAnalysis. */
export interface DetectorPost {
  id: string;
  /** Epoch ms. */
  createdAt: number;
  /** A stable author key (a handle or its hash); posts without an author get `source:id`, i.e. count alone. */
  author: string;
  source?: string;
  /** Normalised tokens (PostAnalysis.tokens), in text order. Stopwords are dropped by the detector. */
  tokens: string[];
  /** Hashtags without '#', lower case. */
  hashtags: string[];
  /** Resolved places (Kemendagri codes). */
  places: DetectorPlace[];
  /** Tracked topic ids that matched. */
  topics: string[];
  category?: string;
  opd?: string;
  sentiment?: SentimentLabel;
  /** Audience proxy (likes + shares + replies, or follower count); 0 when unknown. */
  reach?: number;
  url?: string;
}

export interface DetectorPlace {
  code: string;
  name: string;
}

export type FeatureKind = 'term' | 'bigram' | 'trigram' | 'hashtag' | 'place' | 'topic';

/** One persisted bucket count: what the worker stores per (bucket, key). */
export interface BucketCountRow {
  /** Epoch ms of the bucket's start. */
  bucketStart: number;
  /** 't:banjir', 'b:sungai kunjang', 'g:…' (trigram), 'h:banjirsamarinda', 'p:64.72', 'q:<topicId>'. */
  key: string;
  kind: FeatureKind;
  /** Distinct authors. */
  authors: number;
  /** Distinct voices: authors, with every near-duplicate group of copies counted once. Scoring reads this. */
  voices: number;
  posts: number;
}

/** Per-key baseline state of the burst scorer; persisted between passes by the worker. */
export interface KeyBaselineRow {
  key: string;
  /** EWMA of the key's share of all voices in a bucket. */
  mean: number;
  /** EWM variance of that share. */
  variance: number;
  /** Index (bucketStart / bucketMs) of the last bucket folded into the baseline. */
  lastBucket: number;
  firstBucket: number;
  /** Hour-of-day multipliers (24, local time), absent until the key has a day of history. */
  seasonal?: number[];
}

export type LifecycleState = 'emerging' | 'trending' | 'declining' | 'dormant';
export type AnalystOutcome = 'dismissed' | 'merged' | 'followed_up';
export type IssueState = LifecycleState | AnalystOutcome;

export interface StateChange {
  state: IssueState;
  at: number;
}

export interface IssueKey {
  key: string;
  kind: FeatureKind;
  /** Display text ('sungai kunjang', '#banjirsamarinda', 'Samarinda'). */
  text: string;
  /** Share of this key's recent posts that belong to the issue (0..1): how specific it is. */
  weight: number;
  /** Distinct voices with this key among the issue's posts. */
  voices: number;
}

export interface TimelinePoint {
  bucketStart: number;
  posts: number;
  authors: number;
}

export interface TopPost {
  id: string;
  reach: number;
  createdAt: number;
  url?: string;
}

export interface SeverityFactor {
  factor: 'volume' | 'velocity' | 'negativity' | 'reach' | 'spread' | 'category';
  /** Normalised value in [0, 1]. */
  value: number;
  weight: number;
  /** weight × value × 100. */
  contribution: number;
  /** Bahasa Indonesia, for analysts. */
  note: string;
}

export interface SeverityResult {
  /** 0..100. */
  score: number;
  level: 'rendah' | 'sedang' | 'tinggi' | 'kritis';
  factors: SeverityFactor[];
}

/** An issue as the detector hands it to the worker (upsert) and the CLI (JSON line). */
export interface IssueSnapshot {
  id: string;
  label: string;
  /** Analyst outcome when set, else the lifecycle state. */
  state: IssueState;
  lifecycle: LifecycleState;
  outcome: AnalystOutcome | null;
  mergedInto: string | null;
  stateHistory: StateChange[];
  firstSeenAt: number;
  firstDetectedAt: number;
  lastActivityAt: number;
  keys: IssueKey[];
  timeline: TimelinePoint[];
  postCount: number;
  authors: number;
  voices: number;
  sentiment: Record<SentimentLabel, number>;
  category: string;
  opd: string;
  places: { code: string; name: string; posts: number }[];
  topPosts: TopPost[];
  /** Share of the issue's posts that are near-duplicates of another author's post. */
  nearDuplicateShare: number;
  campaign: boolean;
  severity: SeverityResult;
  postIds: string[];
}

export interface IssueUpsert {
  issue: IssueSnapshot;
  /** True in the pass that opened the issue. */
  created: boolean;
  /** States entered in this pass (for alerts). */
  transitions: StateChange[];
}

export interface PassResult {
  now: number;
  /** Buckets folded into the baseline by this pass. */
  bucketsProcessed: number;
  /** Keys that burst in this pass. */
  burstingKeys: number;
  upserts: IssueUpsert[];
}

/** Whether detection is still learning the streams' rhythm (API meta; the dashboard shows it). */
export interface DetectionStatus {
  /** True until the detector has `learningHours` of history (seen or imported): only overwhelming evidence raises. */
  learning: boolean;
  /** Hours of history the baselines hold. */
  historyHours: number;
  /** Epoch ms when learning ends at the earliest (null when not learning). */
  learningUntil: number | null;
  /** Epoch ms of the end of the last bucket a pass processed (null before the first). */
  processedUntil: number | null;
}

/** Every threshold of the detector, documented and validated in detector-config.ts. */
export type { DetectorCategory, DetectorConfig } from './detector-config.js';
