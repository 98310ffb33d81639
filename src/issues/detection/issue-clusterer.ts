/**
 * Groups bursting keys into stories by the posts they share.
 *
 * Keys are taken strongest first. A key whose recent posts mostly (≥ joinShare) already belong to an existing
 * issue is attached to it (no twin is opened); else one whose posts mostly fall in a cluster formed in this pass
 * joins that cluster; else it seeds a new cluster. The "mostly" test is asymmetric on purpose: a generic word
 * ('warga', 'banjir') that bursts with two stories at once belongs mostly to neither and joins neither, so it cannot
 * chain two stories together. Clusters that overlap strongly are merged at the end; a cluster becomes an issue only
 * with enough distinct voices and at least `minKeys` keys (a story shows up in several words at once; a single
 * random word does not).
 */

export interface BurstCandidate<K> {
  key: K;
  surprise: number;
  /** Post numbers carrying the key in its burst window. */
  posts: readonly number[];
}

export interface ClusterContext {
  /** The issue a post is assigned to (after following merges), or null. */
  issueOfPost(post: number): string | null;
  /** Whether that issue may absorb new keys (not a stale dormant issue). */
  canAbsorb(issueId: string): boolean;
  voiceOfPost(post: number): number;
}

export interface ClusterOptions {
  joinShare: number;
  minVoices: number;
  minKeys: number;
  /** Whether a key names something specific (a phrase, hashtag or place) rather than a single common word. */
  isSpecific(key: unknown): boolean;
}

export interface KeyAttachment<K> {
  key: K;
  issueId: string;
  share: number;
  surprise: number;
}

export interface NewCluster<K> {
  keys: { key: K; share: number; surprise: number }[];
  posts: Set<number>;
  voices: number;
}

export interface ClusterPlan<K> {
  attach: KeyAttachment<K>[];
  clusters: NewCluster<K>[];
  /** Candidates that did not reach an issue (single-key or too-small clusters). */
  rejected: number;
}

export function clusterBurstingKeys<K>(
  candidates: readonly BurstCandidate<K>[],
  ctx: ClusterContext,
  opts: ClusterOptions,
): ClusterPlan<K> {
  // Specific keys (phrases, hashtags, places) seed first; single terms, often shared by concurrent stories, after.
  const rank = (c: BurstCandidate<K>): number => (opts.isSpecific(c.key) ? 1 : 0);
  const sorted = [...candidates].sort((a, b) => rank(b) - rank(a) || b.surprise - a.surprise);
  const attach: KeyAttachment<K>[] = [];
  let clusters: NewCluster<K>[] = [];
  for (const cand of sorted) {
    const posts = new Set(cand.posts);
    if (posts.size === 0) continue;
    // 1. An existing issue that already holds most of the key's posts.
    const byIssue = new Map<string, number>();
    for (const p of posts) {
      const issue = ctx.issueOfPost(p);
      if (issue !== null) byIssue.set(issue, (byIssue.get(issue) ?? 0) + 1);
    }
    let bestIssue: string | null = null;
    let bestIssueShare = 0;
    for (const [issue, n] of byIssue) {
      const share = n / posts.size;
      if (share > bestIssueShare && ctx.canAbsorb(issue)) {
        bestIssue = issue;
        bestIssueShare = share;
      }
    }
    // 2. A cluster of this pass.
    let bestCluster: NewCluster<K> | null = null;
    let bestClusterShare = 0;
    for (const c of clusters) {
      const share = overlap(posts, c.posts) / posts.size;
      if (share > bestClusterShare) {
        bestCluster = c;
        bestClusterShare = share;
      }
    }
    if (bestIssue !== null && bestIssueShare >= opts.joinShare && bestIssueShare >= bestClusterShare) {
      attach.push({ key: cand.key, issueId: bestIssue, share: bestIssueShare, surprise: cand.surprise });
    } else if (bestCluster && bestClusterShare >= opts.joinShare) {
      bestCluster.keys.push({ key: cand.key, share: bestClusterShare, surprise: cand.surprise });
      for (const p of posts) bestCluster.posts.add(p);
    } else if (bestIssueShare < opts.joinShare / 2 || bestIssue === null) {
      // Seeds a cluster only when it is not mostly somebody else's generic word.
      let claimed = 0;
      for (const c of clusters) claimed += overlap(posts, c.posts);
      for (const n of byIssue.values()) claimed += n;
      if (claimed / posts.size < opts.joinShare) {
        clusters.push({ keys: [{ key: cand.key, share: 1, surprise: cand.surprise }], posts, voices: 0 });
      }
    }
  }
  clusters = mergeOverlapping(clusters, opts.joinShare);
  const kept: NewCluster<K>[] = [];
  let rejected = 0;
  for (const c of clusters) {
    const voices = new Set<number>();
    for (const p of c.posts) voices.add(ctx.voiceOfPost(p));
    c.voices = voices.size;
    if (c.voices >= opts.minVoices && c.keys.length >= opts.minKeys) kept.push(c);
    else rejected++;
  }
  return { attach, clusters: kept, rejected };
}

function overlap(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

function mergeOverlapping<K>(clusters: NewCluster<K>[], share: number): NewCluster<K>[] {
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const a = clusters[i];
        const b = clusters[j];
        if (overlap(a.posts, b.posts) / Math.min(a.posts.size, b.posts.size) >= share) {
          a.keys.push(...b.keys);
          for (const p of b.posts) a.posts.add(p);
          clusters.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  return clusters;
}
