import type { PostAnalysis } from '../analysis/index.js';
import type { IngestPostPayload } from './ingest-post.js';

/** A post ready to store: the payload plus its analysis. */
export interface AnalysedPost {
  post: IngestPostPayload;
  analysis: PostAnalysis;
}

/**
 * A post as PostStore inserted it, with everything later stages of the same transaction need (detection counts,
 * roll-ups), so that nothing re-reads the rows it has just written.
 */
export interface StoredPost {
  id: string;
  sourceId: string;
  externalId: string;
  createdAt: Date;
  author: string | null;
  url: string | null;
  /** likes + replies + reposts at ingest. */
  reach: number;
  analysis: PostAnalysis;
}
