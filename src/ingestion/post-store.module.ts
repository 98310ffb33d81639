import { Module } from '@nestjs/common';
import { DetectionStateModule } from '../issues/detection-state.module.js';
import { PostPartitions } from './post-partitions.js';
import { PostStore } from './post-store.repository.js';
import { RollupWriter } from './rollup-writer.js';

/**
 * The one writer of `posts` (and of its monthly partitions, PostPartitions), `post_topics` and the roll-ups, shared by the ingest worker and the history backfill;
 * it hands every stored batch to INGESTED_POSTS_LISTENER, implemented by detection (DetectionStateModule).
 */
@Module({
  imports: [DetectionStateModule],
  providers: [PostStore, RollupWriter, PostPartitions],
  exports: [PostStore, PostPartitions],
})
export class PostStoreModule {}
