/**
 * The emerging-issue detector: the same object runs in the detect worker and in `pantau detect`.
 *
 *   detector.ingest(post)     counts the post into its bucket (distinct authors and voices per key), groups
 *                             near-duplicates, and assigns it to an issue it clearly belongs to;
 *   detector.runPass(now)     folds every closed bucket into the baselines, scores the keys of those buckets,
 *                             groups bursting keys into issues (or attaches them to open ones), advances the
 *                             lifecycle and severity, and returns the issues that changed.
 *
 * The pass reads bucket counts and the postings of bursting keys only; it never rescans the stream. The work is done
 * by stages that share one DetectorMemory: Assignment, BucketScoring, Clustering, TwinsAndMerges, Campaigns,
 * LifecycleAndEviction and StateTransfer; every threshold is in DetectorConfig (detector-config.ts).
 */
import { NearDuplicateIndex } from '../../analysis/dedup/near-duplicate-index.js';
import { DEFAULT_CATEGORIES } from '../../analysis/category/default-categories.js';
import { Assignment } from './assignment.js';
import { BucketScoring } from './bucket-scoring.js';
import { Campaigns } from './campaigns.js';
import { Clustering } from './clustering.js';
import type {
  AnalystOutcome,
  BucketCountRow,
  DetectionStatus,
  DetectorPost,
  IssueSnapshot,
  IssueUpsert,
  KeyBaselineRow,
  PassResult,
} from './detection.types.js';
import {
  categoryOpdMap,
  resolveDetectorConfig,
  type DetectorCategory,
  type DetectorConfig,
} from './detector-config.js';
import {
  DetectorMemory,
  type DuplicateGroup,
  type Issue,
  type PostRecord,
  type TrackedKey,
} from './detector-memory.js';
import { extractFeatures, keyText } from './feature-extractor.js';
import { LifecycleAndEviction } from './lifecycle-and-eviction.js';
import { StateTransfer } from './state-transfer.js';
import { TwinsAndMerges } from './twins-and-merges.js';

/** The seed of the categories table (what the worker reads from the table when it builds a detector). */
export const SEED_DETECTOR_CATEGORIES: readonly DetectorCategory[] = DEFAULT_CATEGORIES.map((c) => ({
  slug: c.slug,
  opd: c.opd,
  severityWeight: c.severityWeight ?? 1,
}));

export interface IssueDetectorOptions {
  /** Issue id factory (the worker passes UUIDs); default 'isu-0001', 'isu-0002', … */
  newIssueId?: () => string;
}

export class IssueDetector {
  readonly config: DetectorConfig;
  private readonly memory: DetectorMemory;
  private readonly dedup: NearDuplicateIndex;
  private readonly assignment: Assignment;
  private readonly scoring: BucketScoring;
  private readonly twins: TwinsAndMerges;
  private readonly clustering: Clustering;
  private readonly campaigns: Campaigns;
  private readonly lifecycle: LifecycleAndEviction;
  private readonly transfer: StateTransfer;
  private readonly categoryOpd: Record<string, string>;
  private issueCounter = 0;

  /** Throws DetectorConfigError when a value of `config` is out of range. */
  constructor(config: Partial<DetectorConfig> = {}, options: IssueDetectorOptions = {}) {
    this.config = resolveDetectorConfig(config, SEED_DETECTOR_CATEGORIES);
    this.categoryOpd = categoryOpdMap(this.config);
    const newIssueId = options.newIssueId ?? (() => `isu-${String(++this.issueCounter).padStart(4, '0')}`);
    this.memory = new DetectorMemory(this.config, newIssueId);
    this.dedup = new NearDuplicateIndex({
      threshold: this.config.nearDuplicateJaccard,
      windowMs: Math.min(this.config.postRetentionMs, 24 * 3600_000),
    });
    this.assignment = new Assignment(this.memory);
    this.scoring = new BucketScoring(this.memory);
    this.twins = new TwinsAndMerges(this.memory, this.assignment);
    this.clustering = new Clustering(this.memory, this.assignment, this.twins);
    this.campaigns = new Campaigns(this.memory, this.scoring.scorer, this.assignment);
    this.lifecycle = new LifecycleAndEviction(this.memory);
    this.transfer = new StateTransfer(this.memory);
  }

  // ───────────────────────────── ingest ─────────────────────────────

  /** Counts one post. Idempotent by post id while the post is held in memory. Returns the issue id it joined. */
  ingest(post: DetectorPost): string | null {
    const memory = this.memory;
    if (memory.idToSeq.has(post.id)) {
      return memory.posts.get(memory.idToSeq.get(post.id)!)?.issue?.resolve().id ?? null;
    }
    const seq = memory.seq++;
    const at = post.createdAt;
    if (at > memory.newestTime) {
      memory.newestTime = at;
    }
    const bucket = memory.counter.indexOf(at);
    const author = memory.intern(post.author || `${post.source ?? 'anon'}:${post.id}`);
    const match = this.dedup.add(post.id, post.tokens, at);
    let group: DuplicateGroup | null = null;
    let voice = author;
    if (match.duplicate) {
      group = memory.groups.get(match.groupId) ?? null;
      if (!group) {
        const rootSeq = memory.idToSeq.get(match.groupId);
        const rootPost = rootSeq === undefined ? undefined : memory.posts.get(rootSeq);
        group = {
          rootSeq: rootSeq ?? seq,
          firstBucket: rootPost?.bucket ?? bucket,
          authors: new Set(),
          members: [],
          lastAt: at,
          issue: null,
        };
        if (rootSeq !== undefined && rootPost) {
          group.authors.add(rootPost.author);
          group.members.push(rootSeq);
          rootPost.group = group;
        }
        memory.groups.set(match.groupId, group);
      }
      group.authors.add(author);
      group.members.push(seq);
      group.lastAt = at;
      voice = memory.intern(`\u0000dup:${match.groupId}`);
    }
    const features = extractFeatures(post);
    let placeWords: Set<string> | null = null;
    if (post.places.length > 0) {
      placeWords = new Set();
      for (const place of post.places) {
        for (const w of place.name.toLowerCase().split(/[\s-]+/u)) {
          placeWords.add(w);
        }
      }
    }
    const keys: TrackedKey[] = new Array<TrackedKey>(features.length);
    for (let i = 0; i < features.length; i++) {
      const f = features[i];
      let id = memory.keyTable.idOf(f.key);
      let k = id === undefined ? undefined : memory.tracked.get(id);
      if (id === undefined) {
        // A key first seen in a post takes its text from the post (a place's name); one known from restored rows
        // keeps the text of its key.
        id = memory.addKey(f.key, f.kind, bucket);
        const text =
          f.kind === 'place' ? (post.places.find((p) => `p:${p.code}` === f.key)?.name ?? f.key) : keyText(f.key);
        k = memory.trackedKey(id, text);
      }
      k ??= memory.trackedKey(id);
      keys[i] = k;
      if (placeWords && !k.placeLike && f.kind !== 'place' && f.kind !== 'topic') {
        // A hashtag is compared without its '#': '#makassar' names the city, like the word.
        // A hashtag or a '#word' token is compared without its '#': '#makassar' names the city, like the word.
        const words = k.text.split(' ').map((w) => w.replace(/^#/u, ''));
        const free = words.filter((w) => !placeWords.has(w));
        k.placeLike = free.length === 0;
        if (!k.partPlace && free.length === 1 && free.length < words.length) {
          k.partPlace = true;
          k.placeFree = `t:${free[0]}`;
        }
      }
    }
    const record: PostRecord = {
      seq,
      id: post.id,
      at,
      bucket,
      author,
      voice,
      keys,
      duplicate: match.duplicate,
      sentiment: post.sentiment,
      category: post.category,
      opd: post.opd,
      places: post.places,
      reach: post.reach ?? 0,
      url: post.url,
      group,
      issue: null,
    };
    memory.posts.set(seq, record);
    memory.idToSeq.set(post.id, seq);
    memory.counter.add(bucket, keys, author, voice, seq);
    // Copies follow their original; other posts join the issue their keys clearly point to. A text copied by as many
    // accounts as a campaign needs waits for the campaign check (Campaigns) instead of riding on an organic issue by
    // its keywords: buzzers praising the handling of a flood are not the flood's voices.
    const target =
      group?.issue?.resolve() ?? (memory.awaitsCampaign(record) ? null : this.assignment.bestIssueFor(record));
    if (target) {
      memory.assign(record, target);
    }
    return record.issue?.id ?? null;
  }

  // ───────────────────────────── pass ─────────────────────────────

  /** Runs a detection pass with the clock at `now` (epoch ms): processes every bucket that ended by `now`. */
  runPass(now: number): PassResult {
    const memory = this.memory;
    const bucketMs = this.config.bucketMs;
    const nowBucket = Math.floor(now / bucketMs);
    let processed = 0;
    let bursting = 0;
    const indices = memory.counter.indices().filter((i) => i > memory.lastProcessed && i < nowBucket);
    for (const index of indices) {
      if (index < memory.historyStart) {
        memory.historyStart = index;
      }
      bursting += this.processBucket(index);
      memory.lastProcessed = index;
      processed++;
      this.lifecycle.advanceIssues((index + 1) * bucketMs, index + 1);
    }
    if (processed === 0) {
      this.lifecycle.advanceIssues(now, nowBucket);
    }
    this.lifecycle.evict(now);
    const upserts: IssueUpsert[] = [];
    for (const issue of memory.issuesById.values()) {
      if (!issue.dirty || issue.held) {
        continue;
      }
      upserts.push({ issue: this.snapshot(issue), created: issue.created, transitions: issue.transitions });
      issue.dirty = false;
      issue.created = false;
      issue.transitions = [];
    }
    return { now, bucketsProcessed: processed, burstingKeys: bursting, upserts };
  }

  /** One closed bucket: score its keys, group the bursts, judge campaigns, let changed issues gain their phrases. */
  private processBucket(index: number): number {
    const memory = this.memory;
    const t = index;
    const candidates = this.scoring.score(memory.counter.get(index)!);
    if (candidates.length > 0 || memory.hot.size > 0) {
      this.clustering.formIssues(candidates, t);
    }
    this.campaigns.detectCampaigns(t);
    for (const issue of memory.issuesById.values()) {
      if (issue.dirty && !issue.mergedInto && !issue.campaignSeed) {
        this.twins.enrichIssue(issue, t);
      }
    }
    this.twins.settleHeld(t);
    return candidates.length;
  }

  // ───────────────────────────── analysts and state ─────────────────────────────

  /**
   * Records an analyst's outcome. 'merged' needs `targetId`: the target absorbs the issue's posts and keys, and the
   * issue keeps pointing to it. A dismissed issue keeps absorbing its story (so it never comes back as new).
   * `null` clears the outcome (reopen).
   */
  applyOutcome(issueId: string, outcome: AnalystOutcome | null, at: number, targetId?: string): IssueSnapshot {
    const issue = this.issueById(issueId);
    if (outcome === 'merged') {
      const target = targetId ? this.shown(targetId)?.resolve() : undefined;
      if (!target) {
        throw new Error(`Isu tujuan penggabungan ${targetId ?? '(kosong)'} tidak ditemukan`);
      }
      if (target === issue) {
        throw new Error('Isu tidak dapat digabungkan ke dirinya sendiri');
      }
      this.twins.mergeInto(issue, target);
    }
    issue.setOutcome(outcome, at);
    return this.snapshot(issue);
  }

  /** Renames an issue (analyst); the detector keeps the label. */
  rename(issueId: string, label: string): IssueSnapshot {
    const issue = this.issueById(issueId);
    issue.fixedLabel = label;
    issue.dirty = true;
    return this.snapshot(issue);
  }

  getIssue(id: string): IssueSnapshot | null {
    const issue = this.shown(id);
    return issue ? this.snapshot(issue) : null;
  }

  /** Every issue detected so far (issues held back while learning are not detected yet). */
  issues(): IssueSnapshot[] {
    return [...this.memory.issuesById.values()].filter((i) => !i.held).map((i) => this.snapshot(i));
  }

  /** Bucket counts as plain rows (what the worker persists). */
  exportCounts(fromBucketStart = -Infinity): BucketCountRow[] {
    return this.transfer.exportCounts(fromBucketStart);
  }

  exportBaselines(): KeyBaselineRow[] {
    return this.transfer.exportBaselines();
  }

  /** Restores baselines (e.g. after a worker restart) before ingesting. */
  importBaselines(rows: readonly KeyBaselineRow[]): void {
    this.transfer.importBaselines(rows);
  }

  /** Restores or injects bucket counts (rows with key '*' carry bucket totals). */
  importCounts(rows: Iterable<BucketCountRow>): void {
    this.transfer.importCounts(rows);
  }

  /** Whether detection is still learning (less than `learningHours` of history) at time `now`. */
  status(now: number): DetectionStatus {
    const memory = this.memory;
    const bucketMs = this.config.bucketMs;
    const processed = Number.isFinite(memory.lastProcessed) ? memory.lastProcessed + 1 : null;
    const t = Math.max(processed ?? -Infinity, Math.floor(now / bucketMs));
    const historyHours = (memory.historyAt(t) * bucketMs) / 3_600_000;
    const learning = memory.learningAt(t);
    return {
      learning,
      historyHours: Math.round(historyHours * 100) / 100,
      learningUntil: !learning
        ? null
        : Number.isFinite(memory.historyStart)
          ? memory.historyStart * bucketMs + this.config.learningHours * 3_600_000
          : now + this.config.learningHours * 3_600_000,
      processedUntil: processed === null ? null : processed * bucketMs,
    };
  }

  /** Counters for monitoring and benchmarks. */
  stats(): { keys: number; postsInMemory: number; buckets: number; issues: number; lastProcessedBucket: number } {
    const memory = this.memory;
    return {
      keys: memory.keyTable.size,
      postsInMemory: memory.posts.size,
      buckets: memory.counter.indices().length,
      issues: [...memory.issuesById.values()].filter((i) => !i.held).length,
      lastProcessedBucket: memory.lastProcessed,
    };
  }

  /** A detected issue by id (not one held back while learning). */
  private shown(id: string): Issue | undefined {
    const issue = this.memory.issuesById.get(id);
    return issue?.held ? undefined : issue;
  }

  private issueById(id: string): Issue {
    const issue = this.shown(id);
    if (!issue) {
      throw new Error(`Isu ${id} tidak ditemukan`);
    }
    return issue;
  }

  private snapshot(issue: Issue): IssueSnapshot {
    return issue.toSnapshot(this.config.bucketMs, this.categoryOpd, this.config.campaignShare);
  }
}
