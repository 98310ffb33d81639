/**
 * The port through which ingestion tells other modules what it stored: declared here, implemented by the answering
 * module (issues: detection counts) and wired in the module graph (PostStoreModule imports the implementation's
 * module, which provides this token).
 */
import type { EntityManager } from 'typeorm';
import type { StoredPost } from './stored-post.js';

export const INGESTED_POSTS_LISTENER = Symbol('INGESTED_POSTS_LISTENER');

export interface IngestedPostsListener {
  /**
   * Runs inside the batch's transaction, after its posts were inserted: what it writes commits with the posts, a
   * failure rolls the batch back, and a retried batch that had committed calls it no more. `posts` holds only the
   * posts inserted by this batch (never duplicates). It writes only rows no other batch writes (its own posts'
   * rows) and returns the update of shared counters, which PostStore runs at the end of the transaction.
   */
  onStored(manager: EntityManager, posts: StoredPost[]): Promise<SharedCountsUpdate>;
}

/**
 * Writes to rows every concurrent batch updates (counters of the same bucket or hour). Their row locks are held until
 * commit, so PostStore runs these last, right before the commit: concurrent batches serialise only on this tail, not
 * on the whole transaction (docs/ingest-performance.md).
 */
export interface SharedCountsUpdate {
  apply(manager: EntityManager): Promise<void>;
}
