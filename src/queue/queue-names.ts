/**
 * Queue and job names are stable strings: a rename must not orphan jobs already queued.
 * Payload types for every job live in job-payloads.ts.
 */
export enum QueueName {
  Ingest = 'ingest',
  Maintenance = 'maintenance',
  Sources = 'sources',
  Analysis = 'analysis',
  Models = 'models',
  Notifications = 'notifications',
  Detection = 'detection',
}

export enum JobName {
  IngestBatch = 'ingest-batch',
  PurgeExpiredPosts = 'purge-expired-posts',
  FetchSource = 'fetch-source',
  TopicBackfill = 'topic-backfill',
  ReanalyzePosts = 'reanalyze-posts',
  TrainSentimentModel = 'train-sentiment-model',
  DeliverAlert = 'deliver-alert',
  DetectionPass = 'detection-pass',
  DeliverReport = 'deliver-report',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
