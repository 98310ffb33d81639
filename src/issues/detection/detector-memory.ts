/**
 * The state the detector's stages share (assignment, scoring, clustering, twins and merges, campaigns, lifecycle and
 * eviction, state transfer): counts, baselines, keys, posts held in memory, near-duplicate groups and issues, with the
 * small lookups several stages use. No stage logic lives here.
 */
import { BucketCounter } from './bucket-counter.js';
import { KeyBaselines } from './burst-scorer.js';
import type { FeatureKind } from './detection.types.js';
import type { DetectorConfig } from './detector-config.js';
import { keyText, kindOfKey } from './feature-extractor.js';
import { IssueRecord, type IssuePostView } from './issue-record.js';
import { KeyTable } from './key-table.js';
import { anchorPlaces } from './places.js';

/**
 * A key the grouping logic works with (posts in memory, bursting keys, issue profiles). Its counts and baseline live
 * in columns indexed by `id` (KeyTable, KeyBaselines, BucketCounter): keys known only from restored count rows get no
 * object until they burst or rise (co-occurrence bursts).
 */
export interface TrackedKey {
  id: number;
  key: string;
  kind: FeatureKind;
  text: string;
  issues: Map<Issue, number> | null;
  /** Last bucket through which the key counts as bursting (it burst within `hotBuckets` before). */
  hotUntil: number;
  /** A term or phrase that spells a resolved place name ('sungai kunjang'): a discriminator, not story content. */
  placeLike: boolean;
  /**
   * A phrase that joins a place name and one other word ('warga sangatta', 'banjir nipah'): says no more about the
   * story than that word alone, so it weighs like a single term (any story of that place carries 'warga sangatta').
   */
  partPlace: boolean;
  /** For a `partPlace` phrase, the term key of its one word that is not a place ('t:banjir' for 'banjir nipah'). */
  placeFree: string | null;
}

export type Issue = IssueRecord<TrackedKey>;

export interface PostRecord extends IssuePostView {
  seq: number;
  keys: TrackedKey[];
  group: DuplicateGroup | null;
  issue: Issue | null;
}

export interface DuplicateGroup {
  rootSeq: number;
  /** Bucket of the group's first post (kept when the root post leaves memory). */
  firstBucket: number;
  authors: Set<number>;
  members: number[];
  lastAt: number;
  issue: Issue | null;
}

/** A key that burst (or rose to `coBurstSurprise` and burst with another) in a bucket: its best surprise and window. */
export interface Candidate {
  key: TrackedKey;
  surprise: number;
  window: number;
}

export class DetectorMemory {
  readonly counter: BucketCounter;
  readonly keyTable = new KeyTable();
  readonly baselines: KeyBaselines;
  /** Key objects by id, made when a post carries the key or when it bursts. */
  readonly tracked = new Map<number, TrackedKey>();
  /** Ids of forgotten keys that held buckets still count under (released once those buckets are dropped). */
  retiredIds: number[] = [];
  readonly authors = new Map<string, number>();
  readonly posts = new Map<number, PostRecord>();
  readonly idToSeq = new Map<string, number>();
  readonly groups = new Map<string, DuplicateGroup>();
  readonly issuesById = new Map<string, Issue>();
  /** Voices of each processed bucket. */
  readonly totals = new Map<number, number>();
  /** Post numbers assigned to each issue that are still held in memory (for key enrichment). */
  readonly issuePosts = new Map<Issue, number[]>();
  /** Keys that burst within the last `hotBuckets` buckets. */
  readonly hot = new Set<TrackedKey>();
  /** Slow average of a bucket's voices. */
  avgTotal = 0;
  seq = 0;
  oldestSeq = 0;
  lastProcessed = -Infinity;
  /** First bucket of the detector's history (this process's first pass, or the oldest imported baseline). */
  historyStart = Infinity;
  newestTime = -Infinity;
  readonly maxWindow: number;
  readonly dayBuckets: number;

  constructor(
    readonly config: DetectorConfig,
    /** Issue id factory (the worker passes UUIDs). */
    readonly newIssueId: () => string,
  ) {
    this.maxWindow = Math.max(...config.windows);
    this.dayBuckets = Math.round(86_400_000 / config.bucketMs);
    this.counter = new BucketCounter(config.bucketMs);
    this.baselines = new KeyBaselines(this.maxWindow);
  }

  /** Buckets of history before bucket `t` (passes and imported baselines or counts). */
  historyAt(t: number): number {
    return Number.isFinite(this.historyStart) ? Math.max(0, t - this.historyStart) : 0;
  }

  /** Still learning at bucket `t`: less than `learningHours` of history, so a burst is weak evidence. */
  learningAt(t: number): boolean {
    return this.historyAt(t) * this.config.bucketMs < this.config.learningHours * 3_600_000;
  }

  /**
   * Strong growth while learning: of `all` distinct voices (or accounts) of a story over the `window` buckets ending
   * with `t`, `recent` fell in the last four buckets (an hour of 15-minute buckets), at least `learningRecentShare` of
   * them and at least twice the share of the stream's voices in those buckets (in the morning every topic grows with
   * the day).
   */
  growsFasterThanStream(recent: number, all: number, t: number, window: number): boolean {
    const cfg = this.config;
    const hour = 4;
    if (all === 0 || recent < cfg.learningRecentShare * all) {
      return false;
    }
    let streamRecent = 0;
    let streamAll = 0;
    for (let b = t - window + 1; b <= t; b++) {
      const n = this.totals.get(b) ?? 0;
      streamAll += n;
      if (b > t - hour) {
        streamRecent += n;
      }
    }
    return recent / all >= 2 * (streamRecent / Math.max(1, streamAll));
  }

  intern(author: string): number {
    let id = this.authors.get(author);
    if (id === undefined) {
      id = this.authors.size;
      this.authors.set(author, id);
    }
    return id;
  }

  /** A copy of a text copied by campaign-many accounts, not yet judged by the campaign stage: no organic issue takes it. */
  awaitsCampaign(post: PostRecord): boolean {
    return post.group !== null && !post.group.issue && post.group.authors.size >= this.config.campaignMinAuthors;
  }

  /** How many of the posts `seqs` (held in memory) each issue holds, a merged issue's under its target. */
  postsPerIssue(seqs: readonly number[]): Map<Issue, number> {
    const byIssue = new Map<Issue, number>();
    for (const seq of seqs) {
      const issue = this.posts.get(seq)?.issue?.resolve();
      if (issue) {
        byIssue.set(issue, (byIssue.get(issue) ?? 0) + 1);
      }
    }
    return byIssue;
  }

  /** Voices of key `keyId` summed over the `window` buckets ending with bucket `end` (from the kept counts). */
  voicesAt(keyId: number, end: number, window: number): number {
    let n = 0;
    for (let b = end - window + 1; b <= end; b++) {
      n += this.counter.voicesOf(b, keyId);
    }
    return n;
  }

  /** Posts carrying `key` in buckets [from, to] that are still held in memory. */
  postingsOf(key: TrackedKey, from: number, to: number, cap = 2000): number[] {
    const out: number[] = [];
    for (let b = to; b >= from && out.length < cap; b--) {
      for (const p of this.counter.postingsOf(b, key.id)) {
        if (this.posts.has(p)) {
          out.push(p);
        }
      }
    }
    return out;
  }

  canAbsorb(issue: Issue, at: number): boolean {
    if (issue.mergedInto) {
      return false;
    }
    if (issue.lifecycle !== 'dormant') {
      return true;
    }
    // A dismissed story keeps absorbing its return (it never comes back as new); any other dormant story only a
    // later wave within `reviveWithinMs`: after that, the same words at the same place are a new event.
    const within = issue.outcome === 'dismissed' ? this.config.reopenWithinMs : this.config.reviveWithinMs;
    return at - issue.lastActivityAt <= within;
  }

  assign(post: PostRecord, issue: Issue): void {
    if (post.issue) {
      return;
    }
    post.issue = issue;
    issue.addPost(post);
    let list = this.issuePosts.get(issue);
    if (!list) {
      this.issuePosts.set(issue, (list = []));
    }
    list.push(post.seq);
  }

  attachKey(issue: Issue, key: TrackedKey, weight: number): void {
    issue.setKeyWeight(key, weight);
    key.issues ??= new Map();
    key.issues.set(issue, Math.max(weight, key.issues.get(issue) ?? 0));
  }

  /** The most specific places that a fair share of the issue's posts name (see anchorPlaces). */
  issueAnchors(issue: Issue): string[] {
    return anchorPlaces(this.issuePlaceCounts(issue));
  }

  /** The issue's posts per place code. */
  issuePlaceCounts(issue: Issue): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [code, p] of issue.places) {
      counts.set(code, p.posts);
    }
    return counts;
  }

  /** Id of a key named in restored rows (interned on first sight; its kind is spelt by the key's prefix). */
  keyIdFor(key: string, bucket = 0): number {
    const id = this.keyTable.idOf(key);
    if (id !== undefined) {
      return id;
    }
    return this.addKey(key, kindOfKey(key), bucket);
  }

  /** Interns a new key with an empty baseline whose history starts at `bucket`. */
  addKey(key: string, kind: FeatureKind, bucket: number): number {
    const id = this.keyTable.add(key, kind);
    this.baselines.reset(id, bucket);
    return id;
  }

  /** Frees a key id for reuse (its name was retired and nothing counts under it). */
  releaseKey(id: number): void {
    this.keyTable.release(id);
    this.tracked.delete(id);
    this.counter.forget(id);
  }

  /** The key object of `id`, made on first use (text defaults to the key's own text). */
  trackedKey(id: number, text?: string): TrackedKey {
    let k = this.tracked.get(id);
    if (!k) {
      const key = this.keyTable.keyOf(id);
      k = {
        id,
        key,
        kind: this.keyTable.kindOf(id),
        text: text ?? keyText(key),
        issues: null,
        hotUntil: -1,
        placeLike: false,
        partPlace: false,
        placeFree: null,
      };
      this.tracked.set(id, k);
    }
    return k;
  }
}
