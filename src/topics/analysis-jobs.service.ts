import { Injectable } from '@nestjs/common';
import { JobQueues } from '../queue/job-queues.service.js';
import { JobName } from '../queue/queue-names.js';
import { AnalysisJobsRepository, AnalysisJobView } from './analysis-jobs.repository.js';

/** Starts the long analysis jobs over history: a progress row, then a queue job named after it. */
@Injectable()
export class AnalysisJobsService {
  constructor(
    private readonly jobs: AnalysisJobsRepository,
    private readonly queues: JobQueues,
  ) {}

  /** Re-matches one topic against every stored post (after it is created, edited or resumed). */
  async startTopicBackfill(topicId: string, requestedBy: string | null): Promise<AnalysisJobView> {
    const id = await this.jobs.create('topic-backfill', { topicId, requestedBy });
    await this.queues.enqueue(JobName.TopicBackfill, { analysisJobId: id }, { jobId: id });
    return (await this.jobs.view(id)) as AnalysisJobView;
  }

  /** Re-analyses every stored post with the configuration in force (after overrides or rules change). */
  async startReanalysis(requestedBy: string | null): Promise<AnalysisJobView> {
    const id = await this.jobs.create('reanalyze', { requestedBy });
    await this.queues.enqueue(JobName.ReanalyzePosts, { analysisJobId: id }, { jobId: id });
    return (await this.jobs.view(id)) as AnalysisJobView;
  }
}
