/**
 * Detection's side of ingestion's port: every batch's inserted posts are counted for detection in the batch's own
 * transaction (so counts and posts commit together, and a retried batch counts nothing twice).
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IngestedPostsListener, SharedCountsUpdate } from '../ingestion/ingested-posts-listener.js';
import type { StoredPost } from '../ingestion/stored-post.js';
import { DetectionStateRepository } from './detection-state.repository.js';

@Injectable()
export class DetectionIngestListener implements IngestedPostsListener {
  constructor(private readonly state: DetectionStateRepository) {}

  onStored(manager: EntityManager, posts: StoredPost[]): Promise<SharedCountsUpdate> {
    return this.state.countInserted(manager, posts);
  }
}
