/**
 * Assignment stage: which issue a post belongs to, at ingest (bestIssueFor) and when an issue gathers the posts its
 * keys point to (collectPosts). A post joins when the summed weights of its keys in the issue reach the assignment
 * score, halved when it names one of the issue's places, never when it names only unrelated places, and never when its
 * category is foreign to the issue.
 */
import type { DetectorConfig } from './detector-config.js';
import type { DetectorMemory, Issue, PostRecord, TrackedKey } from './detector-memory.js';
import { assignFactor } from './key-roles.js';
import { placesCompatible, placesRelated } from './places.js';

export class Assignment {
  private readonly config: DetectorConfig;

  constructor(private readonly memory: DetectorMemory) {
    this.config = memory.config;
  }

  bestIssueFor(post: PostRecord): Issue | null {
    const factors = this.config.assignKindFactor;
    let scores: Map<Issue, number> | null = null;
    for (const k of post.keys) {
      if (!k.issues) {
        continue;
      }
      for (const [issue, w] of k.issues) {
        const target = issue.resolve();
        scores ??= new Map();
        scores.set(target, (scores.get(target) ?? 0) + w * assignFactor(k, factors));
      }
    }
    if (!scores) {
      return null;
    }
    let best: Issue | null = null;
    let bestScore = 0;
    for (const [issue, s] of scores) {
      if (s <= bestScore || !this.memory.canAbsorb(issue, post.at)) {
        continue;
      }
      const need =
        this.assignThreshold(post, this.memory.issueAnchors(issue), issue.lifecycle === 'dormant') *
        this.foreignCategoryFactor(post, issue);
      if (s >= need) {
        best = issue;
        bestScore = s;
      }
    }
    return best;
  }

  /** Assigns the posts held in memory that carry the issue's keys and clearly belong to it (earlier posts too). */
  collectPosts(issue: Issue, keys: TrackedKey[], t: number): void {
    const memory = this.memory;
    const from = t - Math.ceil(this.config.postRetentionMs / this.config.bucketMs);
    const seen = new Set<number>();
    const anchors = memory.issueAnchors(issue);
    const dormant = issue.lifecycle === 'dormant';
    for (const k of keys) {
      for (const p of memory.postingsOf(k, from, t, 20_000)) {
        if (seen.has(p)) {
          continue;
        }
        seen.add(p);
        const post = memory.posts.get(p)!;
        if (post.issue || memory.awaitsCampaign(post)) {
          continue;
        }
        if (
          this.postScore(post, issue) >=
          this.assignThreshold(post, anchors, dormant) * this.foreignCategoryFactor(post, issue)
        ) {
          memory.assign(post, issue);
        }
      }
    }
  }

  private postScore(post: PostRecord, issue: Issue): number {
    const factors = this.config.assignKindFactor;
    let s = 0;
    for (const k of post.keys) {
      const w = issue.keyWeights.get(k);
      if (w !== undefined) {
        s += w * assignFactor(k, factors);
      }
    }
    return s;
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

  /** Threshold multiplier for a post whose category the issue's posts hardly carry: it never joins. */
  private foreignCategoryFactor(post: PostRecord, issue: Issue): number {
    const c = post.category;
    if (!c || c === 'lainnya') {
      return 1;
    }
    const { share, posts } = issue.categoryShare(c);
    return posts >= this.config.foreignCategoryMinPosts && share < this.config.foreignCategoryShare ? Infinity : 1;
  }
}
