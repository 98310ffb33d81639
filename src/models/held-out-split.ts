/**
 * Which corrected posts are held out for evaluation: a fixed fraction chosen by a hash of the post id,
 * so the same post stays on the same side in every training run. A model trained in one run is never
 * evaluated on posts it learned from in a later run, and two runs compare on the same held-out posts.
 */
export const HELD_OUT_FRACTION = 0.25;

/** FNV-1a of the decimal id, mapped to [0, 1). */
export function heldOutRank(postId: string | number): number {
  const text = String(postId);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // One more avalanche round: consecutive ids differ only in their last digits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return (hash >>> 0) / 4294967296;
}

export function isHeldOut(postId: string | number, fraction = HELD_OUT_FRACTION): boolean {
  return heldOutRank(postId) < fraction;
}

export function splitHeldOut<T extends { postId: string }>(
  items: readonly T[],
  fraction = HELD_OUT_FRACTION,
): { train: T[]; heldOut: T[] } {
  const train: T[] = [];
  const heldOut: T[] = [];
  for (const item of items) {
    (isHeldOut(item.postId, fraction) ? heldOut : train).push(item);
  }
  return { train, heldOut };
}
