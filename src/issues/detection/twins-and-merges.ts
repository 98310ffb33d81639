/**
 * Twins and merges stage: a new cluster opens an issue unless an open issue already tells the same story (then it is
 * folded in: no twin); issues gain the phrases specific to them; an analyst's merge moves posts and keys to the target.
 */
import type { DetectorConfig } from './detector-config.js';
import type { Assignment } from './assignment.js';
import type { DetectorMemory, Issue, PostRecord, TrackedKey } from './detector-memory.js';
import { IssueRecord } from './issue-record.js';
import { contentMass } from './key-roles.js';
import { anchorsCompatible, dispersedOverPlaces, leadingDistricts, placeCounts, sameFinePlace } from './places.js';

export class TwinsAndMerges {
  private readonly config: DetectorConfig;

  constructor(
    private readonly memory: DetectorMemory,
    private readonly assignment: Assignment,
  ) {
    this.config = memory.config;
  }

  /** Opens an issue for a cluster, or folds it into an open issue of the same story (no twin). */
  openOrMerge(profile: [TrackedKey, number][], members: PostRecord[], anchors: string[], t: number): void {
    const memory = this.memory;
    const now = (t + 1) * this.config.bucketMs;
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
    let onset = Infinity;
    for (const p of members) {
      onset = Math.min(onset, p.at);
    }
    const twinOf = this.similarOpenIssue(profile, members, t, anchors, category, onset);
    if (!twinOf && dispersedOverPlaces(members, this.config.dispersedMinPosts, this.config.dispersedLeadShare)) {
      // Told all over the area, about no place in particular: an everyday remark, not an event.
      return;
    }
    const learning = memory.learningAt(t);
    const issue = twinOf ?? new IssueRecord<TrackedKey>(memory.newIssueId(), now);
    if (twinOf) {
      if (twinOf.lifecycle === 'dormant') {
        twinOf.setLifecycle('emerging', now);
      }
      twinOf.dirty = true;
    } else {
      // While learning, a cluster without overwhelming evidence is held back, not dropped: it keeps its posts and
      // keys, so that the story's later clusters and posts join it and it opens once, as one issue.
      issue.held = learning && !this.overwhelming(members, t);
      memory.issuesById.set(issue.id, issue);
    }
    issue.lastClusterBucket = t;
    for (const [k, w] of profile) {
      memory.attachKey(issue, k, w);
    }
    for (const p of members) {
      memory.assign(p, issue);
    }
    this.assignment.collectPosts(
      issue,
      profile.map(([k]) => k),
      t,
    );
    if (issue.held && this.wasOverwhelming(issue, t)) {
      issue.publish(now);
    }
  }

  /**
   * Whether a held-back issue's posts of the lookback were overwhelming at some bucket up to `t`, judged with the posts
   * up to that bucket: a story whose earlier wave was overwhelming when it happened (posts replayed into a restarted
   * worker, where the first wave was published before the restart) is no weaker evidence for having gone on since.
   */
  private wasOverwhelming(issue: Issue, t: number): boolean {
    const posts = this.recentPosts(issue, t);
    const buckets = [...new Set(posts.map((p) => p.bucket))].sort((a, b) => b - a);
    for (const b of buckets) {
      if (
        this.overwhelming(
          posts.filter((p) => p.bucket <= b),
          b,
        )
      ) {
        return true;
      }
    }
    return false;
  }

  /**
   * Held-back issues after the pass over bucket `t`: one whose posts (gathered at ingest and from later clusters) have
   * become overwhelming is published, carrying every post it held (first seen at its first post). Once learning is
   * over, and for one that went quiet (`dormantAfterMs` without posts), the rest are released: their posts are free
   * again, and a story that still bursts against the now day-old baselines forms its cluster and opens as one issue
   * with those posts (collectPosts gathers them), while everyday topics that were held stay unraised.
   */
  settleHeld(t: number): void {
    const memory = this.memory;
    const now = (t + 1) * this.config.bucketMs;
    const learning = memory.learningAt(t + 1);
    for (const issue of [...memory.issuesById.values()]) {
      if (!issue.held) {
        continue;
      }
      const quiet = now - Math.max(issue.lastActivityAt, issue.firstDetectedAt) > this.config.dormantAfterMs;
      if (!learning || quiet) {
        this.release(issue);
      } else if (issue.lastClusterBucket < t && this.wasOverwhelming(issue, t)) {
        issue.publish(now);
      }
    }
  }

  /** Forgets a held-back issue: its posts are unassigned, its keys and near-duplicate groups point to it no more. */
  private release(issue: Issue): void {
    const memory = this.memory;
    memory.issuesById.delete(issue.id);
    for (const k of issue.keyWeights.keys()) {
      k.issues?.delete(issue);
      if (k.issues?.size === 0) {
        k.issues = null;
      }
    }
    for (const seq of memory.issuePosts.get(issue) ?? []) {
      const post = memory.posts.get(seq);
      if (post?.issue === issue) {
        post.issue = null;
      }
    }
    memory.issuePosts.delete(issue);
    for (const group of memory.groups.values()) {
      if (group.issue === issue) {
        group.issue = null;
      }
    }
  }

  /** The issue's posts still held in memory from the cluster lookback ending with bucket `t`. */
  private recentPosts(issue: Issue, t: number): PostRecord[] {
    const memory = this.memory;
    const from = t - this.config.clusterLookbackBuckets + 1;
    const out: PostRecord[] = [];
    const seqs = memory.issuePosts.get(issue) ?? [];
    for (let i = seqs.length - 1; i >= 0; i--) {
      const post = memory.posts.get(seqs[i]);
      if (post && post.bucket >= from && post.bucket <= t) {
        out.push(post);
      }
    }
    return out;
  }

  /**
   * While learning (no day of history yet), a cluster opens an issue only when many distinct voices tell it and most
   * of them in its last hour: a topic that was there all along at its normal level is not new, and without a day of
   * baseline the detector cannot tell its normal level from a burst.
   */
  private overwhelming(members: readonly PostRecord[], t: number): boolean {
    const cfg = this.config;
    const all = new Set<number>();
    const recent = new Set<number>();
    for (const p of members) {
      all.add(p.voice);
      if (p.bucket > t - 4) {
        recent.add(p.voice);
      }
    }
    return (
      all.size >= cfg.learningMinVoices &&
      this.memory.growsFasterThanStream(recent.size, all.size, t, cfg.clusterLookbackBuckets)
    );
  }

  /**
   * Adds to an issue the keys that its recent posts carry and that are specific to it (most of their recent posts
   * are the issue's), even when they did not burst on their own; then collects the posts those keys point to.
   */
  enrichIssue(issue: Issue, t: number): void {
    const memory = this.memory;
    const cfg = this.config;
    const seqs = memory.issuePosts.get(issue);
    if (!seqs || seqs.length < cfg.minIssueVoices) {
      return;
    }
    const from = t - memory.maxWindow + 1;
    const counts = new Map<TrackedKey, Set<number>>();
    for (let i = seqs.length - 1; i >= 0; i--) {
      const post = memory.posts.get(seqs[i]);
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
      if (voices.size < cfg.enrichMinVoices || k.kind === 'term' || k.kind === 'topic') {
        continue;
      }
      const keyVoices = memory.baselines.recentVoices(k.id, from, t);
      const current = memory.counter.voicesOf(t + 1, k.id);
      const purity = voices.size / Math.max(voices.size, keyVoices + current);
      if (purity >= cfg.enrichPurity) {
        memory.attachKey(issue, k, purity);
        added.push(k);
      }
    }
    if (added.length) {
      this.assignment.collectPosts(issue, added, t);
    }
  }

  /** An analyst's merge: `target` absorbs the issue's posts and keys, and the issue keeps pointing to it. */
  mergeInto(issue: Issue, target: Issue): void {
    target.absorb(issue);
    for (const k of issue.keyWeights.keys()) {
      const w = k.issues?.get(issue);
      if (w !== undefined) {
        k.issues!.delete(issue);
        k.issues!.set(target, Math.max(w, k.issues!.get(target) ?? 0));
      }
    }
    for (const p of this.memory.posts.values()) {
      if (p.issue === issue) {
        p.issue = target;
      }
    }
    issue.mergedInto = target;
  }

  /**
   * An absorbable issue telling the same story as a new cluster (no twin): the share of the cluster's content keys
   * (phrases and hashtags weigh 1, single terms ½, places nothing) that the issue already carries is at least
   * `twinKeyShare`, or `twinKeyShareSamePlace` when both name the same place, or it holds `twinSharedPostShare` of the
   * recent posts of the cluster's keys. Issues whose places are unrelated to the cluster's are never the same story.
   */
  private similarOpenIssue(
    profile: [TrackedKey, number][],
    members: readonly PostRecord[],
    t: number,
    anchors: string[],
    category: string | null,
    onset: number,
  ): Issue | null {
    const memory = this.memory;
    const cfg = this.config;
    const now = (t + 1) * cfg.bucketMs;
    let total = 0;
    const shared = new Map<Issue, number>();
    for (const [k, w] of profile) {
      const m = contentMass(k) * w;
      total += m;
      if (!k.issues || m === 0) {
        continue;
      }
      for (const [issue, iw] of k.issues) {
        const target = issue.resolve();
        if (iw < cfg.twinMinKeyWeight) {
          continue;
        }
        shared.set(target, (shared.get(target) ?? 0) + m);
      }
    }
    if (total === 0) {
      return null;
    }
    const postShares = this.sharedPostShares(profile, t);
    let best: Issue | null = null;
    let bestShare = 0;
    for (const issue of new Set([...shared.keys(), ...postShares.keys()])) {
      const keyShare = (shared.get(issue) ?? 0) / total;
      const postShare = (postShares.get(issue) ?? 0) / total;
      const share = Math.max(keyShare, postShare);
      if (share <= bestShare || !memory.canAbsorb(issue, now)) {
        continue;
      }
      const theirs = memory.issueAnchors(issue);
      if (!anchorsCompatible(anchors, theirs)) {
        continue;
      }
      const samePlace = anchors.length > 0 && theirs.length > 0;
      if (
        keyShare >= (samePlace ? cfg.twinKeyShareSamePlace : cfg.twinKeyShare) ||
        postShare >= cfg.twinSharedPostShare
      ) {
        best = issue;
        bestShare = share;
      }
    }
    if (best || !category || category === 'lainnya') {
      return best;
    }
    // Same kecamatan or kelurahan, same category, still active, and some content in common: another wording of the
    // same story (a poisoning after a dengue outbreak in the same kelurahan shares nothing and is a new issue). With
    // nothing in common, only a fragment that began with the issue (`fragmentOnsetWithinMs`): one event told in
    // wordings that share only the place. Places related only through their kecamatan, or naming none: areaFragment.
    const within = cfg.fragmentOnsetWithinMs;
    const districts = leadingDistricts(placeCounts(members));
    for (const issue of memory.issuesById.values()) {
      if (issue.mergedInto || issue.lifecycle === 'dormant' || now - issue.lastActivityAt > cfg.dormantAfterMs) {
        continue;
      }
      if (issue.mainCategory() !== category) {
        continue;
      }
      const theirs = memory.issueAnchors(issue);
      const share = shared.get(issue) ?? 0;
      const content = Math.max(share, postShares.get(issue) ?? 0) >= cfg.samePlaceCategoryMinShare * total;
      const fragment =
        within > 0 &&
        !issue.campaignSeed &&
        Math.abs(onset - issue.firstSeenAt) <= within &&
        now - issue.firstDetectedAt <= within;
      if (
        sameFinePlace(anchors, theirs)
          ? !fragment && !content
          : !this.areaFragment(issue, districts, anchors, fragment, content, onset)
      ) {
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
   * A fragment of an event told at the level of its kecamatan (it began with the issue, same category, see
   * similarOpenIssue) that grows with it: the issue took posts after the fragment's first one. Either both lead to
   * the same kecamatan (kelurahan names rolled up: one flood reported from three kelurahan of Sungai Kunjang, where no
   * single kelurahan is an anchor of both), or neither names any kecamatan (a school's story names the city at most)
   * and their places are compatible and they have some content in common (`samePlaceCategoryMinShare`).
   */
  private areaFragment(
    issue: Issue,
    districts: readonly string[],
    anchors: readonly string[],
    fragment: boolean,
    content: boolean,
    onset: number,
  ): boolean {
    if (!fragment || issue.lastActivityAt < onset) {
      return false;
    }
    const theirs = leadingDistricts(this.memory.issuePlaceCounts(issue));
    if (districts.length > 0 || theirs.length > 0) {
      return districts.some((d) => theirs.includes(d));
    }
    return content && anchorsCompatible(anchors, this.memory.issueAnchors(issue));
  }

  /**
   * Per open issue: the content mass of a cluster's profile keys weighted by the share of each key's recent posts
   * (cluster lookback, posts still held) that the issue holds.
   */
  private sharedPostShares(profile: [TrackedKey, number][], t: number): Map<Issue, number> {
    const memory = this.memory;
    const from = t - this.config.clusterLookbackBuckets + 1;
    const out = new Map<Issue, number>();
    for (const [k, w] of profile) {
      const m = contentMass(k) * w;
      if (m === 0) {
        continue;
      }
      const posts = memory.postingsOf(k, from, t);
      if (posts.length === 0) {
        continue;
      }
      for (const [issue, n] of memory.postsPerIssue(posts)) {
        out.set(issue, (out.get(issue) ?? 0) + (m * n) / posts.length);
      }
    }
    return out;
  }
}
