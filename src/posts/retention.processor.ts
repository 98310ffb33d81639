import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { MaintenanceQueueJob } from '../queue/job-payloads.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { unexpectedJob } from '../queue/unexpected-job.js';
import { PostPartitions } from '../ingestion/post-partitions.js';
import { PostStore } from '../ingestion/post-store.repository.js';
import { pruneRollupsBefore } from '../ingestion/rollup-writer.js';

const RETENTION_SCHEDULER = 'purge-expired-posts-daily';

/**
 * Retention (UU PDP): every night, posts older than PANTAU_RETENTION_DAYS are deleted (whole months by dropping their
 * partition, PostStore.retireCreatedBefore), and the partitions of the current month and the next two are made ahead.
 * A BullMQ job scheduler (not a per-process cron) so that one worker runs it, however many there are.
 */
@Processor(QueueName.Maintenance, { autorun: false })
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    private readonly posts: PostStore,
    private readonly partitions: PostPartitions,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'api') {
      return;
    }
    await this.partitions.ensureAhead();
    await this.queue.upsertJobScheduler(
      RETENTION_SCHEDULER,
      { pattern: '30 2 * * *', tz: this.config.timeZone },
      { name: JobName.PurgeExpiredPosts, data: { retentionDays: this.config.retentionDays } },
    );
  }

  async process(job: Job): Promise<{ purged: number; partitions: string[] }> {
    const item = { name: job.name, data: job.data } as MaintenanceQueueJob;
    switch (item.name) {
      case JobName.PurgeExpiredPosts: {
        const cutoff = new Date(Date.now() - item.data.retentionDays * 24 * 3600_000);
        const retired = await this.posts.retireCreatedBefore(cutoff);
        const rollupRows = await pruneRollupsBefore(this.dataSource, cutoff);
        const ahead = await this.partitions.ensureAhead();
        this.logger.log(
          `Retention: ${retired.posts} posts (partitions dropped: ${retired.partitions.join(', ') || 'none'}) and ` +
            `${rollupRows} rollup rows before ${cutoff.toISOString()} purged; partitions made ahead: ` +
            `${ahead.join(', ') || 'none needed'}`,
        );
        return { purged: retired.posts, partitions: retired.partitions };
      }
      default:
        return unexpectedJob(QueueName.Maintenance, item.name);
    }
  }
}
