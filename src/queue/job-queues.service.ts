import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Job, JobsOptions, JobState, Queue } from 'bullmq';
import { JobName, QueueName } from './queue-names.js';
import { JobOf } from './job-payloads.js';

const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.IngestBatch]: QueueName.Ingest,
  [JobName.PurgeExpiredPosts]: QueueName.Maintenance,
  [JobName.FetchSource]: QueueName.Sources,
  [JobName.TopicBackfill]: QueueName.Analysis,
  [JobName.ReanalyzePosts]: QueueName.Analysis,
  [JobName.TrainSentimentModel]: QueueName.Models,
  [JobName.DeliverAlert]: QueueName.Notifications,
  [JobName.DetectionPass]: QueueName.Detection,
  [JobName.DeliverReport]: QueueName.Notifications,
};

/** The one typed way to enqueue a job: the payload type follows the job name. */
@Injectable()
export class JobQueues {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Ingest) ingest: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
    @InjectQueue(QueueName.Sources) sources: Queue,
    @InjectQueue(QueueName.Analysis) analysis: Queue,
    @InjectQueue(QueueName.Models) models: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Detection) detection: Queue,
  ) {
    this.queues = {
      [QueueName.Ingest]: ingest,
      [QueueName.Maintenance]: maintenance,
      [QueueName.Sources]: sources,
      [QueueName.Analysis]: analysis,
      [QueueName.Models]: models,
      [QueueName.Notifications]: notifications,
      [QueueName.Detection]: detection,
    };
    for (const queue of Object.values(this.queues)) {
      // A lost queue connection is reported by the health check and the workers (as queue-backend.ts does for the
      // Redis connection). Without a listener, an 'error' a queue forwards from its job scheduler's connection (after
      // a kill -9 of the embedded PostgreSQL) was thrown as an unhandled error: embedded-postgres-crash failed 1–2
      // runs in 4 that way, its assertions passed.
      queue.on('error', () => undefined);
    }
  }

  async enqueue<N extends JobName>(name: N, data: JobOf<N>, options?: JobsOptions): Promise<string> {
    const job = await this.queue(QUEUE_OF_JOB[name]).add(name, data, options);
    if (!job.id) {
      throw new Error(`The queue returned no id for job ${name}`);
    }
    return job.id;
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /**
   * A job and its state, the state read first: a job read while active and finished a moment later carries no
   * return value or failure reason yet, so reading the job first could report "completed" or "failed" without them.
   */
  async jobWithState(queue: QueueName, jobId: string): Promise<{ job: Job; state: JobState } | undefined> {
    const state = await this.queue(queue).getJobState(jobId);
    if (state === 'unknown') {
      return undefined;
    }
    const job = await this.queue(queue).getJob(jobId);
    return job ? { job, state } : undefined;
  }

  all(): Queue[] {
    return Object.values(this.queues);
  }
}
