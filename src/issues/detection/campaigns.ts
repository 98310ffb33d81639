/**
 * Campaigns stage: a near-duplicate group copied by many accounts in a burst, saying something new, becomes a
 * campaign issue (or marks the issue that already holds most of its copies).
 */
import type { Assignment } from './assignment.js';
import type { BurstScorer } from './burst-scorer.js';
import type { DetectorConfig } from './detector-config.js';
import type { DetectorMemory, DuplicateGroup, Issue, PostRecord, TrackedKey } from './detector-memory.js';
import { IssueRecord } from './issue-record.js';
import { dispersedOverPlaces, leadingDistricts, placeCounts } from './places.js';

export class Campaigns {
  private readonly config: DetectorConfig;

  constructor(
    private readonly memory: DetectorMemory,
    private readonly scorer: BurstScorer,
    private readonly assignment: Assignment,
  ) {
    this.config = memory.config;
  }

  /** Near-duplicate groups copied by many accounts become (or mark) campaign issues. */
  detectCampaigns(t: number): void {
    const memory = this.memory;
    const cfg = this.config;
    const now = (t + 1) * cfg.bucketMs;
    for (const group of memory.groups.values()) {
      if (group.issue || group.authors.size < cfg.campaignMinAuthors) {
        continue;
      }
      if (group.lastAt < t * cfg.bucketMs) {
        continue;
      }
      if (!this.copiedInBurst(group, t) || !this.isNovelGroup(group, t) || !this.startedRecently(group, t)) {
        continue;
      }
      const members = group.members.map((s) => memory.posts.get(s)).filter((p): p is PostRecord => p !== undefined);
      if (this.templateDispersed(group, members, t)) {
        continue;
      }
      let issue: Issue | null = null;
      for (const [i, n] of memory.postsPerIssue(members.map((p) => p.seq))) {
        if (n * 2 >= members.length) {
          issue = i;
        }
      }
      const reported = issue ? null : this.storyReported(group, members);
      if (reported) {
        // Residents telling an open story in one shared sentence: its reports, not a campaign (later copies follow).
        group.issue = reported;
        for (const p of members) {
          if (!p.issue) {
            memory.assign(p, reported);
          }
        }
        continue;
      }
      if (!issue) {
        issue = new IssueRecord<TrackedKey>(memory.newIssueId(), now);
        issue.campaignSeed = true;
        memory.issuesById.set(issue.id, issue);
        const root = memory.posts.get(group.rootSeq) ?? members[0];
        for (const k of root.keys) {
          if (k.kind !== 'term' || root.keys.length < 6) {
            memory.attachKey(issue, k, 0.5);
          }
        }
      }
      if (issue.held) {
        // A campaign carries its own evidence (many accounts copying a new text in a burst): no learning gate holds it.
        issue.publish(now);
      }
      group.issue = issue;
      for (const p of members) {
        memory.assign(p, issue);
      }
    }
  }

  /**
   * The open organic issue whose story a copied text tells in the issue's own voice: its root would join the issue by
   * its keys (Assignment), the issue began before the copying or at most `fragmentOnsetWithinMs` after it, and the
   * copies carry the issue's prevailing sentiment
   * (residents repeating a complaint; buzzers praising the handling of a flood take its keys, not its complaint).
   */
  private storyReported(group: DuplicateGroup, members: readonly PostRecord[]): Issue | null {
    const memory = this.memory;
    const root = memory.posts.get(group.rootSeq) ?? members[0];
    if (!root) {
      return null;
    }
    const target = this.assignment.bestIssueFor(root) ?? this.fragmentOf(root, members);
    if (!target || target.campaignSeed || target.firstSeenAt - root.at > this.config.fragmentOnsetWithinMs) {
      return null;
    }
    const mine = prevailing(members.map((p) => p.sentiment));
    const theirs = prevailing(
      Object.entries(target.sentiment).flatMap(([s, n]) => Array<string>(n).fill(s)) as PostRecord['sentiment'][],
    );
    return mine !== undefined && mine === theirs ? target : null;
  }

  /**
   * An open organic issue of the copies' category at the kecamatan they name, begun within `fragmentOnsetWithinMs` of
   * the copying (the fragment rule of TwinsAndMerges, for a shared sentence in another wording than the issue's).
   * Buzzers name the city, residents their kecamatan.
   */
  private fragmentOf(root: PostRecord, members: readonly PostRecord[]): Issue | null {
    const memory = this.memory;
    const within = this.config.fragmentOnsetWithinMs;
    const districts = leadingDistricts(placeCounts(members));
    if (!root.category || root.category === 'lainnya' || districts.length === 0 || within === 0) {
      return null;
    }
    for (const issue of memory.issuesById.values()) {
      if (issue.held || issue.mergedInto || issue.campaignSeed || issue.lifecycle === 'dormant') {
        continue;
      }
      if (Math.abs(root.at - issue.firstSeenAt) > within || issue.mainCategory() !== root.category) {
        continue;
      }
      const theirs = leadingDistricts(memory.issuePlaceCounts(issue));
      if (districts.some((d) => theirs.includes(d))) {
        return issue;
      }
    }
    return null;
  }

  /**
   * A template each writer fills with their own village ("pasar <village> rame banget pagi ini") is a habit, not one
   * message copied by many. Near-duplicate grouping puts the copies naming the root's village closest, so the group
   * alone may look placed; the template is the posts of the lookback that carry at least half of the root's words and
   * phrases that name none of its places, and it is dispersed when those posts are (dispersedOverPlaces). A
   * campaign's words are carried by its copies.
   */
  private templateDispersed(group: DuplicateGroup, members: readonly PostRecord[], t: number): boolean {
    const memory = this.memory;
    const cfg = this.config;
    if (dispersedOverPlaces(members, cfg.dispersedMinPosts, cfg.dispersedLeadShare)) {
      return true;
    }
    const root = memory.posts.get(group.rootSeq) ?? members[0];
    if (!root || root.places.length === 0) {
      return false;
    }
    const placeWords = new Set(root.places.flatMap((p) => p.name.toLowerCase().split(/[\s-]+/u)));
    const words = root.keys.filter(
      (k) =>
        k.kind !== 'place' &&
        k.kind !== 'topic' &&
        !k.placeLike &&
        !k.text.split(' ').some((w) => placeWords.has(w.replace(/^#/u, ''))),
    );
    if (words.length < 2) {
      return false;
    }
    const carried = new Map<number, number>();
    for (const k of words) {
      for (const seq of memory.postingsOf(k, t - cfg.clusterLookbackBuckets + 1, t)) {
        carried.set(seq, (carried.get(seq) ?? 0) + 1);
      }
    }
    const template: PostRecord[] = [];
    for (const [seq, n] of carried) {
      const p = memory.posts.get(seq);
      if (p && n * 2 >= words.length) {
        template.push(p);
      }
    }
    return dispersedOverPlaces(template, cfg.dispersedMinPosts, cfg.dispersedLeadShare);
  }

  /**
   * A campaign is copying in a burst: at least `campaignMinAuthors` distinct accounts within the longest scoring
   * window (4 h), not a text that a few people write now and then and that adds up over half a day.
   */
  private copiedInBurst(group: DuplicateGroup, t: number): boolean {
    const memory = this.memory;
    const from = t - memory.maxWindow + 1;
    const authors = new Set<number>();
    const lastHour = new Set<number>();
    for (let i = group.members.length - 1; i >= 0; i--) {
      const p = memory.posts.get(group.members[i]);
      // Only copies up to bucket t: a pass over older buckets (a rebuild from stored counts) must not open a campaign
      // in the past from copies posted later.
      if (!p || p.bucket < from || p.bucket > t) {
        continue;
      }
      authors.add(p.author);
      if (p.bucket > t - 4) {
        lastHour.add(p.author);
      }
    }
    if (authors.size < this.config.campaignMinAuthors) {
      return false;
    }
    // While learning there is no baseline to judge a text new against: a remark many people make every morning (the
    // commute's traffic report) gathers its accounts at the pace of the morning, a campaign's accounts arrive at once:
    // campaign-many of them within the last hour, and growing faster than the stream.
    return (
      !memory.learningAt(t) ||
      (lastHour.size >= this.config.campaignMinAuthors &&
        memory.growsFasterThanStream(lastHour.size, authors.size, t, memory.maxWindow))
    );
  }

  /**
   * A copied text is a campaign only when its copying began within `campaignStartedWithinHours`: a template remark
   * that many people have been writing for days is a habit. While learning, phrases have no baseline to be new
   * against, so the copying must have begun within the longest scoring window (4 h): a remark people repeat all day
   * long is not a campaign.
   */
  private startedRecently(group: DuplicateGroup, t: number): boolean {
    const memory = this.memory;
    if (memory.learningAt(t)) {
      return group.firstBucket > t - memory.maxWindow;
    }
    const within = (this.config.campaignStartedWithinHours * 3_600_000) / this.config.bucketMs;
    return group.firstBucket > t - within;
  }

  /**
   * A copied text is a campaign only when what it says is new: recurring phrases (the morning traffic report copied
   * by many every day) have a baseline. A phrase is new when it was first seen with the copies themselves, or when,
   * judged now (bucket `t`), it is less than a day old, its bias-corrected baseline expects under two voices in four
   * hours, and the same four hours a day before held under two voices (a daily habit is not new). Novel when most of
   * the root post's phrases are new.
   */
  private isNovelGroup(group: DuplicateGroup, t: number): boolean {
    const memory = this.memory;
    // The root, or (a group that outlived it: a daily habit copied every morning) its newest member still held.
    let root = memory.posts.get(group.rootSeq);
    for (let i = group.members.length - 1; !root && i >= 0; i--) {
      root = memory.posts.get(group.members[i]);
    }
    if (!root) {
      return false;
    }
    const phrases = root.keys.filter((k) => k.kind === 'bigram' || k.kind === 'hashtag');
    if (phrases.length === 0) {
      return true;
    }
    let novel = 0;
    const dayBuckets = memory.dayBuckets;
    const debias = this.scorer.debias(t - memory.historyStart);
    for (const k of phrases) {
      const id = k.id;
      const firstBucket = memory.baselines.firstBucket(id);
      if (firstBucket >= group.firstBucket - 1) {
        novel++;
        continue;
      }
      if (t - firstBucket >= dayBuckets) {
        continue;
      }
      if (memory.baselines.mean(id) * debias * memory.avgTotal * 16 >= 2) {
        continue;
      }
      if (memory.voicesAt(id, t - dayBuckets, 16) >= 2) {
        continue;
      }
      novel++;
    }
    return novel * 2 > phrases.length;
  }
}

/** The sentiment most of `labels` carry (over half), or undefined. */
function prevailing(labels: readonly PostRecord['sentiment'][]): PostRecord['sentiment'] {
  const counts = new Map<string, number>();
  for (const s of labels) {
    if (s) {
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
  }
  for (const [s, n] of counts) {
    if (n * 2 > labels.length) {
      return s as PostRecord['sentiment'];
    }
  }
  return undefined;
}
