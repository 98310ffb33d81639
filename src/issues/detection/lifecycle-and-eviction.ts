/**
 * Lifecycle and eviction stage: moves issues through emerging → trending → declining → dormant with their severity,
 * and forgets what the detector no longer needs (posts past retention, old buckets, idle keys).
 */
import { categoryWeightOf, type DetectorConfig } from './detector-config.js';
import type { DetectorMemory } from './detector-memory.js';
import { nextLifecycleState } from './issue-lifecycle.js';
import { computeSeverity } from './severity.js';

export class LifecycleAndEviction {
  private readonly config: DetectorConfig;

  constructor(private readonly memory: DetectorMemory) {
    this.config = memory.config;
  }

  advanceIssues(now: number, endBucket: number): void {
    const cfg = this.config;
    const rules = {
      trendingMinVoices: cfg.trendingMinVoices,
      dormantAfterMs: cfg.dormantAfterMs,
      declineShare: cfg.declineShare,
    };
    for (const issue of this.memory.issuesById.values()) {
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
          categoryWeight: categoryWeightOf(cfg, category),
        });
      }
    }
  }

  evict(now: number): void {
    const memory = this.memory;
    const cfg = this.config;
    const limit = Math.min(now, memory.newestTime) - cfg.postRetentionMs;
    while (memory.oldestSeq < memory.seq) {
      const p = memory.posts.get(memory.oldestSeq);
      if (p && p.at >= limit) {
        break;
      }
      if (p) {
        memory.posts.delete(p.seq);
        memory.idToSeq.delete(p.id);
      }
      memory.oldestSeq++;
    }
    const limitBucket = Math.floor(limit / cfg.bucketMs);
    memory.counter.dropPostingsBefore(limitBucket);
    // Keep two days of counts for export; scoring needs only the longest window.
    const keepFrom = Math.min(memory.lastProcessed - memory.maxWindow, limitBucket) - 2 * 96;
    if (Number.isFinite(keepFrom)) {
      memory.counter.evictBefore(keepFrom);
      for (const b of [...memory.totals.keys()]) {
        if (b < keepFrom) {
          memory.totals.delete(b);
        }
      }
    }
    for (const [id, g] of memory.groups) {
      if (g.lastAt < limit) {
        memory.groups.delete(id);
      }
    }
    for (const [issue, seqs] of memory.issuePosts) {
      let drop = 0;
      while (drop < seqs.length && !memory.posts.has(seqs[drop])) {
        drop++;
      }
      if (drop === seqs.length) {
        memory.issuePosts.delete(issue);
      } else if (drop > 0) {
        seqs.splice(0, drop);
      }
    }
    // Forget keys idle for a week with nothing left in their baseline (a later post makes the key anew). An id still
    // counted in a held bucket stays as it is until that bucket is dropped, so that no count is read under another key.
    if (memory.lastProcessed % 96 === 0) {
      const idle = memory.lastProcessed - 7 * 96;
      const oldestHeld = memory.counter.indices()[0] ?? Infinity;
      this.releaseRetiredKeys(oldestHeld);
      for (const [s, id] of memory.keyTable.entries()) {
        if (
          memory.baselines.lastBucket(id) < idle &&
          memory.baselines.mean(id) < 1e-6 &&
          !memory.tracked.get(id)?.issues
        ) {
          memory.keyTable.retire(s);
          if (memory.counter.lastCountedIn(id) >= oldestHeld) {
            memory.retiredIds.push(id);
          } else {
            memory.releaseKey(id);
          }
        }
      }
    }
  }

  /** Frees the retired key ids that no bucket from `oldestHeld` on counts any more. */
  private releaseRetiredKeys(oldestHeld: number): void {
    const memory = this.memory;
    const stillCounted: number[] = [];
    for (const id of memory.retiredIds) {
      if (memory.counter.lastCountedIn(id) >= oldestHeld) {
        stillCounted.push(id);
      } else {
        memory.releaseKey(id);
      }
    }
    memory.retiredIds = stillCounted;
  }
}
