/**
 * Clustering stage: turns a pass's bursting keys into issues.
 *
 * 1. A newly bursting key whose recent posts mostly (≥ joinShare) belong to an open issue is attached to it.
 * 2. Every key that burst within the last `hotBuckets` buckets is "hot". The unassigned posts of the lookback that
 *    carry at least two hot keys are clustered greedily: seeds are phrases and hashtags, then single terms, each by
 *    distinct voices (places never seed). A seed's cluster takes the key profile of its posts (hot keys whose
 *    candidate posts fall mostly inside it) and grows by posts that score on that profile and are place-compatible
 *    (two floods in two kecamatan are two issues).
 * 3. A cluster with enough distinct voices and at least two profile keys goes to the twins stage, which opens an issue
 *    or folds it into an open issue of the same story.
 */
import type { Assignment } from './assignment.js';
import type { DetectorConfig } from './detector-config.js';
import type { Candidate, DetectorMemory, PostRecord, TrackedKey } from './detector-memory.js';
import { assignFactor, countVoices, seedRank } from './key-roles.js';
import { anchorPlaces, leadingPlace, placeCounts, placesCompatible, placesRelated } from './places.js';
import type { TwinsAndMerges } from './twins-and-merges.js';

export class Clustering {
  private readonly config: DetectorConfig;

  constructor(
    private readonly memory: DetectorMemory,
    private readonly assignment: Assignment,
    private readonly twins: TwinsAndMerges,
  ) {
    this.config = memory.config;
  }

  formIssues(found: Candidate[], t: number): void {
    const memory = this.memory;
    const cfg = this.config;
    const now = (t + 1) * cfg.bucketMs;
    // During the warm-up every baseline is a few buckets old: bursts then are not evidence of anything new, so they
    // make no key hot (otherwise the first pass after the warm-up would cluster the whole chatter).
    const warm = t - memory.historyStart >= cfg.warmupBuckets;
    for (const c of found) {
      if (warm) {
        c.key.hotUntil = t + cfg.hotBuckets;
        memory.hot.add(c.key);
      }
      // 1. Attach to an open issue that already holds most of the key's recent posts.
      const posts = memory.postingsOf(c.key, t - Math.max(c.window, 4) + 1, t);
      if (posts.length === 0) {
        continue;
      }
      for (const [issue, n] of memory.postsPerIssue(posts)) {
        const share = n / posts.length;
        if (share < cfg.joinShare || !memory.canAbsorb(issue, now)) {
          continue;
        }
        memory.attachKey(issue, c.key, share);
        this.assignment.collectPosts(issue, [c.key], t);
        if (issue.lifecycle === 'dormant') {
          issue.setLifecycle('emerging', now);
        }
        issue.dirty = true;
      }
    }
    for (const k of memory.hot) {
      if (k.hotUntil < t) {
        memory.hot.delete(k);
      }
    }
    // Without a few hours of history every key is new: no issue is opened before the baselines have some footing.
    if (memory.hot.size < 2 || !warm) {
      return;
    }

    // 2. Unassigned posts of the lookback with at least two hot keys.
    const from = t - cfg.clusterLookbackBuckets + 1;
    const postHot = new Map<number, TrackedKey[]>();
    for (const k of memory.hot) {
      for (const p of memory.postingsOf(k, from, t)) {
        const post = memory.posts.get(p);
        if (!post || post.issue || memory.awaitsCampaign(post)) {
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
      const post = memory.posts.get(p)!;
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
    const factors = cfg.assignKindFactor;
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
    const memory = this.memory;
    for (const [k, v] of inside) {
      if (k === seed || v.size < 2) {
        continue;
      }
      // Against every voice of the key in the lookback, not only the candidates': a common word that burst with the
      // story ('warga', the city's hashtag) is mostly elsewhere and must not pull every post that carries it.
      const all = memory.voicesAt(k.id, t, cfg.clusterLookbackBuckets);
      const share = v.size / Math.max(v.size, remaining.get(k) ?? 0, all * cfg.profileSpecificity);
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
        score += w * assignFactor(k, factors);
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
    this.twins.openOrMerge([...profile.entries()], members, anchors, t);
    return true;
  }
}
