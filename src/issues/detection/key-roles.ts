/**
 * What a key is worth to grouping: whether it seeds a cluster, how much story content it carries, how much it counts
 * towards assigning a post, and which pairs of keys say something when they rise together.
 */
import type { FeatureKind } from './detection.types.js';
import type { PostRecord, TrackedKey } from './detector-memory.js';

export function isPlaceKey(k: TrackedKey): boolean {
  return k.kind === 'place' || k.placeLike;
}

/** Seed order: phrases and hashtags first, then single terms; places only discriminate (never seed). */
export function seedRank(k: TrackedKey): number {
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

/** Weight of a key in a story's content: phrases and hashtags 1, single terms ½, places and topics nothing. */
export function contentMass(k: TrackedKey): number {
  if (isPlaceKey(k) || k.kind === 'topic') {
    return 0;
  }
  return k.kind === 'term' || k.partPlace ? 0.5 : 1;
}

/** Two keys whose co-occurrence says something: one is story content and they share no word. */
export function storyPair(a: TrackedKey, b: TrackedKey): boolean {
  if (contentMass(a) === 0 && contentMass(b) === 0) {
    return false;
  }
  const words = new Set(a.text.split(' '));
  return !b.text.split(' ').some((w) => words.has(w));
}

/** How much a matching key counts towards assigning a post: place names count nothing (they only discriminate). */
export function assignFactor(k: TrackedKey, factors: Record<FeatureKind, number>): number {
  if (isPlaceKey(k)) {
    return 0;
  }
  return k.partPlace ? factors.term : factors[k.kind];
}

export function countVoices(posts: readonly PostRecord[]): number {
  const set = new Set<number>();
  for (const p of posts) {
    set.add(p.voice);
  }
  return set.size;
}
