import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import type { IngestBatchResult, IngestQueueJob } from '../queue/job-payloads.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { unexpectedJob } from '../queue/unexpected-job.js';
import { asBatchRefusal } from './batch-refusal.js';
import { IngestService } from './ingest.service.js';

@Processor(QueueName.Ingest, { autorun: false })
export class IngestProcessor extends WorkerHost {
  constructor(private readonly ingest: IngestService) {
    super();
  }

  async process(job: Job): Promise<IngestBatchResult> {
    const item = { name: job.name, data: job.data } as IngestQueueJob;
    switch (item.name) {
      case JobName.IngestBatch: {
        const { sourceId, posts, demo } = item.data;
        try {
          const { stored, duplicates } = await this.ingest.processBatch(job.id as string, sourceId, posts, demo);
          return { stored, duplicates };
        } catch (error) {
          throw asBatchRefusal(error);
        }
      }
      default:
        return unexpectedJob(QueueName.Ingest, item.name);
    }
  }
}
