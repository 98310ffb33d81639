/**
 * The detector's working state of one issue: its keys, assigned posts and running aggregates. Mutable and in
 * memory; `toSnapshot` produces the plain IssueSnapshot the worker upserts and the CLI prints.
 */
import type { SentimentLabel } from '../../analysis/analysis.types.js';
import type {
  AnalystOutcome,
  FeatureKind,
  IssueKey,
  IssueSnapshot,
  LifecycleState,
  SeverityResult,
  StateChange,
  TopPost,
} from './detection.types.js';

export interface IssueKeyRef {
  key: string;
  kind: FeatureKind;
  text: string;
}

export interface IssuePostView {
  id: string;
  at: number;
  bucket: number;
  author: number;
  voice: number;
  keys: readonly IssueKeyRef[];
  duplicate: boolean;
  sentiment?: SentimentLabel;
  category?: string;
  opd?: string;
  places: readonly { code: string; name: string }[];
  reach: number;
  url?: string;
}

const KIND_BOOST: Record<FeatureKind, number> = {
  bigram: 1.6,
  trigram: 1.4,
  hashtag: 1.3,
  place: 1.1,
  term: 1,
  topic: 0.5,
};

export class IssueRecord<K extends IssueKeyRef = IssueKeyRef> {
  readonly keyWeights = new Map<K, number>();
  readonly keyPosts = new Map<K, number>();
  readonly postIds: string[] = [];
  readonly authorSet = new Set<number>();
  readonly voiceSet = new Set<number>();
  readonly timeline = new Map<number, { posts: number; authors: Set<number> }>();
  readonly sentiment: Record<SentimentLabel, number> = { positive: 0, neutral: 0, negative: 0 };
  readonly categories = new Map<string, number>();
  readonly opdByCategory = new Map<string, string>();
  readonly places = new Map<string, { name: string; posts: number }>();
  topPosts: TopPost[] = [];
  duplicatePosts = 0;
  totalReach = 0;
  firstSeenAt = Infinity;
  lastActivityAt = -Infinity;
  lifecycle: LifecycleState = 'emerging';
  outcome: AnalystOutcome | null = null;
  mergedInto: IssueRecord<K> | null = null;
  readonly stateHistory: StateChange[] = [];
  peakHourVoices = 0;
  /** Set when a campaign (near-duplicate group) opened the issue. */
  campaignSeed = false;
  severity: SeverityResult = { score: 0, level: 'rendah', factors: [] };
  dirty = true;
  created = true;
  transitions: StateChange[] = [];
  /** Label kept by an analyst's rename; null = generated. */
  fixedLabel: string | null = null;
  /**
   * Held back while detection learns (TwinsAndMerges): the issue gathers its story's posts and keys like any other,
   * so that the story's later fragments fold into it, but it is not shown until it is published.
   */
  held = false;
  /** Last bucket in which a cluster was opened as or folded into this issue. */
  lastClusterBucket = -Infinity;

  constructor(
    readonly id: string,
    public firstDetectedAt: number,
  ) {
    this.stateHistory.push({ state: 'emerging', at: firstDetectedAt });
    this.transitions.push({ state: 'emerging', at: firstDetectedAt });
  }

  /** Follows merges to the issue that now holds the story. */
  resolve(): IssueRecord<K> {
    let next = this.mergedInto;
    if (!next) {
      return this;
    }
    for (let i = 0; i < 32 && next.mergedInto; i++) {
      next = next.mergedInto;
    }
    return next;
  }

  setKeyWeight(key: K, weight: number): void {
    const old = this.keyWeights.get(key) ?? 0;
    if (weight > old) {
      this.keyWeights.set(key, weight);
    }
  }

  addPost(post: IssuePostView): void {
    this.postIds.push(post.id);
    this.authorSet.add(post.author);
    this.voiceSet.add(post.voice);
    let point = this.timeline.get(post.bucket);
    if (!point) {
      point = { posts: 0, authors: new Set() };
      this.timeline.set(post.bucket, point);
    }
    point.posts++;
    point.authors.add(post.voice);
    if (post.sentiment) {
      this.sentiment[post.sentiment]++;
    }
    if (post.category) {
      this.categories.set(post.category, (this.categories.get(post.category) ?? 0) + 1);
      if (post.opd) {
        this.opdByCategory.set(post.category, post.opd);
      }
    }
    for (const place of post.places) {
      const p = this.places.get(place.code);
      if (p) {
        p.posts++;
      } else {
        this.places.set(place.code, { name: place.name, posts: 1 });
      }
    }
    for (const k of post.keys) {
      if (this.keyWeights.has(k as K)) {
        this.keyPosts.set(k as K, (this.keyPosts.get(k as K) ?? 0) + 1);
      }
    }
    if (post.duplicate) {
      this.duplicatePosts++;
    }
    this.totalReach += post.reach;
    if (post.at < this.firstSeenAt) {
      this.firstSeenAt = post.at;
    }
    if (post.at > this.lastActivityAt) {
      this.lastActivityAt = post.at;
    }
    this.pushTopPost({ id: post.id, reach: post.reach, createdAt: post.at, url: post.url });
    this.dirty = true;
  }

  /** Absorbs another issue's aggregates (analyst merge). */
  absorb(other: IssueRecord<K>): void {
    for (const [k, w] of other.keyWeights) {
      this.setKeyWeight(k, w);
    }
    for (const [k, n] of other.keyPosts) {
      this.keyPosts.set(k, (this.keyPosts.get(k) ?? 0) + n);
    }
    this.postIds.push(...other.postIds);
    for (const a of other.authorSet) {
      this.authorSet.add(a);
    }
    for (const v of other.voiceSet) {
      this.voiceSet.add(v);
    }
    for (const [b, p] of other.timeline) {
      const mine = this.timeline.get(b);
      if (mine) {
        mine.posts += p.posts;
        for (const a of p.authors) {
          mine.authors.add(a);
        }
      } else {
        this.timeline.set(b, { posts: p.posts, authors: new Set(p.authors) });
      }
    }
    for (const s of ['positive', 'neutral', 'negative'] as const) {
      this.sentiment[s] += other.sentiment[s];
    }
    for (const [c, n] of other.categories) {
      this.categories.set(c, (this.categories.get(c) ?? 0) + n);
    }
    for (const [c, o] of other.opdByCategory) {
      this.opdByCategory.set(c, o);
    }
    for (const [code, p] of other.places) {
      const mine = this.places.get(code);
      if (mine) {
        mine.posts += p.posts;
      } else {
        this.places.set(code, { ...p });
      }
    }
    for (const t of other.topPosts) {
      this.pushTopPost(t);
    }
    this.duplicatePosts += other.duplicatePosts;
    this.totalReach += other.totalReach;
    this.firstSeenAt = Math.min(this.firstSeenAt, other.firstSeenAt);
    this.lastActivityAt = Math.max(this.lastActivityAt, other.lastActivityAt);
    this.dirty = true;
  }

  private pushTopPost(post: TopPost): void {
    if (this.topPosts.length >= 10 && post.reach <= this.topPosts[this.topPosts.length - 1].reach) {
      return;
    }
    this.topPosts.push(post);
    this.topPosts.sort((a, b) => b.reach - a.reach || a.createdAt - b.createdAt);
    if (this.topPosts.length > 10) {
      this.topPosts.length = 10;
    }
  }

  /** Distinct voices summed over the `buckets` buckets ending before `endBucket` (exclusive). */
  voicesIn(endBucket: number, buckets: number): number {
    let n = 0;
    for (let b = endBucket - buckets; b < endBucket; b++) {
      n += this.timeline.get(b)?.authors.size ?? 0;
    }
    return n;
  }

  get nearDuplicateShare(): number {
    return this.postIds.length ? this.duplicatePosts / this.postIds.length : 0;
  }

  /** Share of the issue's categorised posts (other than 'lainnya') in `category`, and how many those posts are. */
  categoryShare(category: string): { share: number; posts: number } {
    let total = 0;
    for (const [c, n] of this.categories) {
      if (c !== 'lainnya') {
        total += n;
      }
    }
    return { share: total ? (this.categories.get(category) ?? 0) / total : 0, posts: total };
  }

  mainCategory(): string {
    let best = 'lainnya';
    let bestN = 0;
    for (const [c, n] of this.categories) {
      if (c === 'lainnya') {
        continue;
      }
      if (n > bestN) {
        best = c;
        bestN = n;
      }
    }
    // 'lainnya' wins only when nothing else reaches a fifth of the posts.
    const total = [...this.categories.values()].reduce((s, n) => s + n, 0);
    return bestN > 0 && bestN >= 0.2 * total ? best : 'lainnya';
  }

  label(): string {
    if (this.fixedLabel) {
      return this.fixedLabel;
    }
    const ranked = [...this.keyWeights.entries()]
      .filter(([k]) => k.kind !== 'topic')
      .map(([k, w]) => ({ k, score: (this.keyPosts.get(k) ?? 0) * w * KIND_BOOST[k.kind] }))
      .sort((a, b) => b.score - a.score || a.k.key.localeCompare(b.k.key));
    const chosen: string[] = [];
    const words = new Set<string>();
    for (const { k } of ranked) {
      const text = k.text;
      const parts = text.replace(/^#/u, '').toLowerCase().split(/\s+/u);
      if (parts.every((p) => words.has(p))) {
        continue;
      }
      if (words.has(text.replace(/^#/u, '').toLowerCase())) {
        continue;
      }
      chosen.push(text);
      for (const p of parts) {
        words.add(p);
      }
      words.add(text.replace(/^#/u, '').toLowerCase());
      if (chosen.length >= 3) {
        break;
      }
    }
    return chosen.join(', ') || this.id;
  }

  /** A held-back issue becomes a detected one at `at`: its history starts there, its posts (and first-seen) stay. */
  publish(at: number): void {
    this.held = false;
    this.firstDetectedAt = at;
    this.lifecycle = 'emerging';
    const start = { state: 'emerging' as const, at };
    this.stateHistory.splice(0, this.stateHistory.length, start);
    this.transitions = [start];
    this.created = true;
    this.dirty = true;
  }

  setLifecycle(state: LifecycleState, at: number): void {
    if (state === this.lifecycle) {
      return;
    }
    this.lifecycle = state;
    const change = { state, at };
    this.stateHistory.push(change);
    this.transitions.push(change);
    this.dirty = true;
  }

  setOutcome(outcome: AnalystOutcome | null, at: number): void {
    this.outcome = outcome;
    const change = { state: outcome ?? this.lifecycle, at };
    this.stateHistory.push(change);
    this.transitions.push(change);
    this.dirty = true;
  }

  toSnapshot(bucketMs: number, categoryOpd: Record<string, string>, campaignShare: number): IssueSnapshot {
    const category = this.mainCategory();
    const keys: IssueKey[] = [...this.keyWeights.entries()]
      .map(([k, w]) => ({
        key: k.key,
        kind: k.kind,
        text: k.text,
        weight: Math.round(w * 1000) / 1000,
        voices: this.keyPosts.get(k) ?? 0,
      }))
      .sort((a, b) => b.voices * b.weight - a.voices * a.weight || a.key.localeCompare(b.key));
    const timeline = [...this.timeline.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([b, p]) => ({ bucketStart: b * bucketMs, posts: p.posts, authors: p.authors.size }));
    const places = [...this.places.entries()]
      .map(([code, p]) => ({ code, name: p.name, posts: p.posts }))
      .sort((a, b) => b.posts - a.posts || a.code.localeCompare(b.code));
    const share = this.nearDuplicateShare;
    return {
      id: this.id,
      label: this.label(),
      state: this.outcome ?? this.lifecycle,
      lifecycle: this.lifecycle,
      outcome: this.outcome,
      mergedInto: this.mergedInto ? this.mergedInto.resolve().id : null,
      stateHistory: [...this.stateHistory],
      firstSeenAt: Number.isFinite(this.firstSeenAt) ? this.firstSeenAt : this.firstDetectedAt,
      firstDetectedAt: this.firstDetectedAt,
      lastActivityAt: Number.isFinite(this.lastActivityAt) ? this.lastActivityAt : this.firstDetectedAt,
      keys,
      timeline,
      postCount: this.postIds.length,
      authors: this.authorSet.size,
      voices: this.voiceSet.size,
      sentiment: { ...this.sentiment },
      category,
      opd: this.opdByCategory.get(category) ?? categoryOpd[category] ?? categoryOpd.lainnya ?? 'Diskominfo',
      places,
      topPosts: [...this.topPosts],
      nearDuplicateShare: Math.round(share * 1000) / 1000,
      campaign: this.campaignSeed || share >= campaignShare,
      severity: this.severity,
      postIds: [...this.postIds],
    };
  }
}
