import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { ModelsQueueJob } from '../queue/job-payloads.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { unexpectedJob } from '../queue/unexpected-job.js';
import { AnalysisJobsRepository } from '../topics/analysis-jobs.repository.js';
import { ModelTrainingService, TrainingResult } from './model-training.service.js';

const NIGHTLY_TRAINING_SCHEDULER = 'train-sentiment-nightly';

/**
 * Model training. Nightly through a BullMQ job scheduler (one worker runs it, however many there
 * are), when corrections arrived since the last model; on demand from POST /api/models/sentiment/train.
 */
@Processor(QueueName.Models, { autorun: false })
export class ModelsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ModelsProcessor.name);

  constructor(
    private readonly training: ModelTrainingService,
    private readonly jobs: AnalysisJobsRepository,
    @InjectQueue(QueueName.Models) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'api') {
      return;
    }
    await this.queue.upsertJobScheduler(
      NIGHTLY_TRAINING_SCHEDULER,
      { pattern: '15 3 * * *', tz: this.config.timeZone },
      { name: JobName.TrainSentimentModel, data: { trigger: 'nightly' }, opts: { attempts: 1 } },
    );
  }

  async process(job: Job): Promise<TrainingResult | { skipped: string }> {
    const item = { name: job.name, data: job.data } as ModelsQueueJob;
    switch (item.name) {
      case JobName.TrainSentimentModel: {
        let analysisJobId = item.data.analysisJobId;
        if (!analysisJobId) {
          if (!(await this.training.hasNewCorrections())) {
            return { skipped: 'no sentiment corrections since the last model' };
          }
          analysisJobId = await this.jobs.create('train-sentiment');
        }
        try {
          return (await this.training.run(analysisJobId)) ?? { skipped: 'superseded' };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.logger.error(`Sentiment training ${analysisJobId} failed: ${message}`);
          if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
            await this.jobs.fail(analysisJobId, message);
          }
          throw error;
        }
      }
      default:
        return unexpectedJob(QueueName.Models, item.name);
    }
  }
}
