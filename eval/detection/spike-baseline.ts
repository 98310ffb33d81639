/**
 * The plain spike rule, for comparison: a term bursts when its distinct authors in the last bucket reach at least 3
 * and exceed three times its mean per bucket over the previous 12 hours plus one; bursting terms of a bucket are
 * grouped by shared posts (connected components), and a group continues the previous bucket's issue when it shares
 * a term with it. No near-duplicate handling, no daily rhythm, no stopword-free phrases beyond single terms.
 */
import type { DetectorPost, IssueSnapshot, PassResult } from '../../src/issues/detection/detection.types.js';
import { extractFeatures } from '../../src/issues/detection/feature-extractor.js';
import { computeSeverity } from '../../src/issues/detection/severity.js';

interface SpikeIssue {
  id: string;
  firstDetectedAt: number;
  postIds: Set<string>;
  terms: Set<string>;
  lastBucket: number;
}

export class SpikeBaseline {
  private readonly counts = new Map<number, Map<string, Set<string>>>();
  private readonly postsByBucket = new Map<number, { id: string; terms: string[] }[]>();
  private readonly issuesList: SpikeIssue[] = [];
  private lastProcessed = -Infinity;
  private n = 0;

  constructor(private readonly bucketMs = 15 * 60_000) {}

  ingest(post: DetectorPost): void {
    const b = Math.floor(post.createdAt / this.bucketMs);
    const terms = extractFeatures(post)
      .filter((f) => f.kind === 'term')
      .map((f) => f.key);
    let m = this.counts.get(b);
    if (!m) {
      this.counts.set(b, (m = new Map()));
    }
    for (const t of terms) {
      let s = m.get(t);
      if (!s) {
        m.set(t, (s = new Set()));
      }
      s.add(post.author);
    }
    let list = this.postsByBucket.get(b);
    if (!list) {
      this.postsByBucket.set(b, (list = []));
    }
    list.push({ id: post.id, terms });
  }

  runPass(now: number): PassResult {
    const nowBucket = Math.floor(now / this.bucketMs);
    const todo = [...this.counts.keys()].filter((b) => b > this.lastProcessed && b < nowBucket).sort((a, b) => a - b);
    for (const b of todo) {
      this.processBucket(b);
      this.lastProcessed = b;
    }
    for (const b of [...this.counts.keys()]) {
      if (b < nowBucket - 60) {
        this.counts.delete(b);
        this.postsByBucket.delete(b);
      }
    }
    return { now, bucketsProcessed: todo.length, burstingKeys: 0, upserts: [] };
  }

  private processBucket(b: number): void {
    const current = this.counts.get(b)!;
    const bursting = new Set<string>();
    for (const [term, authors] of current) {
      const n = authors.size;
      if (n < 3) {
        continue;
      }
      let sum = 0;
      for (let p = b - 48; p < b; p++) {
        sum += this.counts.get(p)?.get(term)?.size ?? 0;
      }
      if (n > 3 * (sum / 48) + 1) {
        bursting.add(term);
      }
    }
    if (bursting.size === 0) {
      return;
    }
    // Union-find over bursting terms that share a post.
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parent.get(r) !== r) {
        r = parent.get(r)!;
      }
      parent.set(x, r);
      return r;
    };
    for (const t of bursting) {
      parent.set(t, t);
    }
    const posts = this.postsByBucket.get(b) ?? [];
    for (const p of posts) {
      const ts = p.terms.filter((t) => bursting.has(t));
      for (let i = 1; i < ts.length; i++) {
        parent.set(find(ts[i]), find(ts[0]));
      }
    }
    const groups = new Map<string, { terms: Set<string>; posts: Set<string> }>();
    for (const t of bursting) {
      const r = find(t);
      if (!groups.has(r)) {
        groups.set(r, { terms: new Set(), posts: new Set() });
      }
      groups.get(r)!.terms.add(t);
    }
    for (const p of posts) {
      for (const t of p.terms) {
        if (bursting.has(t)) {
          groups.get(find(t))!.posts.add(p.id);
          break;
        }
      }
    }
    for (const g of groups.values()) {
      const prev = this.issuesList.find((i) => i.lastBucket === b - 1 && [...g.terms].some((t) => i.terms.has(t)));
      const issue = prev ?? {
        id: `spike-${++this.n}`,
        firstDetectedAt: (b + 1) * this.bucketMs,
        postIds: new Set<string>(),
        terms: new Set<string>(),
        lastBucket: b,
      };
      if (!prev) {
        this.issuesList.push(issue);
      }
      for (const t of g.terms) {
        issue.terms.add(t);
      }
      for (const p of g.posts) {
        issue.postIds.add(p);
      }
      issue.lastBucket = b;
    }
  }

  issues(): IssueSnapshot[] {
    const severity = computeSeverity({
      voices: 0,
      hourVoices: 0,
      previousHourVoices: 0,
      negativeShare: 0,
      totalReach: 0,
      places: 0,
      category: 'lainnya',
      categoryWeight: 0,
    });
    return this.issuesList.map((i) => ({
      id: i.id,
      label: [...i.terms]
        .slice(0, 3)
        .map((t) => t.slice(2))
        .join(', '),
      state: 'emerging',
      lifecycle: 'emerging',
      outcome: null,
      mergedInto: null,
      stateHistory: [],
      firstSeenAt: i.firstDetectedAt,
      firstDetectedAt: i.firstDetectedAt,
      lastActivityAt: (i.lastBucket + 1) * this.bucketMs,
      keys: [],
      timeline: [],
      postCount: i.postIds.size,
      authors: 0,
      voices: 0,
      sentiment: { positive: 0, neutral: 0, negative: 0 },
      category: 'lainnya',
      opd: 'Diskominfo',
      places: [],
      topPosts: [],
      nearDuplicateShare: 0,
      campaign: false,
      severity,
      postIds: [...i.postIds],
    }));
  }
}
