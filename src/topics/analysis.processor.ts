import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import type { AnalysisQueueJob } from '../queue/job-payloads.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { unexpectedJob } from '../queue/unexpected-job.js';
import { AnalysisJobsRepository } from './analysis-jobs.repository.js';
import { BackfillOutcome, HistoryBackfillService } from './history-backfill.service.js';

/** Topic backfills and re-analyses of stored posts; progress lives in analysis_jobs. */
@Processor(QueueName.Analysis, { autorun: false })
export class AnalysisProcessor extends WorkerHost {
  private readonly logger = new Logger(AnalysisProcessor.name);

  constructor(
    private readonly backfill: HistoryBackfillService,
    private readonly jobs: AnalysisJobsRepository,
  ) {
    super();
  }

  async process(job: Job): Promise<BackfillOutcome> {
    const item = { name: job.name, data: job.data } as AnalysisQueueJob;
    try {
      switch (item.name) {
        case JobName.TopicBackfill:
          return await this.backfill.runTopicBackfill(item.data.analysisJobId);
        case JobName.ReanalyzePosts:
          return await this.backfill.runReanalysis(item.data.analysisJobId);
        default:
          return unexpectedJob(QueueName.Analysis, item);
      }
    } catch (error) {
      // The job resumes from its cursor on the next attempt; the last attempt records the failure.
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Analysis job ${job.id} (${job.name}) failed: ${message}`);
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1) && 'analysisJobId' in (job.data ?? {})) {
        await this.jobs.fail((job.data as { analysisJobId: string }).analysisJobId, message);
      }
      throw error;
    }
  }
}
