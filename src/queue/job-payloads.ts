import { JobName } from './queue-names.js';

/** One post as it travels through the ingest queue (already validated and PII-masked). */
export interface IngestPostPayload {
  externalId: string;
  text: string;
  /** ISO 8601. */
  createdAt: string;
  author?: string;
  url?: string;
  lang?: string;
  metrics?: { likes?: number; replies?: number; reposts?: number; views?: number };
  /** The platform's original record, PII-masked; stored for audit and re-parsing. */
  raw?: unknown;
}

export interface IngestBatchJob {
  sourceId: string;
  posts: IngestPostPayload[];
  demo?: boolean;
}

export interface IngestBatchResult {
  stored: number;
  duplicates: number;
}

export interface PurgeExpiredPostsJob {
  retentionDays: number;
}

/** Every job of every queue: `JobOf<JobName.IngestBatch>` is its payload type everywhere. */
export type JobItem =
  | { name: JobName.IngestBatch; data: IngestBatchJob }
  | { name: JobName.PurgeExpiredPosts; data: PurgeExpiredPostsJob };

export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>['data'];
