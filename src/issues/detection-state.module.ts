import { Module } from '@nestjs/common';
import { INGESTED_POSTS_LISTENER } from '../ingestion/ingested-posts-listener.js';
import { DetectionIngestListener } from './detection-ingest-listener.js';
import { DetectionStateRepository } from './detection-state.repository.js';

/**
 * Detection's tables (counts, detector views of posts, baselines) and ingestion's port implemented on them: the
 * ingest path imports this module for INGESTED_POSTS_LISTENER, the issues module for the repository.
 */
@Module({
  providers: [
    DetectionStateRepository,
    DetectionIngestListener,
    { provide: INGESTED_POSTS_LISTENER, useExisting: DetectionIngestListener },
  ],
  exports: [DetectionStateRepository, INGESTED_POSTS_LISTENER],
})
export class DetectionStateModule {}
