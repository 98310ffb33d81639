import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import type { SourcesQueueJob } from '../queue/job-payloads.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { unexpectedJob } from '../queue/unexpected-job.js';
import { FetchOutcome, SourceFetchService } from './source-fetch.service.js';

@Processor(QueueName.Sources, { autorun: false })
export class SourceFetchProcessor extends WorkerHost {
  constructor(private readonly fetcher: SourceFetchService) {
    super();
  }

  async process(job: Job): Promise<FetchOutcome> {
    const item = { name: job.name, data: job.data } as SourcesQueueJob;
    switch (item.name) {
      case JobName.FetchSource:
        return this.fetcher.fetch(item.data.sourceId, { force: item.data.force ?? false });
      default:
        return unexpectedJob(QueueName.Sources, item.name);
    }
  }
}
