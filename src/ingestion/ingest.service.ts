import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { maskPii, maskPiiDeep, maskUrl } from '../analysis/index.js';
import type { IngestPostPayload } from './ingest-post.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { JobQueues } from '../queue/job-queues.service.js';
import { AnalysisPool } from './analysis-pool/analysis-pool.js';
import { PostStore, StoreBatchOutcome } from './post-store.repository.js';
import type { AnalysedPost } from './stored-post.js';
import { StaleAnalysisError } from '../topics/configuration-fence.js';

/** Analyses of one batch before it fails (BullMQ retries it) when the configuration keeps changing under it. */
const STALE_ANALYSIS_ATTEMPTS = 3;

export type IngestJobState = 'waiting' | 'active' | 'completed' | 'failed';

export interface IngestJobStatus {
  state: IngestJobState;
  stored?: number;
  duplicates?: number;
  /** Why it failed, when it did (the last attempt's error). */
  error?: string;
  /** Attempts made so far (a failed job is kept, dead-lettered, in the queue's failed list for 14 days). */
  attempts?: number;
}

export interface PushSource {
  id: string;
  name: string;
}

export interface FoundOrCreatedPushSource extends PushSource {
  /** True when this call created it (the caller records that in the audit log). */
  created: boolean;
}

/**
 * Ingestion, from both ends: producers (the HTTP ingest API, connectors, imports, the demo
 * stream) enqueue batches here; the ingest worker analyses and stores them here.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly store: PostStore,
    private readonly analysis: AnalysisPool,
  ) {}

  /**
   * Queues one batch (1–1,000 posts) for the ingest worker and returns the job id. Personal data is
   * masked before the batch enters the queue, so it never rests in Redis or the queue tables.
   */
  async enqueueBatch(sourceId: string, posts: IngestPostPayload[], options: { demo?: boolean } = {}): Promise<string> {
    const jobId = randomUUID();
    await this.queues.enqueue(
      JobName.IngestBatch,
      { sourceId, posts: posts.map(maskPayload), demo: options.demo },
      { jobId },
    );
    return jobId;
  }

  /** The push source of that name, created (type `push`) when absent; race-safe across processes. */
  async findOrCreatePushSource(name: string): Promise<FoundOrCreatedPushSource> {
    const created = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO sources (name, type, interval_seconds) VALUES ($1, 'push', 300)
       ON CONFLICT (lower(name)) WHERE status <> 'deleted' DO NOTHING RETURNING id`,
      [name],
    );
    const [source] = await this.dataSource.query<PushSource[]>(
      `SELECT id, name FROM sources WHERE lower(name) = lower($1) AND status <> 'deleted'`,
      [name],
    );
    return { ...source, created: created.length > 0 };
  }

  async findActiveSourceByName(name: string): Promise<(PushSource & { type: string }) | undefined> {
    const [source] = await this.dataSource.query<(PushSource & { type: string })[]>(
      `SELECT id, name, type FROM sources WHERE lower(name) = lower($1) AND status <> 'deleted'`,
      [name],
    );
    return source;
  }

  async jobStatus(jobId: string): Promise<IngestJobStatus & { sourceId: string }> {
    // The queue first, the batch record second: a job completes only after its batch committed,
    // so reading in this order never reports "completed" without the stored counts.
    const read = await this.queues.jobWithState(QueueName.Ingest, jobId);
    const job = read?.job;
    const state = read?.state;
    const [done] = await this.dataSource.query<{ stored: number; duplicates: number; source_id: string }[]>(
      'SELECT stored, duplicates, source_id FROM ingest_batches WHERE job_id = $1',
      [jobId],
    );
    if (done) {
      return { state: 'completed', stored: done.stored, duplicates: done.duplicates, sourceId: done.source_id };
    }
    if (!job) {
      throw new NotFoundException(`Pekerjaan ingest ${jobId} tidak ditemukan`);
    }
    const sourceId = (job.data as { sourceId: string }).sourceId;
    if (state === 'failed') {
      return { state: 'failed', error: job.failedReason, attempts: job.attemptsMade, sourceId };
    }
    return { state: state === 'active' ? 'active' : 'waiting', sourceId };
  }

  /**
   * The worker side: analyse every post with the analyzer in force (in an analysis thread, so that the event loop
   * writes another batch meanwhile), then store the batch in one transaction.
   */
  async processBatch(
    jobId: string,
    sourceId: string,
    posts: IngestPostPayload[],
    demo = false,
  ): Promise<StoreBatchOutcome> {
    const started = Date.now();
    const outcome = await this.analyseAndStore(jobId, sourceId, posts, demo);
    this.logger.log(
      `Batch ${jobId}: ${outcome.stored} stored, ${outcome.duplicates} duplicates in ${Date.now() - started} ms`,
    );
    return outcome;
  }

  /**
   * Analyses and stores one batch. The batch's transaction refuses analyses made under a configuration that is no
   * longer in force (a topic created or rules changed meanwhile, in any process: src/topics/configuration-fence.ts);
   * the batch is then analysed again with a fresh analyzer, at most STALE_ANALYSIS_ATTEMPTS times in all.
   */
  private async analyseAndStore(
    jobId: string,
    sourceId: string,
    posts: IngestPostPayload[],
    demo: boolean,
  ): Promise<StoreBatchOutcome> {
    const texts = posts.map((post) => post.text);
    for (let attempt = 1; ; attempt++) {
      const { analyses, version } = await this.analysis.analyzeVersioned(texts, { fresh: attempt > 1 });
      const analysed: AnalysedPost[] = posts.map((post, index) => ({ post, analysis: analyses[index] }));
      try {
        return await this.store.storeBatch(jobId, sourceId, analysed, { demo, analysedWith: version });
      } catch (error) {
        if (!(error instanceof StaleAnalysisError) || attempt >= STALE_ANALYSIS_ATTEMPTS) {
          throw error;
        }
        this.logger.log(`Batch ${jobId}: analysis configuration changed, analysing again`);
      }
    }
  }
}

const EMAIL_OR_PHONE = /@|\d{6,}/;

function maskPayload(post: IngestPostPayload): IngestPostPayload {
  return {
    ...post,
    text: maskPii(post.text),
    // Handles are public, but some platforms use e-mail addresses or phone numbers as names.
    author: post.author && EMAIL_OR_PHONE.test(post.author) ? maskPii(post.author) : post.author,
    url: maskUrl(post.url),
    raw: post.raw === undefined ? undefined : maskPiiDeep(post.raw),
  };
}
