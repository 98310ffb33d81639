/**
 * The emerging-issue detector: the same object runs in the detect worker and in `pantau detect`.
 *
 *   detector.ingest(post)     counts the post into its bucket (distinct authors and voices per key), groups
 *                             near-duplicates, and assigns it to an issue it clearly belongs to;
 *   detector.runPass(now)     folds every closed bucket into the baselines, scores the keys of those buckets,
 *                             groups bursting keys into issues (or attaches them to open ones), advances the
 *                             lifecycle and severity, and returns the issues that changed.
 *
 * The pass reads bucket counts and the postings of bursting keys only; it never rescans the stream.
 */
import { NearDuplicateIndex } from '../../analysis/dedup/near-duplicate-index.js';
import { BucketCounter, type CountBucket } from './bucket-counter.js';
import { BurstScorer, type KeyBaseline } from './burst-scorer.js';
import type {
  AnalystOutcome,
  BucketCountRow,
  DetectorConfig,
  DetectorPost,
  FeatureKind,
  IssueSnapshot,
  IssueUpsert,
  KeyBaselineRow,
  PassResult,
} from './detection.types.js';
import { extractFeatures, keyText } from './feature-extractor.js';
import { clusterBurstingKeys, type BurstCandidate } from './issue-clusterer.js';
import { nextLifecycleState } from './issue-lifecycle.js';
import { IssueRecord, type IssuePostView } from './issue-record.js';
import { computeSeverity, DEFAULT_CATEGORY_WEIGHTS } from './severity.js';

export const DEFAULT_CATEGORY_OPD: Record<string, string> = {
  infrastruktur: 'Dinas PUPR',
  bencana: 'BPBD',
  kesehatan: 'Dinas Kesehatan',
  pendidikan: 'Dinas Pendidikan',
  kependudukan: 'Disdukcapil',
  lingkungan: 'Dinas Lingkungan Hidup',
  transportasi: 'Dinas Perhubungan',
  sosial: 'Dinas Sosial',
  ekonomi: 'Dinas Perdagangan',
  utilitas: 'Perumda Air Minum',
  ketertiban: 'Satpol PP',
  'tata-kelola': 'Inspektorat',
  pertanian: 'Dinas Pertanian',
  lainnya: 'Diskominfo',
};

export const DEFAULT_DETECTOR_CONFIG: DetectorConfig = {
  bucketMs: 15 * 60_000,
  utcOffsetMinutes: 480,
  baselineHalfLifeBuckets: 96,
  windows: [1, 4, 16],
  priorVoicesPerBucket: 0.3,
  minSurprise: 6,
  minKeyVoices: 4,
  minIssueVoices: 6,
  joinShare: 0.5,
  assignMinScore: 0.9,
  postRetentionMs: 12 * 3600_000,
  trendingMinVoices: 12,
  dormantAfterMs: 6 * 3600_000,
  reopenWithinMs: 3 * 24 * 3600_000,
  campaignMinAuthors: 8,
  campaignShare: 0.5,
  nearDuplicateJaccard: 0.7,
  categoryWeights: DEFAULT_CATEGORY_WEIGHTS,
  categoryOpd: DEFAULT_CATEGORY_OPD,
};

/** How much one matching key of each kind counts towards assigning a post to an issue (× the key's weight). */
const ASSIGN_KIND_FACTOR: Record<FeatureKind, number> = {
  term: 0.35,
  bigram: 1,
  trigram: 1,
  hashtag: 1,
  place: 0.4,
  topic: 0.3,
};

interface TrackedKey {
  key: string;
  kind: FeatureKind;
  text: string;
  base: KeyBaseline;
  recentIdx: number[];
  recentVoices: number[];
  issues: Map<IssueRecord<TrackedKey>, number> | null;
  lastSurprise: number;
}

interface PostRecord extends IssuePostView {
  seq: number;
  keys: TrackedKey[];
  group: DuplicateGroup | null;
  issue: IssueRecord<TrackedKey> | null;
}

interface DuplicateGroup {
  rootSeq: number;
  authors: Set<number>;
  members: number[];
  lastAt: number;
  issue: IssueRecord<TrackedKey> | null;
}

export interface IssueDetectorOptions {
  /** Issue id factory (the worker passes UUIDs); default 'isu-0001', 'isu-0002', … */
  newIssueId?: () => string;
}

export class IssueDetector {
  readonly config: DetectorConfig;
  private readonly counter: BucketCounter<TrackedKey>;
  private readonly scorer: BurstScorer;
  private readonly dedup: NearDuplicateIndex;
  private readonly keys = new Map<string, TrackedKey>();
  private readonly authors = new Map<string, number>();
  private readonly posts = new Map<number, PostRecord>();
  private readonly idToSeq = new Map<string, number>();
  private readonly groups = new Map<string, DuplicateGroup>();
  private readonly issuesById = new Map<string, IssueRecord<TrackedKey>>();
  private readonly totals = new Map<number, number>();
  /** Post numbers assigned to each issue that are still held in memory (for key enrichment). */
  private readonly issuePosts = new Map<IssueRecord<TrackedKey>, number[]>();
  private readonly newIssueId: () => string;
  private avgTotal = 0;
  private seq = 0;
  private oldestSeq = 0;
  private lastProcessed = -Infinity;
  private newestTime = -Infinity;
  private issueCounter = 0;
  private readonly maxWindow: number;

  constructor(config: Partial<DetectorConfig> = {}, options: IssueDetectorOptions = {}) {
    this.config = { ...DEFAULT_DETECTOR_CONFIG, ...config };
    this.maxWindow = Math.max(...this.config.windows);
    this.counter = new BucketCounter<TrackedKey>(this.config.bucketMs);
    this.scorer = new BurstScorer(this.config.baselineHalfLifeBuckets, this.config.priorVoicesPerBucket);
    this.dedup = new NearDuplicateIndex({
      threshold: this.config.nearDuplicateJaccard,
      windowMs: Math.min(this.config.postRetentionMs, 24 * 3600_000),
    });
    this.newIssueId = options.newIssueId ?? (() => `isu-${String(++this.issueCounter).padStart(4, '0')}`);
  }

  // ───────────────────────────── ingest ─────────────────────────────

  /** Counts one post. Idempotent by post id while the post is held in memory. Returns the issue id it joined. */
  ingest(post: DetectorPost): string | null {
    if (this.idToSeq.has(post.id)) return this.posts.get(this.idToSeq.get(post.id)!)?.issue?.resolve().id ?? null;
    const seq = this.seq++;
    const at = post.createdAt;
    if (at > this.newestTime) this.newestTime = at;
    const bucket = this.counter.indexOf(at);
    const author = this.intern(post.author || `${post.source ?? 'anon'}:${post.id}`);
    const match = this.dedup.add(post.id, post.tokens, at);
    let group: DuplicateGroup | null = null;
    let voice = author;
    if (match.duplicate) {
      group = this.groups.get(match.groupId) ?? null;
      if (!group) {
        const rootSeq = this.idToSeq.get(match.groupId);
        group = { rootSeq: rootSeq ?? seq, authors: new Set(), members: [], lastAt: at, issue: null };
        if (rootSeq !== undefined) {
          const root = this.posts.get(rootSeq);
          if (root) {
            group.authors.add(root.author);
            group.members.push(rootSeq);
            root.group = group;
          }
        }
        this.groups.set(match.groupId, group);
      }
      group.authors.add(author);
      group.members.push(seq);
      group.lastAt = at;
      voice = this.intern(`\u0000dup:${match.groupId}`);
    }
    const features = extractFeatures(post);
    const keys: TrackedKey[] = new Array<TrackedKey>(features.length);
    for (let i = 0; i < features.length; i++) {
      const f = features[i];
      let k = this.keys.get(f.key);
      if (!k) {
        const text = f.kind === 'place' ? (post.places.find((p) => `p:${p.code}` === f.key)?.name ?? f.key) : keyText(f.key);
        k = {
          key: f.key,
          kind: f.kind,
          text,
          base: BurstScorer.empty(bucket),
          recentIdx: [],
          recentVoices: [],
          issues: null,
          lastSurprise: 0,
        };
        this.keys.set(f.key, k);
      }
      keys[i] = k;
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
    this.posts.set(seq, record);
    this.idToSeq.set(post.id, seq);
    this.counter.add(bucket, keys, author, voice, seq);
    // Copies follow their original; other posts join the issue their keys clearly point to.
    const target = group?.issue?.resolve() ?? this.bestIssueFor(record);
    if (target) this.assign(record, target);
    return record.issue?.id ?? null;
  }

  private intern(author: string): number {
    let id = this.authors.get(author);
    if (id === undefined) {
      id = this.authors.size;
      this.authors.set(author, id);
    }
    return id;
  }

  private bestIssueFor(post: PostRecord): IssueRecord<TrackedKey> | null {
    let scores: Map<IssueRecord<TrackedKey>, number> | null = null;
    for (const k of post.keys) {
      if (!k.issues) continue;
      for (const [issue, w] of k.issues) {
        const target = issue.resolve();
        if (!this.canAbsorb(target, post.at)) continue;
        scores ??= new Map();
        scores.set(target, (scores.get(target) ?? 0) + w * ASSIGN_KIND_FACTOR[k.kind]);
      }
    }
    if (!scores) return null;
    let best: IssueRecord<TrackedKey> | null = null;
    let bestScore = 0;
    for (const [issue, s] of scores) {
      if (s > bestScore) {
        best = issue;
        bestScore = s;
      }
    }
    return bestScore >= this.config.assignMinScore ? best : null;
  }

  private canAbsorb(issue: IssueRecord<TrackedKey>, at: number): boolean {
    if (issue.mergedInto) return false;
    return at - issue.lastActivityAt <= this.config.reopenWithinMs || issue.lifecycle !== 'dormant';
  }

  private assign(post: PostRecord, issue: IssueRecord<TrackedKey>): void {
    if (post.issue) return;
    post.issue = issue;
    issue.addPost(post);
    let list = this.issuePosts.get(issue);
    if (!list) this.issuePosts.set(issue, (list = []));
    list.push(post.seq);
  }

  // ───────────────────────────── pass ─────────────────────────────

  /** Runs a detection pass with the clock at `now` (epoch ms): processes every bucket that ended by `now`. */
  runPass(now: number): PassResult {
    const nowBucket = Math.floor(now / this.config.bucketMs);
    let processed = 0;
    let bursting = 0;
    const indices = this.counter.indices().filter((i) => i > this.lastProcessed && i < nowBucket);
    for (const index of indices) {
      bursting += this.processBucket(this.counter.get(index)!);
      this.lastProcessed = index;
      processed++;
      this.advanceIssues((index + 1) * this.config.bucketMs, index + 1);
    }
    if (processed === 0) this.advanceIssues(now, nowBucket);
    this.evict(now);
    const upserts: IssueUpsert[] = [];
    for (const issue of this.issuesById.values()) {
      if (!issue.dirty) continue;
      upserts.push({ issue: this.snapshot(issue), created: issue.created, transitions: issue.transitions });
      issue.dirty = false;
      issue.created = false;
      issue.transitions = [];
    }
    return { now, bucketsProcessed: processed, burstingKeys: bursting, upserts };
  }

  private localHour(time: number): number {
    const local = time + this.config.utcOffsetMinutes * 60_000;
    return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000);
  }

  private processBucket(bucket: CountBucket<TrackedKey>): number {
    const t = bucket.index;
    const cfg = this.config;
    const total = Math.max(1, bucket.voices);
    this.totals.set(t, total);
    this.avgTotal = this.avgTotal === 0 ? total : this.avgTotal + 0.01 * (total - this.avgTotal);
    const windows = cfg.windows;
    const windowTotals = windows.map((w) => {
      let s = 0;
      for (let b = t - w + 1; b <= t; b++) s += this.totals.get(b) ?? 0;
      return Math.max(1, s);
    });
    const activity = windows.map((w, i) => windowTotals[i] / (w * Math.max(1, this.avgTotal)));
    const hour = this.localHour(bucket.start);
    const candidates: { key: TrackedKey; surprise: number; window: number }[] = [];
    for (const [k, cell] of bucket.cells) {
      this.scorer.decayTo(k.base, t - 1);
      // Recent per-bucket voices, newest last, limited to the longest window.
      const ri = k.recentIdx;
      const rv = k.recentVoices;
      ri.push(t);
      rv.push(cell.voices);
      while (ri.length > 0 && ri[0] <= t - this.maxWindow) {
        ri.shift();
        rv.shift();
      }
      let bestSurprise = 0;
      let bestWindow = 0;
      for (let w = 0; w < windows.length; w++) {
        const from = t - windows[w] + 1;
        let x = 0;
        for (let j = ri.length - 1; j >= 0 && ri[j] >= from; j--) x += rv[j];
        if (x < cfg.minKeyVoices) continue;
        const s = this.scorer.score(k.base, x, windows[w], windowTotals[w], activity[w], hour);
        if (s.surprise > bestSurprise) {
          bestSurprise = s.surprise;
          bestWindow = windows[w];
        }
      }
      const isBurst = bestSurprise >= cfg.minSurprise;
      k.lastSurprise = bestSurprise;
      this.scorer.fold(k.base, t, cell.voices, total, hour, isBurst);
      if (isBurst) candidates.push({ key: k, surprise: bestSurprise, window: bestWindow });
    }
    if (candidates.length > 0) this.clusterBursts(candidates, t);
    this.detectCampaigns(t);
    for (const issue of this.issuesById.values()) {
      if (issue.dirty && !issue.mergedInto && !issue.campaignSeed) this.enrichIssue(issue, t);
    }
    return candidates.length;
  }

  /** Posts carrying `key` in buckets [from, to] that are still held in memory. */
  private postingsOf(key: TrackedKey, from: number, to: number, cap = 2000): number[] {
    const out: number[] = [];
    for (let b = to; b >= from && out.length < cap; b--) {
      const cell = this.counter.get(b)?.cells.get(key);
      if (!cell) continue;
      for (const p of cell.postings) if (this.posts.has(p)) out.push(p);
    }
    return out;
  }

  private clusterBursts(found: { key: TrackedKey; surprise: number; window: number }[], t: number): void {
    const cfg = this.config;
    const candidates: BurstCandidate<TrackedKey>[] = found.map((c) => ({
      key: c.key,
      surprise: c.surprise,
      posts: this.postingsOf(c.key, t - Math.max(c.window, 4) + 1, t),
    }));
    const now = (t + 1) * cfg.bucketMs;
    const plan = clusterBurstingKeys(
      candidates,
      {
        issueOfPost: (p) => this.posts.get(p)?.issue?.resolve().id ?? null,
        canAbsorb: (id) => {
          const issue = this.issuesById.get(id);
          return issue !== undefined && this.canAbsorb(issue, now);
        },
        voiceOfPost: (p) => this.posts.get(p)?.voice ?? -1,
      },
      {
        joinShare: cfg.joinShare,
        minVoices: cfg.minIssueVoices,
        minKeys: 2,
        isSpecific: (k) => (k as TrackedKey).kind !== 'term' && (k as TrackedKey).kind !== 'topic',
      },
    );
    for (const a of plan.attach) {
      const issue = this.issuesById.get(a.issueId)!.resolve();
      this.attachKey(issue, a.key, a.share);
      this.collectPosts(issue, [a.key], t);
      if (issue.lifecycle === 'dormant') issue.setLifecycle('emerging', now);
      issue.dirty = true;
    }
    for (const c of plan.clusters) {
      const twinOf = this.similarOpenIssue(
        c.keys.map((k) => k.key),
        now,
      );
      const issue = twinOf ?? new IssueRecord<TrackedKey>(this.newIssueId(), now);
      if (twinOf) {
        if (twinOf.lifecycle === 'dormant') twinOf.setLifecycle('emerging', now);
        twinOf.dirty = true;
      }
      for (const { key, share } of c.keys) this.attachKey(issue, key, share);
      for (const p of c.posts) {
        const post = this.posts.get(p);
        if (post && !post.issue && this.postScore(post, issue) >= cfg.assignMinScore) this.assign(post, issue);
      }
      if (!twinOf) {
        if (issue.voiceSet.size < cfg.minIssueVoices) {
          this.discard(issue);
          continue;
        }
        this.issuesById.set(issue.id, issue);
      }
      this.collectPosts(
        issue,
        c.keys.map((k) => k.key),
        t,
      );
    }
  }

  /** Forgets an issue that never gathered enough posts of its own (its posts return to the pool). */
  private discard(issue: IssueRecord<TrackedKey>): void {
    for (const seq of this.issuePosts.get(issue) ?? []) {
      const post = this.posts.get(seq);
      if (post?.issue === issue) post.issue = null;
    }
    this.issuePosts.delete(issue);
    for (const k of issue.keyWeights.keys()) {
      k.issues?.delete(issue);
      if (k.issues?.size === 0) k.issues = null;
    }
  }

  /**
   * An absorbable issue that already holds most of a new cluster's key mass (phrases, hashtags and places weigh 1,
   * single terms ½): the cluster is the same story coming back, not a new issue.
   */
  private similarOpenIssue(keys: TrackedKey[], now: number): IssueRecord<TrackedKey> | null {
    const mass = (k: TrackedKey): number => (k.kind === 'term' || k.kind === 'topic' ? 0.2 : 1);
    let total = 0;
    const shared = new Map<IssueRecord<TrackedKey>, number>();
    for (const k of keys) {
      total += mass(k);
      if (!k.issues) continue;
      for (const [issue, w] of k.issues) {
        const target = issue.resolve();
        if (w < 0.3 || !this.canAbsorb(target, now)) continue;
        shared.set(target, (shared.get(target) ?? 0) + mass(k));
      }
    }
    let best: IssueRecord<TrackedKey> | null = null;
    let bestShare = 0;
    for (const [issue, m] of shared) {
      if (m / total > bestShare) {
        best = issue;
        bestShare = m / total;
      }
    }
    return bestShare >= 0.35 ? best : null;
  }

  /**
   * Adds to an issue the keys that its recent posts carry and that are specific to it (most of their recent posts
   * are the issue's), even when they did not burst on their own; then collects the posts those keys point to.
   */
  private enrichIssue(issue: IssueRecord<TrackedKey>, t: number): void {
    const seqs = this.issuePosts.get(issue);
    if (!seqs || seqs.length < this.config.minIssueVoices) return;
    const from = t - this.maxWindow + 1;
    const counts = new Map<TrackedKey, Set<number>>();
    for (let i = seqs.length - 1; i >= 0; i--) {
      const post = this.posts.get(seqs[i]);
      if (!post || post.bucket < from) break;
      for (const k of post.keys) {
        if (issue.keyWeights.has(k)) continue;
        let set = counts.get(k);
        if (!set) counts.set(k, (set = new Set()));
        set.add(post.voice);
      }
    }
    const added: TrackedKey[] = [];
    for (const [k, voices] of counts) {
      if (voices.size < 3 || k.kind === 'term' || k.kind === 'topic') continue;
      let keyVoices = 0;
      for (let j = k.recentIdx.length - 1; j >= 0 && k.recentIdx[j] >= from; j--) keyVoices += k.recentVoices[j];
      const current = this.counter.get(t + 1)?.cells.get(k)?.voices ?? 0;
      const purity = voices.size / Math.max(voices.size, keyVoices + current);
      if (purity >= 0.8) {
        this.attachKey(issue, k, purity);
        added.push(k);
      }
    }
    if (added.length) this.collectPosts(issue, added, t);
  }

  private attachKey(issue: IssueRecord<TrackedKey>, key: TrackedKey, weight: number): void {
    issue.setKeyWeight(key, weight);
    key.issues ??= new Map();
    key.issues.set(issue, Math.max(weight, key.issues.get(issue) ?? 0));
  }

  private postScore(post: PostRecord, issue: IssueRecord<TrackedKey>): number {
    let s = 0;
    for (const k of post.keys) {
      const w = issue.keyWeights.get(k);
      if (w !== undefined) s += w * ASSIGN_KIND_FACTOR[k.kind];
    }
    return s;
  }

  /** Assigns the posts held in memory that carry the issue's keys and clearly belong to it (earlier posts too). */
  private collectPosts(issue: IssueRecord<TrackedKey>, keys: TrackedKey[], t: number): void {
    const from = t - Math.ceil(this.config.postRetentionMs / this.config.bucketMs);
    const seen = new Set<number>();
    for (const k of keys) {
      for (const p of this.postingsOf(k, from, t, 20_000)) {
        if (seen.has(p)) continue;
        seen.add(p);
        const post = this.posts.get(p)!;
        if (!post.issue && this.postScore(post, issue) >= this.config.assignMinScore) this.assign(post, issue);
      }
    }
  }

  /** Near-duplicate groups copied by many accounts become (or mark) campaign issues. */
  private detectCampaigns(t: number): void {
    const cfg = this.config;
    const now = (t + 1) * cfg.bucketMs;
    for (const group of this.groups.values()) {
      if (group.issue || group.authors.size < cfg.campaignMinAuthors) continue;
      if (group.lastAt < t * cfg.bucketMs) continue;
      if (!this.isNovelGroup(group)) continue;
      const members = group.members.map((s) => this.posts.get(s)).filter((p): p is PostRecord => p !== undefined);
      const byIssue = new Map<IssueRecord<TrackedKey>, number>();
      for (const p of members) if (p.issue) byIssue.set(p.issue.resolve(), (byIssue.get(p.issue.resolve()) ?? 0) + 1);
      let issue: IssueRecord<TrackedKey> | null = null;
      for (const [i, n] of byIssue) if (n * 2 >= members.length) issue = i;
      if (!issue) {
        issue = new IssueRecord<TrackedKey>(this.newIssueId(), now);
        issue.campaignSeed = true;
        this.issuesById.set(issue.id, issue);
        const root = this.posts.get(group.rootSeq) ?? members[0];
        for (const k of root.keys) if (k.kind !== 'term' || root.keys.length < 6) this.attachKey(issue, k, 0.5);
      }
      group.issue = issue;
      for (const p of members) this.assign(p, issue);
    }
  }

  /**
   * A copied text is a campaign only when what it says is new: recurring phrases (the morning traffic report copied
   * by many) have a baseline. Novel when most of the root post's phrases expect under two voices in four hours.
   */
  private isNovelGroup(group: DuplicateGroup): boolean {
    const root = this.posts.get(group.rootSeq);
    if (!root) return true;
    const phrases = root.keys.filter((k) => k.kind === 'bigram' || k.kind === 'hashtag');
    if (phrases.length === 0) return true;
    let novel = 0;
    const dayBuckets = Math.round(86_400_000 / this.config.bucketMs);
    for (const k of phrases) if (root.bucket - k.base.firstBucket < dayBuckets && k.base.mean * this.avgTotal * 16 < 2) novel++;
    return novel * 2 > phrases.length;
  }

  private advanceIssues(now: number, endBucket: number): void {
    const cfg = this.config;
    const rules = { trendingMinVoices: cfg.trendingMinVoices, dormantAfterMs: cfg.dormantAfterMs, declineShare: 0.5 };
    for (const issue of this.issuesById.values()) {
      if (issue.mergedInto) continue;
      if (issue.lifecycle === 'dormant' && !issue.dirty) continue;
      const hourVoices = issue.voicesIn(endBucket, 4);
      const previousHour = issue.voicesIn(endBucket - 4, 4);
      if (hourVoices > issue.peakHourVoices) issue.peakHourVoices = hourVoices;
      const reactivated = issue.dirty && now - issue.lastActivityAt < cfg.bucketMs;
      const next = nextLifecycleState(
        {
          state: issue.lifecycle,
          now,
          detectedAt: issue.firstDetectedAt,
          lastActivityAt: Number.isFinite(issue.lastActivityAt) ? issue.lastActivityAt : issue.firstDetectedAt,
          hourVoices,
          peakHourVoices: issue.peakHourVoices,
          reactivated,
        },
        rules,
      );
      issue.setLifecycle(next, now);
      if (issue.dirty) {
        const negativeTotal = issue.sentiment.negative + issue.sentiment.neutral + issue.sentiment.positive;
        const category = issue.mainCategory();
        issue.severity = computeSeverity({
          voices: issue.voiceSet.size,
          hourVoices,
          previousHourVoices: previousHour,
          negativeShare: negativeTotal ? issue.sentiment.negative / negativeTotal : 0,
          totalReach: issue.totalReach,
          places: [...issue.places.values()].filter((p) => p.posts >= 2).length,
          category,
          categoryWeight: cfg.categoryWeights[category] ?? cfg.categoryWeights.lainnya ?? 0.3,
        });
      }
    }
  }

  private evict(now: number): void {
    const cfg = this.config;
    const limit = Math.min(now, this.newestTime) - cfg.postRetentionMs;
    while (this.oldestSeq < this.seq) {
      const p = this.posts.get(this.oldestSeq);
      if (p && p.at >= limit) break;
      if (p) {
        this.posts.delete(p.seq);
        this.idToSeq.delete(p.id);
      }
      this.oldestSeq++;
    }
    const limitBucket = Math.floor(limit / cfg.bucketMs);
    this.counter.dropPostingsBefore(limitBucket);
    // Keep two days of counts for export; scoring needs only the longest window.
    const keepFrom = Math.min(this.lastProcessed - this.maxWindow, limitBucket) - 2 * 96;
    if (Number.isFinite(keepFrom)) {
      this.counter.evictBefore(keepFrom);
      for (const b of [...this.totals.keys()]) if (b < keepFrom) this.totals.delete(b);
    }
    for (const [id, g] of this.groups) if (g.lastAt < limit) this.groups.delete(id);
    for (const [issue, seqs] of this.issuePosts) {
      let drop = 0;
      while (drop < seqs.length && !this.posts.has(seqs[drop])) drop++;
      if (drop === seqs.length) this.issuePosts.delete(issue);
      else if (drop > 0) seqs.splice(0, drop);
    }
    // Forget keys idle for a week with nothing left in their baseline.
    if (this.lastProcessed % 96 === 0) {
      const idle = this.lastProcessed - 7 * 96;
      for (const [s, k] of this.keys) {
        if (k.base.lastBucket < idle && k.base.mean < 1e-6 && !k.issues) this.keys.delete(s);
      }
    }
  }

  // ───────────────────────────── analysts and state ─────────────────────────────

  /**
   * Records an analyst's outcome. 'merged' needs `targetId`: the target absorbs the issue's posts and keys, and the
   * issue keeps pointing to it. A dismissed issue keeps absorbing its story (so it never comes back as new).
   * `null` clears the outcome (reopen).
   */
  applyOutcome(issueId: string, outcome: AnalystOutcome | null, at: number, targetId?: string): IssueSnapshot {
    const issue = this.issuesById.get(issueId);
    if (!issue) throw new Error(`Isu ${issueId} tidak ditemukan`);
    if (outcome === 'merged') {
      const target = targetId ? this.issuesById.get(targetId)?.resolve() : undefined;
      if (!target) throw new Error(`Isu tujuan penggabungan ${targetId ?? '(kosong)'} tidak ditemukan`);
      if (target === issue) throw new Error('Isu tidak dapat digabungkan ke dirinya sendiri');
      target.absorb(issue);
      for (const k of issue.keyWeights.keys()) {
        const w = k.issues?.get(issue);
        if (w !== undefined) {
          k.issues!.delete(issue);
          k.issues!.set(target, Math.max(w, k.issues!.get(target) ?? 0));
        }
      }
      for (const p of this.posts.values()) if (p.issue === issue) p.issue = target;
      issue.mergedInto = target;
    }
    issue.setOutcome(outcome, at);
    return this.snapshot(issue);
  }

  /** Renames an issue (analyst); the detector keeps the label. */
  rename(issueId: string, label: string): IssueSnapshot {
    const issue = this.issuesById.get(issueId);
    if (!issue) throw new Error(`Isu ${issueId} tidak ditemukan`);
    issue.fixedLabel = label;
    issue.dirty = true;
    return this.snapshot(issue);
  }

  getIssue(id: string): IssueSnapshot | null {
    const issue = this.issuesById.get(id);
    return issue ? this.snapshot(issue) : null;
  }

  issues(): IssueSnapshot[] {
    return [...this.issuesById.values()].map((i) => this.snapshot(i));
  }

  private snapshot(issue: IssueRecord<TrackedKey>): IssueSnapshot {
    return issue.toSnapshot(this.config.bucketMs, this.config.categoryOpd, this.config.campaignShare);
  }

  /** Bucket counts as plain rows (what the worker persists). */
  exportCounts(fromBucketStart = -Infinity): BucketCountRow[] {
    return [...this.counter.rows(Math.floor(fromBucketStart / this.config.bucketMs))];
  }

  exportBaselines(): KeyBaselineRow[] {
    const rows: KeyBaselineRow[] = [];
    for (const k of this.keys.values()) if (k.base.lastBucket >= 0) rows.push(BurstScorer.toRow(k.key, k.base));
    return rows;
  }

  /** Restores baselines (e.g. after a worker restart) before ingesting. */
  importBaselines(rows: readonly KeyBaselineRow[]): void {
    for (const row of rows) {
      const k = this.keyFor(row.key);
      k.base = BurstScorer.fromRow(row);
      this.lastProcessed = Math.max(this.lastProcessed, row.lastBucket);
    }
  }

  /** Restores or injects bucket counts (rows with key '*' carry bucket totals). */
  importCounts(rows: Iterable<BucketCountRow>): void {
    for (const row of rows) {
      const index = Math.floor(row.bucketStart / this.config.bucketMs);
      if (row.key === '*') this.counter.setTotals(index, row.posts, row.voices);
      else this.counter.setCounts(index, this.keyFor(row.key), row.posts, row.authors, row.voices);
    }
  }

  private keyFor(key: string): TrackedKey {
    let k = this.keys.get(key);
    if (!k) {
      const kind = (
        { t: 'term', b: 'bigram', g: 'trigram', h: 'hashtag', p: 'place', q: 'topic' } as Record<string, FeatureKind>
      )[key.charAt(0)];
      k = {
        key,
        kind: kind ?? 'term',
        text: keyText(key),
        base: BurstScorer.empty(0),
        recentIdx: [],
        recentVoices: [],
        issues: null,
        lastSurprise: 0,
      };
      this.keys.set(key, k);
    }
    return k;
  }

  /** Counters for monitoring and benchmarks. */
  stats(): { keys: number; postsInMemory: number; buckets: number; issues: number; lastProcessedBucket: number } {
    return {
      keys: this.keys.size,
      postsInMemory: this.posts.size,
      buckets: this.counter.indices().length,
      issues: this.issuesById.size,
      lastProcessedBucket: this.lastProcessed,
    };
  }
}
