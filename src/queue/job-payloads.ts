import type { IngestPostPayload } from '../ingestion/ingest-post.js';
import { JobName } from './queue-names.js';

/** One batch of posts (already validated and PII-masked) as it travels through the ingest queue. */
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

/** One fetch of one source (scheduled, manual `run`, or a follow-up page when the platform has more). */
export interface FetchSourceJob {
  sourceId: string;
  /** Manual runs and follow-up pages ignore the back-off wait. */
  force?: boolean;
}

/** A long analysis job whose progress row (analysis_jobs) the processor reads and updates. */
export interface AnalysisJobRef {
  analysisJobId: string;
}

/** A training run: on demand (with its progress row) or nightly (the scheduler creates the row). */
export interface TrainSentimentModelJob {
  analysisJobId?: string;
  trigger: 'manual' | 'nightly';
}

/** One channel's delivery of one alert (the alert_deliveries row holds the channel and the outcome). */
export interface DeliverAlertJob {
  deliveryId: string;
}

/** The jobs of each queue: its processor switches exhaustively over them. */
export type IngestQueueJob = { name: JobName.IngestBatch; data: IngestBatchJob };
export type MaintenanceQueueJob = { name: JobName.PurgeExpiredPosts; data: PurgeExpiredPostsJob };
export type SourcesQueueJob = { name: JobName.FetchSource; data: FetchSourceJob };
export type AnalysisQueueJob =
  { name: JobName.TopicBackfill; data: AnalysisJobRef } | { name: JobName.ReanalyzePosts; data: AnalysisJobRef };
export type ModelsQueueJob = { name: JobName.TrainSentimentModel; data: TrainSentimentModelJob };
/** One channel's delivery of one daily report (the report_deliveries row holds the recipient and the outcome). */
export interface DeliverReportJob {
  deliveryId: string;
}
export type NotificationsQueueJob =
  { name: JobName.DeliverAlert; data: DeliverAlertJob } | { name: JobName.DeliverReport; data: DeliverReportJob };

/** Every job of every queue: `JobOf<JobName.IngestBatch>` is its payload type everywhere. */
/** One emerging-issue detection pass (scheduled, or `POST /api/issues/detect` with the clock at `now`). */
export interface DetectionPassJob {
  /** Epoch ms of the pass clock; absent: the time the job runs. */
  now?: number;
  trigger: 'scheduled' | 'manual';
}
export type DetectionQueueJob = { name: JobName.DetectionPass; data: DetectionPassJob };

export type JobItem =
  | IngestQueueJob
  | MaintenanceQueueJob
  | SourcesQueueJob
  | AnalysisQueueJob
  | ModelsQueueJob
  | NotificationsQueueJob
  | DetectionQueueJob;

export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>['data'];
