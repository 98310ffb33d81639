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
import { BucketCounter, type CountBucket, type KeyColumns } from './bucket-counter.js';
import { BurstScorer, KeyBaselines, poissonPointSurprise, poissonSurprise } from './burst-scorer.js';
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
import { extractFeatures, keyText, kindOfKey } from './feature-extractor.js';
import { nextLifecycleState } from './issue-lifecycle.js';
import { IssueRecord, type IssuePostView } from './issue-record.js';
import { KeyTable } from './key-table.js';
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
  priorVoicesPerBucket: 0.1,
  minSurprise: 3.5,
  // Chosen on tuning seeds 1–3: 2.5 gained little, 1.5 opened false issues from chatter pairs.
  coBurstSurprise: 2,
  minKeyVoices: 4,
  minIssueVoices: 6,
  joinShare: 0.5,
  hotBuckets: 16,
  warmupBuckets: 16,
  clusterLookbackBuckets: 24,
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

/** How many keys ahead the pass starts loading a key's memory (see KeyBaselines.touch). */
const TOUCH_AHEAD = 16;

/** How much one matching key of each kind counts towards assigning a post to an issue (× the key's weight). */
const ASSIGN_KIND_FACTOR: Record<FeatureKind, number> = {
  term: 0.35,
  bigram: 1,
  trigram: 1,
  hashtag: 1,
  place: 0.4,
  topic: 0.3,
};

/**
 * A new cluster is the same story as an open issue when the issue already holds this share (content-weighted) of the
 * recent posts of the cluster's keys: the two or three clusters one story grows from different seeds in one pass
 * carry different keys, but those keys co-occur in the same posts. Chosen on tuning seeds 1–3.
 */
const TWIN_SHARED_POST_SHARE = 0.3;

/**
 * The same-place, same-category twin rule needs at least this share of the cluster's content (keys or shared posts)
 * in the issue: without it a second story of one category in one kelurahan (poisoning after dengue) was swallowed.
 * Chosen on tuning seeds 1–3 (0.1 let two more twins through).
 */
const SAME_PLACE_CATEGORY_MIN_SHARE = 0.05;

/**
 * A post whose category (from the analysis engine) is foreign to an issue — under this share of the issue's
 * categorised posts, once it has FOREIGN_CATEGORY_MIN_POSTS of them — does not join it by its keys: a fight or a fuel
 * shortage in a place whose dengue outbreak is an open issue shares the place's words (`sempaja`, `gunung sari`: names
 * the gazetteer does not resolve read as content) but not the story. A story's own wordings may carry another category
 * (a school poisoning reads as education), which is why the share is low rather than "not the main category". Chosen
 * on tuning seeds 1–8 (twice the score instead of never: two events fewer).
 */
const FOREIGN_CATEGORY_SHARE = 0.1;
const FOREIGN_CATEGORY_MIN_POSTS = 5;

/**
 * A key the grouping logic works with (posts in memory, bursting keys, issue profiles). Its counts and baseline live
 * in columns indexed by `id` (KeyTable, KeyBaselines, BucketCounter): keys known only from restored count rows get no
 * object until they burst or rise (co-occurrence bursts).
 */
interface TrackedKey {
  id: number;
  key: string;
  kind: FeatureKind;
  text: string;
  issues: Map<IssueRecord<TrackedKey>, number> | null;
  /** Last bucket through which the key counts as bursting (it burst within `hotBuckets` before). */
  hotUntil: number;
  /** A term or phrase that spells a resolved place name ('sungai kunjang'): a discriminator, not story content. */
  placeLike: boolean;
  /**
   * A phrase that joins a place name and one other word ('warga sangatta', 'banjir nipah'): says no more about the
   * story than that word alone, so it weighs like a single term (any story of that place carries 'warga sangatta').
   */
  partPlace: boolean;
}

/** What scoring the keys of bucket `t` needs besides their counts. */
interface BucketScoring {
  t: number;
  /** Voices in the bucket (at least 1). */
  total: number;
  /** Voices in all buckets of each scoring window ending with `t`, and that relative to an average window. */
  windowTotals: Float64Array;
  activity: Float64Array;
  hour: number;
  dayBuckets: number;
  /** Buckets folded before this one (bias correction). */
  history: number;
}

/**
 * A key that burst (or rose to `coBurstSurprise` without bursting) in the bucket being processed: its insertion rank
 * there, best surprise and its window.
 */
interface BurstingKey {
  id: number;
  rank: number;
  surprise: number;
  window: number;
  burst: boolean;
}

interface PostRecord extends IssuePostView {
  seq: number;
  keys: TrackedKey[];
  group: DuplicateGroup | null;
  issue: IssueRecord<TrackedKey> | null;
}

interface DuplicateGroup {
  rootSeq: number;
  /** Bucket of the group's first post (kept when the root post leaves memory). */
  firstBucket: number;
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
  private readonly counter: BucketCounter;
  private readonly scorer: BurstScorer;
  private readonly dedup: NearDuplicateIndex;
  private readonly keyTable = new KeyTable();
  private readonly baselines: KeyBaselines;
  /** Key objects by id, made when a post carries the key or when it bursts. */
  private readonly tracked = new Map<number, TrackedKey>();
  /** Ids of forgotten keys that held buckets still count under (released once those buckets are dropped). */
  private retiredIds: number[] = [];
  private readonly authors = new Map<string, number>();
  private readonly posts = new Map<number, PostRecord>();
  private readonly idToSeq = new Map<string, number>();
  private readonly groups = new Map<string, DuplicateGroup>();
  private readonly issuesById = new Map<string, IssueRecord<TrackedKey>>();
  private readonly totals = new Map<number, number>();
  /** Post numbers assigned to each issue that are still held in memory (for key enrichment). */
  private readonly issuePosts = new Map<IssueRecord<TrackedKey>, number[]>();
  /** Keys that burst within the last `hotBuckets` buckets. */
  private readonly hot = new Set<TrackedKey>();
  private readonly newIssueId: () => string;
  private avgTotal = 0;
  private seq = 0;
  private oldestSeq = 0;
  private lastProcessed = -Infinity;
  /** First bucket of the detector's history (this process's first pass, or the oldest imported baseline). */
  private historyStart = Infinity;
  private newestTime = -Infinity;
  private issueCounter = 0;
  /** Sum of the values read ahead in a pass (kept so that the reads are not optimised away). */
  private touchedSum = 0;
  private readonly maxWindow: number;

  constructor(config: Partial<DetectorConfig> = {}, options: IssueDetectorOptions = {}) {
    this.config = { ...DEFAULT_DETECTOR_CONFIG, ...config };
    this.maxWindow = Math.max(...this.config.windows);
    this.counter = new BucketCounter(this.config.bucketMs);
    this.baselines = new KeyBaselines(this.maxWindow);
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
    if (this.idToSeq.has(post.id)) {
      return this.posts.get(this.idToSeq.get(post.id)!)?.issue?.resolve().id ?? null;
    }
    const seq = this.seq++;
    const at = post.createdAt;
    if (at > this.newestTime) {
      this.newestTime = at;
    }
    const bucket = this.counter.indexOf(at);
    const author = this.intern(post.author || `${post.source ?? 'anon'}:${post.id}`);
    const match = this.dedup.add(post.id, post.tokens, at);
    let group: DuplicateGroup | null = null;
    let voice = author;
    if (match.duplicate) {
      group = this.groups.get(match.groupId) ?? null;
      if (!group) {
        const rootSeq = this.idToSeq.get(match.groupId);
        const rootPost = rootSeq === undefined ? undefined : this.posts.get(rootSeq);
        group = {
          rootSeq: rootSeq ?? seq,
          firstBucket: rootPost?.bucket ?? bucket,
          authors: new Set(),
          members: [],
          lastAt: at,
          issue: null,
        };
        if (rootSeq !== undefined) {
          const root = rootPost;
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
      let id = this.keyTable.idOf(f.key);
      let k = id === undefined ? undefined : this.tracked.get(id);
      if (id === undefined) {
        // A key first seen in a post takes its text from the post (a place's name); one known from restored rows
        // keeps the text of its key.
        id = this.addKey(f.key, f.kind, bucket);
        const text =
          f.kind === 'place' ? (post.places.find((p) => `p:${p.code}` === f.key)?.name ?? f.key) : keyText(f.key);
        k = this.trackedKey(id, text);
      }
      k ??= this.trackedKey(id);
      keys[i] = k;
      if (placeWords && !k.placeLike && (f.kind === 'term' || f.kind === 'bigram' || f.kind === 'trigram')) {
        const words = k.text.split(' ');
        const inPlace = words.filter((w) => placeWords.has(w)).length;
        k.placeLike = inPlace === words.length;
        k.partPlace ||= inPlace > 0 && words.length - inPlace === 1;
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
    this.posts.set(seq, record);
    this.idToSeq.set(post.id, seq);
    this.counter.add(bucket, keys, author, voice, seq);
    // Copies follow their original; other posts join the issue their keys clearly point to. A text copied by as many
    // accounts as a campaign needs waits for the campaign check (detectCampaigns) instead of riding on an organic
    // issue by its keywords: buzzers praising the handling of a flood are not the flood's voices.
    const target = group?.issue?.resolve() ?? (this.awaitsCampaign(record) ? null : this.bestIssueFor(record));
    if (target) {
      this.assign(record, target);
    }
    return record.issue?.id ?? null;
  }

  /** A copy of a text copied by campaign-many accounts, not yet judged by detectCampaigns: no organic issue takes it. */
  private awaitsCampaign(post: PostRecord): boolean {
    return post.group !== null && !post.group.issue && post.group.authors.size >= this.config.campaignMinAuthors;
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
      if (!k.issues) {
        continue;
      }
      for (const [issue, w] of k.issues) {
        const target = issue.resolve();
        scores ??= new Map();
        scores.set(target, (scores.get(target) ?? 0) + w * assignFactor(k));
      }
    }
    if (!scores) {
      return null;
    }
    let best: IssueRecord<TrackedKey> | null = null;
    let bestScore = 0;
    for (const [issue, s] of scores) {
      if (s <= bestScore || !this.canAbsorb(issue, post.at)) {
        continue;
      }
      const need =
        this.assignThreshold(post, this.issueAnchors(issue), issue.lifecycle === 'dormant') *
        foreignCategoryFactor(post, issue);
      if (s >= need) {
        best = issue;
        bestScore = s;
      }
    }
    return best;
  }

  /**
   * Score a post needs to join a story: `assignMinScore`, halved when the post names one of the story's places;
   * Infinity when it names only places unrelated to the story's (a flood elsewhere is another issue). A dormant story
   * with places comes back only through posts that name one of them: a flood elsewhere a day later uses the same words,
   * and its posts that name no place would otherwise revive the old issue and starve the new one.
   */
  private assignThreshold(post: PostRecord, anchors: readonly string[], dormant: boolean): number {
    if (anchors.length === 0) {
      return this.config.assignMinScore;
    }
    for (const p of post.places) {
      for (const a of anchors) {
        if (placesRelated(p.code, a) && p.code.length >= a.length) {
          return this.config.assignMinScore / 2;
        }
      }
    }
    if (dormant) {
      return Infinity;
    }
    return placesCompatible(post.places, anchors) ? this.config.assignMinScore : Infinity;
  }

  private canAbsorb(issue: IssueRecord<TrackedKey>, at: number): boolean {
    if (issue.mergedInto) {
      return false;
    }
    return at - issue.lastActivityAt <= this.config.reopenWithinMs || issue.lifecycle !== 'dormant';
  }

  private assign(post: PostRecord, issue: IssueRecord<TrackedKey>): void {
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

  // ───────────────────────────── pass ─────────────────────────────

  /** Runs a detection pass with the clock at `now` (epoch ms): processes every bucket that ended by `now`. */
  runPass(now: number): PassResult {
    const nowBucket = Math.floor(now / this.config.bucketMs);
    let processed = 0;
    let bursting = 0;
    const indices = this.counter.indices().filter((i) => i > this.lastProcessed && i < nowBucket);
    for (const index of indices) {
      if (index < this.historyStart) {
        this.historyStart = index;
      }
      bursting += this.processBucket(this.counter.get(index)!);
      this.lastProcessed = index;
      processed++;
      this.advanceIssues((index + 1) * this.config.bucketMs, index + 1);
    }
    if (processed === 0) {
      this.advanceIssues(now, nowBucket);
    }
    this.evict(now);
    const upserts: IssueUpsert[] = [];
    for (const issue of this.issuesById.values()) {
      if (!issue.dirty) {
        continue;
      }
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

  private processBucket(bucket: CountBucket): number {
    const t = bucket.index;
    const cfg = this.config;
    const total = Math.max(1, bucket.voices);
    this.totals.set(t, total);
    this.avgTotal = this.avgTotal === 0 ? total : this.avgTotal + 0.01 * (total - this.avgTotal);
    const windows = cfg.windows;
    const windowTotals = windows.map((w) => {
      let s = 0;
      for (let b = t - w + 1; b <= t; b++) {
        s += this.totals.get(b) ?? 0;
      }
      return Math.max(1, s);
    });
    const activity = windows.map((w, i) => windowTotals[i] / (w * Math.max(1, this.avgTotal)));
    const hour = this.localHour(bucket.start);
    const dayBuckets = Math.round(86_400_000 / cfg.bucketMs);
    // Buckets folded before this one: corrects the zero start of every EWMA (see BurstScorer.debias).
    const history = t - this.historyStart;
    const found = this.scoreKeys(bucket.keyColumns(), {
      t,
      total,
      windowTotals: Float64Array.from(windowTotals),
      activity: Float64Array.from(activity),
      hour,
      dayBuckets,
      history,
    });
    // Bursting and rising keys in the order they were first counted in the bucket: issue formation depends on that
    // order, and so does the order of the keys that burst together (after the keys that burst on their own).
    found.sort((a, b) => a.rank - b.rank);
    const candidates: { key: TrackedKey; surprise: number; window: number }[] = [];
    // Keys rising short of a burst on their own; pairs of them told by the same voices burst together (coBurstingKeys).
    const rising: { key: TrackedKey; surprise: number; window: number }[] = [];
    for (const c of found) {
      (c.burst ? candidates : rising).push({ key: this.trackedKey(c.id), surprise: c.surprise, window: c.window });
    }
    for (const c of this.coBurstingKeys(rising, t)) {
      candidates.push(c);
    }
    if (candidates.length > 0 || this.hot.size > 0) {
      this.formIssues(candidates, t);
    }
    this.detectCampaigns(t);
    for (const issue of this.issuesById.values()) {
      if (issue.dirty && !issue.mergedInto && !issue.campaignSeed) {
        this.enrichIssue(issue, t);
      }
    }
    return candidates.length;
  }

  /**
   * Folds every key of a bucket into its baseline and scores its windows; returns the keys that burst and those that
   * rose to `coBurstSurprise` without bursting (candidates for a co-occurrence burst), in column order. The hot loop
   * of a pass: typed arrays and numbers only, and a method of its own so that it stays optimised (code after the loop
   * that sees new object shapes would otherwise send the whole pass back to the interpreter).
   */
  private scoreKeys(cells: KeyColumns, scoring: BucketScoring): BurstingKey[] {
    const { t, total, windowTotals, activity, hour, dayBuckets, history } = scoring;
    const cfg = this.config;
    const windows = cfg.windows;
    const baselines = this.baselines;
    const found: BurstingKey[] = [];
    // Keys are scored down to the lower of the two thresholds: a rising key may yet burst with another.
    const scoreFrom = Math.min(cfg.minSurprise, cfg.coBurstSurprise);
    let touched = 0;
    for (let i = 0; i < cells.length; i++) {
      const id = cells.ids[i];
      const voices = cells.voices[i];
      // Keys are spread over far more memory than the caches hold. Every TOUCH_AHEAD keys, one tight loop reads the
      // blocks of the next TOUCH_AHEAD keys (their loads are independent, so the processor has them all in flight at
      // once) and the hour-of-day multipliers of the keys about to be scored (whose blocks the previous loop read).
      if ((i & (TOUCH_AHEAD - 1)) === 0) {
        touched += baselines.touchBlocks(cells.ids, i + TOUCH_AHEAD, Math.min(cells.length, i + 2 * TOUCH_AHEAD), t);
        touched += baselines.touchProfiles(cells.ids, i, Math.min(cells.length, i + TOUCH_AHEAD), hour);
      }
      this.scorer.decayTo(baselines, id, t - 1);
      // Recent per-bucket voices, limited to the longest window.
      baselines.recordVoices(id, t, voices);
      let bestSurprise = 0;
      let bestWindow = 0;
      // Pruning: the longest window holds every recent voice; below the minimum no window can burst, and most keys
      // of a busy bucket (the long tail of phrases seen once or twice) stop here, with no scoring at all.
      const recent = baselines.recentVoices(id, t - this.maxWindow + 1, t);
      for (let w = 0; recent >= cfg.minKeyVoices && w < windows.length; w++) {
        const x = baselines.recentVoices(id, t - windows[w] + 1, t);
        if (x < cfg.minKeyVoices) {
          continue;
        }
        const lambda = this.scorer.expected(baselines, id, windows[w], windowTotals[w], activity[w], hour, history);
        // The point probability bounds the tail: keys that cannot reach the threshold skip the tail sum.
        if (poissonPointSurprise(x, lambda) < scoreFrom) {
          continue;
        }
        let surprise = poissonSurprise(x, lambda);
        // Daily recurrence: what the same window held one and two days ago (the morning traffic talk).
        if (surprise >= scoreFrom) {
          const seen = Math.max(
            this.voicesAt(id, t - dayBuckets, windows[w]),
            this.voicesAt(id, t - 2 * dayBuckets, windows[w]),
          );
          if (seen > 0) {
            surprise = Math.min(surprise, poissonSurprise(x, Math.max(lambda, seen)));
          }
        }
        if (surprise > bestSurprise) {
          bestSurprise = surprise;
          bestWindow = windows[w];
        }
      }
      const isBurst = bestSurprise >= cfg.minSurprise;
      this.scorer.fold(baselines, id, t, voices, total, hour, isBurst, history);
      if (isBurst || bestSurprise >= cfg.coBurstSurprise) {
        found.push({ id, rank: cells.ranks[i], surprise: bestSurprise, window: bestWindow, burst: isBurst });
      }
    }
    this.touchedSum = touched;
    return found;
  }

  /**
   * Co-occurrence bursts: keys rising short of `minSurprise` on their own (a second flood in a place whose words had
   * a story the day before, in a quiet stream) burst together when `minIssueVoices` distinct voices wrote both in
   * their windows. One of the two must be story content (not a place) and they share no word (a phrase and its own
   * term always co-occur). Chance pairs of chatter words rarely reach that many voices; recurring talk is kept out
   * by the daily-recurrence cap on each key's surprise.
   */
  private coBurstingKeys(
    rising: readonly { key: TrackedKey; surprise: number; window: number }[],
    t: number,
  ): { key: TrackedKey; surprise: number; window: number }[] {
    if (rising.length < 2) {
      return [];
    }
    const postRising = new Map<number, number[]>();
    rising.forEach((c, i) => {
      for (const seq of this.postingsOf(c.key, t - c.window + 1, t)) {
        const list = postRising.get(seq);
        if (list) {
          list.push(i);
        } else {
          postRising.set(seq, [i]);
        }
      }
    });
    const pairVoices = new Map<number, Set<number>>();
    const promoted = new Set<number>();
    for (const [seq, list] of postRising) {
      if (list.length < 2) {
        continue;
      }
      const voice = this.posts.get(seq)!.voice;
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const i = list[a];
          const j = list[b];
          if (!storyPair(rising[i].key, rising[j].key)) {
            continue;
          }
          const pair = i * rising.length + j;
          let voices = pairVoices.get(pair);
          if (!voices) {
            pairVoices.set(pair, (voices = new Set()));
          }
          voices.add(voice);
          if (voices.size >= this.config.minIssueVoices) {
            promoted.add(i);
            promoted.add(j);
          }
        }
      }
    }
    return [...promoted].map((i) => rising[i]);
  }

  /** How many of the posts `seqs` (held in memory) each issue holds, a merged issue's under its target. */
  private postsPerIssue(seqs: readonly number[]): Map<IssueRecord<TrackedKey>, number> {
    const byIssue = new Map<IssueRecord<TrackedKey>, number>();
    for (const seq of seqs) {
      const issue = this.posts.get(seq)?.issue?.resolve();
      if (issue) {
        byIssue.set(issue, (byIssue.get(issue) ?? 0) + 1);
      }
    }
    return byIssue;
  }

  /** Voices of key `keyId` summed over the `window` buckets ending with bucket `end` (from the kept counts). */
  private voicesAt(keyId: number, end: number, window: number): number {
    let n = 0;
    for (let b = end - window + 1; b <= end; b++) {
      n += this.counter.voicesOf(b, keyId);
    }
    return n;
  }

  /** Posts carrying `key` in buckets [from, to] that are still held in memory. */
  private postingsOf(key: TrackedKey, from: number, to: number, cap = 2000): number[] {
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

  /**
   * Turns this pass's bursting keys into issues.
   *
   * 1. A newly bursting key whose recent posts mostly (≥ joinShare) belong to an open issue is attached to it.
   * 2. Every key that burst within the last `hotBuckets` buckets is "hot". The unassigned posts of the lookback that
   *    carry at least two hot keys are clustered greedily: seeds are fine places (kecamatan, kelurahan) first, then
   *    phrases and hashtags, then single terms, each by distinct voices. A seed's cluster takes the key profile of
   *    its posts (hot keys whose candidate posts fall mostly inside it) and grows by posts that score on that
   *    profile and are place-compatible (two floods in two kecamatan are two issues).
   * 3. A cluster with enough distinct voices and at least two profile keys opens an issue, unless an open issue
   *    with compatible places already holds most of its key mass (the same story: no twin).
   */
  private formIssues(found: { key: TrackedKey; surprise: number; window: number }[], t: number): void {
    const cfg = this.config;
    const now = (t + 1) * cfg.bucketMs;
    // During the warm-up every baseline is a few buckets old: bursts then are not evidence of anything new, so they
    // make no key hot (otherwise the first pass after the warm-up would cluster the whole chatter).
    const warm = t - this.historyStart >= cfg.warmupBuckets;
    for (const c of found) {
      if (warm) {
        c.key.hotUntil = t + cfg.hotBuckets;
        this.hot.add(c.key);
      }
      // 1. Attach to an open issue that already holds most of the key's recent posts.
      const posts = this.postingsOf(c.key, t - Math.max(c.window, 4) + 1, t);
      if (posts.length === 0) {
        continue;
      }
      for (const [issue, n] of this.postsPerIssue(posts)) {
        const share = n / posts.length;
        if (share < cfg.joinShare || !this.canAbsorb(issue, now)) {
          continue;
        }
        this.attachKey(issue, c.key, share);
        this.collectPosts(issue, [c.key], t);
        if (issue.lifecycle === 'dormant') {
          issue.setLifecycle('emerging', now);
        }
        issue.dirty = true;
      }
    }
    for (const k of this.hot) {
      if (k.hotUntil < t) {
        this.hot.delete(k);
      }
    }
    // Without a few hours of history every key is new: no issue is opened before the baselines have some footing.
    if (this.hot.size < 2 || !warm) {
      return;
    }

    // 2. Unassigned posts of the lookback with at least two hot keys.
    const from = t - cfg.clusterLookbackBuckets + 1;
    const postHot = new Map<number, TrackedKey[]>();
    for (const k of this.hot) {
      for (const p of this.postingsOf(k, from, t)) {
        const post = this.posts.get(p);
        if (!post || post.issue || this.awaitsCampaign(post)) {
          continue;
        }
        const list = postHot.get(p);
        if (list) {
          list.push(k);
        } else {
          postHot.set(p, [k]);
        }
      }
    }
    const candidates: PostRecord[] = [];
    const keyVoices = new Map<TrackedKey, Set<number>>();
    for (const [p, ks] of postHot) {
      if (ks.length < 2) {
        continue;
      }
      const post = this.posts.get(p)!;
      candidates.push(post);
      for (const k of ks) {
        let set = keyVoices.get(k);
        if (!set) {
          keyVoices.set(k, (set = new Set()));
        }
        set.add(post.voice);
      }
    }
    if (candidates.length < cfg.minIssueVoices) {
      return;
    }
    const seeds = [...keyVoices.entries()]
      .filter(([k, v]) => v.size >= cfg.minIssueVoices && seedRank(k) >= 0)
      .sort((a, b) => seedRank(b[0]) - seedRank(a[0]) || b[1].size - a[1].size || (a[0].key < b[0].key ? -1 : 1));
    const clustered = new Set<number>();
    // Distinct voices per hot key among the candidate posts not yet clustered (posts after a cluster takes some).
    const remaining = new Map<TrackedKey, number>();
    for (const [k, v] of keyVoices) {
      remaining.set(k, v.size);
    }
    for (const [seed] of seeds) {
      // One seed may start several clusters: one per place its posts name (two floods, two kecamatan).
      for (let round = 0; round < 4; round++) {
        if (!this.growCluster(seed, candidates, postHot, clustered, remaining, t)) {
          break;
        }
      }
    }
  }

  /** Grows one cluster from a seed key among the unclustered candidates; false when none reaches an issue. */
  private growCluster(
    seed: TrackedKey,
    candidates: readonly PostRecord[],
    postHot: Map<number, TrackedKey[]>,
    clustered: Set<number>,
    remaining: Map<TrackedKey, number>,
    t: number,
  ): boolean {
    const cfg = this.config;
    {
      let seedPosts = candidates.filter((p) => !clustered.has(p.seq) && postHot.get(p.seq)!.includes(seed));
      if (countVoices(seedPosts) < cfg.minIssueVoices) {
        return false;
      }
      // The seed's leading place: the most specific place named by most of its posts; others wait for their turn.
      const lead = leadingPlace(placeCounts(seedPosts));
      if (lead) {
        seedPosts = seedPosts.filter((p) => placesCompatible(p.places, [lead]));
      }
      const anchors = anchorPlaces(placeCounts(seedPosts)).filter((a) => !lead || placesRelated(a, lead));
      if (lead && anchors.length === 0) {
        anchors.push(lead);
      }
      // Key profile: hot keys whose unclustered candidate posts fall mostly inside the seed's posts.
      const inside = new Map<TrackedKey, Set<number>>();
      for (const p of seedPosts) {
        for (const k of postHot.get(p.seq)!) {
          let set = inside.get(k);
          if (!set) {
            inside.set(k, (set = new Set()));
          }
          set.add(p.voice);
        }
      }
      const profile = new Map<TrackedKey, number>([[seed, 1]]);
      for (const [k, v] of inside) {
        if (k === seed || v.size < 2) {
          continue;
        }
        const share = v.size / Math.max(v.size, remaining.get(k) ?? 0);
        if (share >= cfg.joinShare) {
          profile.set(k, share);
        }
      }
      if (profile.size < 2) {
        return false;
      }
      const members: PostRecord[] = [];
      for (const p of candidates) {
        if (clustered.has(p.seq) || !placesCompatible(p.places, anchors)) {
          continue;
        }
        let score = 0;
        let seeded = false;
        for (const k of postHot.get(p.seq)!) {
          const w = profile.get(k);
          if (w === undefined) {
            continue;
          }
          if (k === seed) {
            seeded = true;
          }
          score += w * assignFactor(k);
        }
        if (seeded || score >= cfg.assignMinScore) {
          members.push(p);
        }
      }
      if (countVoices(members) < cfg.minIssueVoices) {
        return false;
      }
      for (const p of members) {
        clustered.add(p.seq);
        for (const k of postHot.get(p.seq)!) {
          remaining.set(k, remaining.get(k)! - 1);
        }
      }
      this.openOrMerge([...profile.entries()], members, anchors, t);
      return true;
    }
  }

  /** Opens an issue for a cluster, or folds it into an open issue of the same story (no twin). */
  private openOrMerge(profile: [TrackedKey, number][], members: PostRecord[], anchors: string[], t: number): void {
    const cfg = this.config;
    const now = (t + 1) * cfg.bucketMs;
    const categories = new Map<string, number>();
    for (const p of members) {
      if (p.category) {
        categories.set(p.category, (categories.get(p.category) ?? 0) + 1);
      }
    }
    let category: string | null = null;
    for (const [c, n] of categories) {
      if (n * 2 > members.length) {
        category = c;
      }
    }
    const twinOf = this.similarOpenIssue(profile, t, anchors, category);
    const issue = twinOf ?? new IssueRecord<TrackedKey>(this.newIssueId(), now);
    if (twinOf) {
      if (twinOf.lifecycle === 'dormant') {
        twinOf.setLifecycle('emerging', now);
      }
      twinOf.dirty = true;
    } else {
      this.issuesById.set(issue.id, issue);
    }
    for (const [k, w] of profile) {
      this.attachKey(issue, k, w);
    }
    for (const p of members) {
      this.assign(p, issue);
    }
    this.collectPosts(
      issue,
      profile.map(([k]) => k),
      t,
    );
  }

  /** Forgets an issue that never gathered enough posts of its own (its posts return to the pool). */
  private discard(issue: IssueRecord<TrackedKey>): void {
    for (const seq of this.issuePosts.get(issue) ?? []) {
      const post = this.posts.get(seq);
      if (post?.issue === issue) {
        post.issue = null;
      }
    }
    this.issuePosts.delete(issue);
    for (const k of issue.keyWeights.keys()) {
      k.issues?.delete(issue);
      if (k.issues?.size === 0) {
        k.issues = null;
      }
    }
  }

  /**
   * An absorbable issue telling the same story as a new cluster (no twin): the share of the cluster's content keys
   * (phrases and hashtags weigh 1, single terms ½, places nothing) that the issue already carries is at least ½, or at
   * least ⅕ when both name the same place. Issues whose places are unrelated to the cluster's are never the same story.
   */
  private similarOpenIssue(
    profile: [TrackedKey, number][],
    t: number,
    anchors: string[],
    category: string | null,
  ): IssueRecord<TrackedKey> | null {
    const now = (t + 1) * this.config.bucketMs;
    const mass = contentMass;
    let total = 0;
    const shared = new Map<IssueRecord<TrackedKey>, number>();
    for (const [k, w] of profile) {
      const m = mass(k) * w;
      total += m;
      if (!k.issues || m === 0) {
        continue;
      }
      for (const [issue, iw] of k.issues) {
        const target = issue.resolve();
        if (iw < 0.2) {
          continue;
        }
        shared.set(target, (shared.get(target) ?? 0) + m);
      }
    }
    if (total === 0) {
      return null;
    }
    const postShares = this.sharedPostShares(profile, t);
    let best: IssueRecord<TrackedKey> | null = null;
    let bestShare = 0;
    for (const issue of new Set([...shared.keys(), ...postShares.keys()])) {
      const keyShare = (shared.get(issue) ?? 0) / total;
      const postShare = (postShares.get(issue) ?? 0) / total;
      const share = Math.max(keyShare, postShare);
      if (share <= bestShare || !this.canAbsorb(issue, now)) {
        continue;
      }
      const theirs = this.issueAnchors(issue);
      if (!anchorsCompatible(anchors, theirs)) {
        continue;
      }
      const samePlace = anchors.length > 0 && theirs.length > 0;
      if (keyShare >= (samePlace ? 0.2 : 0.5) || postShare >= TWIN_SHARED_POST_SHARE) {
        best = issue;
        bestShare = share;
      }
    }
    if (best || !category || category === 'lainnya') {
      return best;
    }
    // Same kecamatan or kelurahan, same category, still active, and some content in common: another wording of the
    // same story (a poisoning after a dengue outbreak in the same kelurahan shares nothing and is a new issue).
    for (const issue of this.issuesById.values()) {
      if (
        issue.mergedInto ||
        issue.lifecycle === 'dormant' ||
        now - issue.lastActivityAt > this.config.dormantAfterMs
      ) {
        continue;
      }
      if (issue.mainCategory() !== category || !sameFinePlace(anchors, this.issueAnchors(issue))) {
        continue;
      }
      const share = shared.get(issue) ?? 0;
      if (Math.max(share, postShares.get(issue) ?? 0) < SAME_PLACE_CATEGORY_MIN_SHARE * total) {
        continue;
      }
      if (!best || share > bestShare) {
        best = issue;
        bestShare = share;
      }
    }
    return best;
  }

  /**
   * Per open issue: the content mass of a cluster's profile keys weighted by the share of each key's recent posts
   * (cluster lookback, posts still held) that the issue holds.
   */
  private sharedPostShares(profile: [TrackedKey, number][], t: number): Map<IssueRecord<TrackedKey>, number> {
    const from = t - this.config.clusterLookbackBuckets + 1;
    const out = new Map<IssueRecord<TrackedKey>, number>();
    for (const [k, w] of profile) {
      const m = contentMass(k) * w;
      if (m === 0) {
        continue;
      }
      const posts = this.postingsOf(k, from, t);
      if (posts.length === 0) {
        continue;
      }
      for (const [issue, n] of this.postsPerIssue(posts)) {
        out.set(issue, (out.get(issue) ?? 0) + (m * n) / posts.length);
      }
    }
    return out;
  }

  /**
   * Adds to an issue the keys that its recent posts carry and that are specific to it (most of their recent posts
   * are the issue's), even when they did not burst on their own; then collects the posts those keys point to.
   */
  private enrichIssue(issue: IssueRecord<TrackedKey>, t: number): void {
    const seqs = this.issuePosts.get(issue);
    if (!seqs || seqs.length < this.config.minIssueVoices) {
      return;
    }
    const from = t - this.maxWindow + 1;
    const counts = new Map<TrackedKey, Set<number>>();
    for (let i = seqs.length - 1; i >= 0; i--) {
      const post = this.posts.get(seqs[i]);
      if (!post || post.bucket < from) {
        break;
      }
      for (const k of post.keys) {
        if (issue.keyWeights.has(k)) {
          continue;
        }
        let set = counts.get(k);
        if (!set) {
          counts.set(k, (set = new Set()));
        }
        set.add(post.voice);
      }
    }
    const added: TrackedKey[] = [];
    for (const [k, voices] of counts) {
      if (voices.size < 3 || k.kind === 'term' || k.kind === 'topic') {
        continue;
      }
      const keyVoices = this.baselines.recentVoices(k.id, from, t);
      const current = this.counter.voicesOf(t + 1, k.id);
      const purity = voices.size / Math.max(voices.size, keyVoices + current);
      if (purity >= 0.8) {
        this.attachKey(issue, k, purity);
        added.push(k);
      }
    }
    if (added.length) {
      this.collectPosts(issue, added, t);
    }
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
      if (w !== undefined) {
        s += w * assignFactor(k);
      }
    }
    return s;
  }

  /** Assigns the posts held in memory that carry the issue's keys and clearly belong to it (earlier posts too). */
  private collectPosts(issue: IssueRecord<TrackedKey>, keys: TrackedKey[], t: number): void {
    const from = t - Math.ceil(this.config.postRetentionMs / this.config.bucketMs);
    const seen = new Set<number>();
    const anchors = this.issueAnchors(issue);
    const dormant = issue.lifecycle === 'dormant';
    for (const k of keys) {
      for (const p of this.postingsOf(k, from, t, 20_000)) {
        if (seen.has(p)) {
          continue;
        }
        seen.add(p);
        const post = this.posts.get(p)!;
        if (post.issue || this.awaitsCampaign(post)) {
          continue;
        }
        if (
          this.postScore(post, issue) >=
          this.assignThreshold(post, anchors, dormant) * foreignCategoryFactor(post, issue)
        ) {
          this.assign(post, issue);
        }
      }
    }
  }

  /** The most specific places that a fair share of the issue's posts name (see anchorPlaces). */
  private issueAnchors(issue: IssueRecord<TrackedKey>): string[] {
    const counts = new Map<string, number>();
    for (const [code, p] of issue.places) {
      counts.set(code, p.posts);
    }
    return anchorPlaces(counts);
  }

  /** Near-duplicate groups copied by many accounts become (or mark) campaign issues. */
  private detectCampaigns(t: number): void {
    const cfg = this.config;
    const now = (t + 1) * cfg.bucketMs;
    for (const group of this.groups.values()) {
      if (group.issue || group.authors.size < cfg.campaignMinAuthors) {
        continue;
      }
      if (group.lastAt < t * cfg.bucketMs) {
        continue;
      }
      if (!this.copiedInBurst(group, t) || !this.isNovelGroup(group, t)) {
        continue;
      }
      const members = group.members.map((s) => this.posts.get(s)).filter((p): p is PostRecord => p !== undefined);
      let issue: IssueRecord<TrackedKey> | null = null;
      for (const [i, n] of this.postsPerIssue(members.map((p) => p.seq))) {
        if (n * 2 >= members.length) {
          issue = i;
        }
      }
      if (!issue) {
        issue = new IssueRecord<TrackedKey>(this.newIssueId(), now);
        issue.campaignSeed = true;
        this.issuesById.set(issue.id, issue);
        const root = this.posts.get(group.rootSeq) ?? members[0];
        for (const k of root.keys) {
          if (k.kind !== 'term' || root.keys.length < 6) {
            this.attachKey(issue, k, 0.5);
          }
        }
      }
      group.issue = issue;
      for (const p of members) {
        this.assign(p, issue);
      }
    }
  }

  /**
   * A campaign is copying in a burst: at least `campaignMinAuthors` distinct accounts within the longest scoring
   * window (4 h), not a text that a few people write now and then and that adds up over half a day.
   */
  private copiedInBurst(group: DuplicateGroup, t: number): boolean {
    const from = t - this.maxWindow + 1;
    const authors = new Set<number>();
    for (let i = group.members.length - 1; i >= 0; i--) {
      const p = this.posts.get(group.members[i]);
      // Only copies up to bucket t: a pass over older buckets (a rebuild from stored counts) must not open a campaign
      // in the past from copies posted later.
      if (!p || p.bucket < from || p.bucket > t) {
        continue;
      }
      authors.add(p.author);
      if (authors.size >= this.config.campaignMinAuthors) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copied text is a campaign only when what it says is new: recurring phrases (the morning traffic report copied
   * by many every day) have a baseline. A phrase is new when it was first seen with the copies themselves, or when,
   * judged now (bucket `t`), it is less than a day old, its bias-corrected baseline expects under two voices in four
   * hours, and the same four hours a day before held under two voices (a daily habit is not new). Novel when most of
   * the root post's phrases are new.
   */
  private isNovelGroup(group: DuplicateGroup, t: number): boolean {
    // The root, or (a group that outlived it: a daily habit copied every morning) its newest member still held.
    let root = this.posts.get(group.rootSeq);
    for (let i = group.members.length - 1; !root && i >= 0; i--) {
      root = this.posts.get(group.members[i]);
    }
    if (!root) {
      return false;
    }
    const phrases = root.keys.filter((k) => k.kind === 'bigram' || k.kind === 'hashtag');
    if (phrases.length === 0) {
      return true;
    }
    let novel = 0;
    const dayBuckets = Math.round(86_400_000 / this.config.bucketMs);
    const debias = this.scorer.debias(t - this.historyStart);
    for (const k of phrases) {
      const firstBucket = this.baselines.firstBucket(k.id);
      if (firstBucket >= group.firstBucket - 1) {
        novel++;
        continue;
      }
      if (t - firstBucket >= dayBuckets) {
        continue;
      }
      if (this.baselines.mean(k.id) * debias * this.avgTotal * 16 >= 2) {
        continue;
      }
      if (this.voicesAt(k.id, t - dayBuckets, 16) >= 2) {
        continue;
      }
      novel++;
    }
    return novel * 2 > phrases.length;
  }

  private advanceIssues(now: number, endBucket: number): void {
    const cfg = this.config;
    const rules = { trendingMinVoices: cfg.trendingMinVoices, dormantAfterMs: cfg.dormantAfterMs, declineShare: 0.5 };
    for (const issue of this.issuesById.values()) {
      if (issue.mergedInto) {
        continue;
      }
      if (issue.lifecycle === 'dormant' && !issue.dirty) {
        continue;
      }
      const hourVoices = issue.voicesIn(endBucket, 4);
      const previousHour = issue.voicesIn(endBucket - 4, 4);
      if (hourVoices > issue.peakHourVoices) {
        issue.peakHourVoices = hourVoices;
      }
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
      if (p && p.at >= limit) {
        break;
      }
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
      for (const b of [...this.totals.keys()]) {
        if (b < keepFrom) {
          this.totals.delete(b);
        }
      }
    }
    for (const [id, g] of this.groups) {
      if (g.lastAt < limit) {
        this.groups.delete(id);
      }
    }
    for (const [issue, seqs] of this.issuePosts) {
      let drop = 0;
      while (drop < seqs.length && !this.posts.has(seqs[drop])) {
        drop++;
      }
      if (drop === seqs.length) {
        this.issuePosts.delete(issue);
      } else if (drop > 0) {
        seqs.splice(0, drop);
      }
    }
    // Forget keys idle for a week with nothing left in their baseline (a later post makes the key anew). An id still
    // counted in a held bucket stays as it is until that bucket is dropped, so that no count is read under another key.
    if (this.lastProcessed % 96 === 0) {
      const idle = this.lastProcessed - 7 * 96;
      const oldestHeld = this.counter.indices()[0] ?? Infinity;
      this.releaseRetiredKeys(oldestHeld);
      for (const [s, id] of this.keyTable.entries()) {
        if (this.baselines.lastBucket(id) < idle && this.baselines.mean(id) < 1e-6 && !this.tracked.get(id)?.issues) {
          this.keyTable.retire(s);
          if (this.counter.lastCountedIn(id) >= oldestHeld) {
            this.retiredIds.push(id);
          } else {
            this.releaseKey(id);
          }
        }
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
    if (!issue) {
      throw new Error(`Isu ${issueId} tidak ditemukan`);
    }
    if (outcome === 'merged') {
      const target = targetId ? this.issuesById.get(targetId)?.resolve() : undefined;
      if (!target) {
        throw new Error(`Isu tujuan penggabungan ${targetId ?? '(kosong)'} tidak ditemukan`);
      }
      if (target === issue) {
        throw new Error('Isu tidak dapat digabungkan ke dirinya sendiri');
      }
      target.absorb(issue);
      for (const k of issue.keyWeights.keys()) {
        const w = k.issues?.get(issue);
        if (w !== undefined) {
          k.issues!.delete(issue);
          k.issues!.set(target, Math.max(w, k.issues!.get(target) ?? 0));
        }
      }
      for (const p of this.posts.values()) {
        if (p.issue === issue) {
          p.issue = target;
        }
      }
      issue.mergedInto = target;
    }
    issue.setOutcome(outcome, at);
    return this.snapshot(issue);
  }

  /** Renames an issue (analyst); the detector keeps the label. */
  rename(issueId: string, label: string): IssueSnapshot {
    const issue = this.issuesById.get(issueId);
    if (!issue) {
      throw new Error(`Isu ${issueId} tidak ditemukan`);
    }
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
    const table = this.keyTable;
    return [
      ...this.counter.rows(
        (id) => table.keyOf(id),
        (id) => table.kindOf(id),
        Math.floor(fromBucketStart / this.config.bucketMs),
      ),
    ];
  }

  exportBaselines(): KeyBaselineRow[] {
    const rows: KeyBaselineRow[] = [];
    for (const [key, id] of this.keyTable.entries()) {
      if (this.baselines.lastBucket(id) >= 0) {
        rows.push(this.baselines.toRow(id, key));
      }
    }
    return rows;
  }

  /** Restores baselines (e.g. after a worker restart) before ingesting. */
  importBaselines(rows: readonly KeyBaselineRow[]): void {
    for (const row of rows) {
      this.baselines.setFromRow(this.keyIdFor(row.key), row);
      this.lastProcessed = Math.max(this.lastProcessed, row.lastBucket);
      if (row.firstBucket < this.historyStart) {
        this.historyStart = row.firstBucket;
      }
    }
  }

  /** Restores or injects bucket counts (rows with key '*' carry bucket totals). */
  importCounts(rows: Iterable<BucketCountRow>): void {
    for (const row of rows) {
      const index = Math.floor(row.bucketStart / this.config.bucketMs);
      if (row.key === '*') {
        this.counter.setTotals(index, row.posts, row.voices);
      } else {
        this.counter.setCounts(index, this.keyIdFor(row.key, index), row.posts, row.authors, row.voices);
      }
    }
    this.counter.settleRestored();
  }

  /** Id of a key named in restored rows (interned on first sight; its kind is spelt by the key's prefix). */
  private keyIdFor(key: string, bucket = 0): number {
    const id = this.keyTable.idOf(key);
    if (id !== undefined) {
      return id;
    }
    return this.addKey(key, kindOfKey(key), bucket);
  }

  /** Interns a new key with an empty baseline whose history starts at `bucket`. */
  private addKey(key: string, kind: FeatureKind, bucket: number): number {
    const id = this.keyTable.add(key, kind);
    this.baselines.reset(id, bucket);
    return id;
  }

  /** Frees the retired key ids that no bucket from `oldestHeld` on counts any more. */
  private releaseRetiredKeys(oldestHeld: number): void {
    const stillCounted: number[] = [];
    for (const id of this.retiredIds) {
      if (this.counter.lastCountedIn(id) >= oldestHeld) {
        stillCounted.push(id);
      } else {
        this.releaseKey(id);
      }
    }
    this.retiredIds = stillCounted;
  }

  /** Frees a key id for reuse (its name was retired and nothing counts under it). */
  private releaseKey(id: number): void {
    this.keyTable.release(id);
    this.tracked.delete(id);
    this.counter.forget(id);
  }

  /** The key object of `id`, made on first use (text defaults to the key's own text). */
  private trackedKey(id: number, text?: string): TrackedKey {
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
      };
      this.tracked.set(id, k);
    }
    return k;
  }

  /** Counters for monitoring and benchmarks. */
  stats(): { keys: number; postsInMemory: number; buckets: number; issues: number; lastProcessedBucket: number } {
    return {
      keys: this.keyTable.size,
      postsInMemory: this.posts.size,
      buckets: this.counter.indices().length,
      issues: this.issuesById.size,
      lastProcessedBucket: this.lastProcessed,
    };
  }
}

/** Seed order: phrases and hashtags first, then single terms; places only discriminate (never seed). */
function seedRank(k: TrackedKey): number {
  if (isPlaceKey(k)) {
    return -1;
  }
  switch (k.kind) {
    case 'bigram':
    case 'trigram':
    case 'hashtag':
      return 3;
    case 'term':
      return 2;
    case 'place':
    case 'topic':
      return -1;
  }
}

/** Two keys whose co-occurrence says something: one is story content and they share no word. */
function storyPair(a: TrackedKey, b: TrackedKey): boolean {
  if (contentMass(a) === 0 && contentMass(b) === 0) {
    return false;
  }
  const words = new Set(a.text.split(' '));
  return !b.text.split(' ').some((w) => words.has(w));
}

/** Weight of a key in a story's content: phrases and hashtags 1, single terms ½, places and topics nothing. */
function contentMass(k: TrackedKey): number {
  if (isPlaceKey(k) || k.kind === 'topic') {
    return 0;
  }
  return k.kind === 'term' || k.partPlace ? 0.5 : 1;
}

/** Threshold multiplier for a post whose category the issue's posts hardly carry: it never joins (see above). */
function foreignCategoryFactor(post: PostRecord, issue: IssueRecord<TrackedKey>): number {
  const c = post.category;
  if (!c || c === 'lainnya') {
    return 1;
  }
  const { share, posts } = issue.categoryShare(c);
  return posts >= FOREIGN_CATEGORY_MIN_POSTS && share < FOREIGN_CATEGORY_SHARE ? Infinity : 1;
}

function isPlaceKey(k: TrackedKey): boolean {
  return k.kind === 'place' || k.placeLike;
}

/** How much a matching key counts towards assigning a post: place names count nothing (they only discriminate). */
function assignFactor(k: TrackedKey): number {
  if (isPlaceKey(k)) {
    return 0;
  }
  return k.partPlace ? ASSIGN_KIND_FACTOR.term : ASSIGN_KIND_FACTOR[k.kind];
}

function countVoices(posts: readonly PostRecord[]): number {
  const set = new Set<number>();
  for (const p of posts) {
    set.add(p.voice);
  }
  return set.size;
}

function placeCounts(posts: readonly PostRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of posts) {
    for (const place of p.places) {
      counts.set(place.code, (counts.get(place.code) ?? 0) + 1);
    }
  }
  return counts;
}

/** Two Kemendagri codes name the same area or one contains the other (64.72 ⊃ 64.72.06 ⊃ 64.72.06.1001). */
function placesRelated(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  return a.length < b.length ? b.startsWith(`${a}.`) : a.startsWith(`${b}.`);
}

/**
 * Anchor places of a set of posts: the codes named by at least 30 % as many posts as the most named one (and by two
 * posts at least), keeping only the most specific (a kecamatan rather than its kota).
 */
/** The most named among the most specific places (a kecamatan or kelurahan before a kota), or null. */
function leadingPlace(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const [code, n] of counts) {
    if (n < 2) {
      continue;
    }
    // Specific places first: depth 3–4 (kecamatan, kelurahan) count double.
    const score = n * (code.split('.').length >= 3 ? 2 : 1);
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  return best;
}

function anchorPlaces(counts: Map<string, number>): string[] {
  let max = 0;
  for (const n of counts.values()) {
    if (n > max) {
      max = n;
    }
  }
  if (max < 2) {
    return [];
  }
  const dominant = [...counts.entries()].filter(([, n]) => n >= 2 && n >= 0.3 * max).map(([c]) => c);
  return dominant.filter((c) => !dominant.some((d) => d !== c && d.startsWith(`${c}.`)));
}

/** A post fits a story's places when it names none, the story has none, or one of its places relates to an anchor. */
function placesCompatible(places: readonly { code: string }[], anchors: readonly string[]): boolean {
  if (places.length === 0 || anchors.length === 0) {
    return true;
  }
  for (const p of places) {
    for (const a of anchors) {
      if (placesRelated(p.code, a)) {
        return true;
      }
    }
  }
  return false;
}

/** Both name a kecamatan or kelurahan, and one of those areas contains or equals the other. */
function sameFinePlace(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    if (x.split('.').length < 3) {
      continue;
    }
    for (const y of b) {
      if (y.split('.').length >= 3 && placesRelated(x, y)) {
        return true;
      }
    }
  }
  return false;
}

function anchorsCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) {
    return true;
  }
  for (const x of a) {
    for (const y of b) {
      if (placesRelated(x, y)) {
        return true;
      }
    }
  }
  return false;
}
