/**
 * The detection worker: passes run on the 'detection' queue (a BullMQ job scheduler every few minutes, and
 * `POST /api/issues/detect`). One detector holds the state, so exactly one process consumes the queue: worker
 * processes compete for a PostgreSQL advisory lock held on a dedicated connection, and only the holder runs a BullMQ
 * Worker. If it dies, its connection closes, the lock frees and another worker process takes over (restoring the
 * detector from the database).
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import pg from 'pg';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { DetectionQueueJob } from '../queue/job-payloads.js';
import { JobQueues } from '../queue/job-queues.service.js';
import type { QueueBackend } from '../queue/queue-backend.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { QUEUE_BACKEND } from '../queue/queue.module.js';
import { unexpectedJob } from '../queue/unexpected-job.js';
import { closeWithoutWaiting, waitAtMost } from '../queue/worker-shutdown.js';
import { DetectionEngine, type PassSummary } from './detection-engine.service.js';

/** Kept from when the interval was fixed at 3 minutes: upsertJobScheduler updates the same scheduler. */
const SCHEDULER_ID = 'detection-pass-every-3-minutes';
const LEADER_LOCK = 'pantau:detection-leader';
const LEADER_RETRY_MS = 15_000;
/** How long shutdown waits for a detection pass under way before the worker is closed. */
const SHUTDOWN_PASS_WAIT_MS = 30_000;
/** How long a stopping detection worker waits for BullMQ to finish opening its connections before closing it. */
const WORKER_READY_WAIT_MS = 5_000;

@Injectable()
export class DetectionProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DetectionProcessor.name);
  private worker: Worker | null = null;
  private lockClient: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  /** The election attempt under way (a retry runs from a timer): shutdown waits for it. */
  private attempt: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly engine: DetectionEngine,
    private readonly queues: JobQueues,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'api') {
      return;
    }
    await this.queues
      .queue(QueueName.Detection)
      .upsertJobScheduler(
        SCHEDULER_ID,
        { every: this.config.detectionIntervalSeconds * 1000 },
        { name: JobName.DetectionPass, data: { trigger: 'scheduled' } },
      );
    this.attempt = this.tryLead();
    await this.attempt;
  }

  private async tryLead(): Promise<void> {
    if (this.stopping || this.worker) {
      return;
    }
    try {
      if (!this.lockClient) {
        const client = new pg.Client({ connectionString: this.config.databaseUrl, connectionTimeoutMillis: 10_000 });
        client.on('error', (err) => {
          this.logger.warn(`Detection leader connection lost: ${String(err)}`);
          void this.stepDown();
        });
        await client.connect();
        if (this.stopping) {
          // Shutdown began while connecting: this client would outlive the application (an open handle).
          await client.end().catch(() => undefined);
          return;
        }
        this.lockClient = client;
      }
      const { rows } = await this.lockClient.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        LEADER_LOCK,
      ]);
      if (this.stopping) {
        return; // the lock client is ended by beforeApplicationShutdown, after this attempt
      }
      if (rows[0]?.ok) {
        this.startWorker();
        return;
      }
    } catch (err) {
      this.logger.warn(`Detection leader election failed: ${String(err)}`);
      await this.lockClient?.end().catch(() => undefined);
      this.lockClient = null;
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.stopping) {
      this.retry = setTimeout(() => {
        this.attempt = this.tryLead();
      }, LEADER_RETRY_MS);
    }
  }

  private startWorker(): void {
    const lockMs = this.config.jobLockSeconds * 1000;
    this.worker = new Worker(QueueName.Detection, (job) => this.process(job), {
      connection: this.backend.connection as never,
      prefix: this.backend.prefix,
      concurrency: 1,
      autorun: true,
      lockDuration: Math.max(lockMs, 60_000),
      stalledInterval: Math.max(lockMs, 60_000),
    });
    this.worker.on('error', (err) => this.logger.error(`Detection worker: ${String(err)}`));
    this.logger.log('This process runs the detection worker (leader)');
  }

  private async stepDown(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.close().catch(() => undefined);
    await this.lockClient?.end().catch(() => undefined);
    this.lockClient = null;
    this.scheduleRetry();
  }

  async process(job: Job): Promise<PassSummary> {
    const item = { name: job.name, data: job.data } as DetectionQueueJob;
    switch (item.name) {
      case JobName.DetectionPass:
        return this.engine.pass(item.data.now);
      default:
        return unexpectedJob(QueueName.Detection, item.name);
    }
  }

  /** Before the queue connections and the database close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.retry) {
      clearTimeout(this.retry);
    }
    await this.attempt;
    if (this.worker) {
      // The pass under way finishes (bounded), then the worker closes without waiting on BullMQ's view of its job:
      // after Redis lost its data (a restart without persistence) that job can no longer be finished, and a plain
      // close() would wait for it forever.
      // A restore under way stops at its next slice (a few milliseconds), a pass past its restore finishes.
      this.engine.stop();
      await this.engine.whenIdle(SHUTDOWN_PASS_WAIT_MS);
      // As in WorkerRunner: BullMQ's PostgreSQL backend opens and names the worker's LISTEN connection from its
      // constructor without awaiting it; a close before that finished left the connection open after the stop
      // (idle, application_name "detection": test/resilience/clean-shutdown.e2e-spec.ts).
      // Bounded: after Redis went away (test/resilience/service-restart) the worker never becomes ready, and an
      // unbounded wait held the application's stop past the suite's 150 s teardown in CI.
      await waitAtMost(this.worker.waitUntilReady(), WORKER_READY_WAIT_MS);
      await closeWithoutWaiting(this.worker);
      await this.engine
        .saveBaselines()
        .catch((err: unknown) => this.logger.warn(`Baselines not saved: ${String(err)}`));
      // The next start then feeds only what arrives meanwhile (docs/operations.md, "Detector restore").
      await this.engine
        .saveSnapshot(true)
        .catch((err: unknown) => this.logger.warn(`Detector snapshot not saved: ${String(err)}`));
    }
    await this.lockClient?.end().catch(() => undefined);
  }
}
