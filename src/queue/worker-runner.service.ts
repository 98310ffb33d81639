import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Worker } from 'bullmq';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { QueueName } from './queue-names.js';
import { closeWithoutWaiting } from './worker-shutdown.js';

/**
 * Starts every BullMQ worker (processors are registered with `autorun: false`) in processes whose
 * role runs workers, with concurrency from validated config, and stops them on shutdown.
 *
 * The stop is bounded: before @nestjs/bullmq's own close (which then finds them closed), each
 * started worker gets at most SHUTDOWN_DRAIN_MS for the jobs it is processing, then is closed
 * without waiting on BullMQ's main loop. After Redis restarted without its data, a plain `close()`
 * waited forever (2 runs in 6 of test/resilience/service-restart) and held the whole application's
 * stop. A job cut off this way is not lost: its lock lapses and another worker runs it again
 * (batches are idempotent: post_keys, ingest_batches).
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);
  private readonly started: { worker: Worker; active: Set<string> }[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const host: unknown = wrapper.instance;
      if (!(host instanceof WorkerHost)) {
        continue;
      }
      const worker = host.worker;
      if (this.config.role === 'api') {
        // An API process only produces: release what the never-run worker holds (the PostgreSQL
        // backend opens connections for it). Only once it is ready: BullMQ's PostgreSQL backend names
        // its LISTEN connection from the worker's constructor, without awaiting; a close before that
        // finished left a connection opened after the close (idle, named after the queue), which
        // kept the database busy and the process alive (an open handle; jest needed forceExit).
        await worker.waitUntilReady().catch(() => undefined);
        await worker.close();
        continue;
      }
      this.reportErrors(worker);
      this.started.push({ worker, active: trackActiveJobs(worker) });
      worker.concurrency = this.concurrencyFor(worker.name as QueueName);
      this.applyLockSettings(worker);
      worker.run().catch((error: unknown) => this.logger.error(`Worker ${worker.name} stopped: ${String(error)}`));
      this.logger.log(`Worker for queue "${worker.name}" started (concurrency ${worker.concurrency})`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.started.splice(0).map(async ({ worker, active }) => {
        const drained = await waitUntilEmpty(active, SHUTDOWN_DRAIN_MS);
        if (!drained) {
          this.logger.warn(`Worker ${worker.name}: ${active.size} job(s) still running after ${SHUTDOWN_DRAIN_MS} ms`);
        }
        await closeWithoutWaiting(worker);
      }),
    );
  }

  /**
   * A worker without an 'error' listener has BullMQ print every error with its whole stack (and the pg client it
   * came from) to the console. Log its message instead, at most once per queue every 10 s (a database outage raises
   * one per connection); messages are the driver's, never a query's parameters.
   */
  private reportErrors(worker: Worker): void {
    let last = 0;
    let suppressed = 0;
    worker.on('error', (error: unknown) => {
      const now = Date.now();
      if (now - last < 10_000) {
        suppressed++;
        return;
      }
      last = now;
      const message = typeof error === 'object' && error !== null ? String((error as Error).message) : String(error);
      const more = suppressed > 0 ? ` (${suppressed} more since the last report)` : '';
      suppressed = 0;
      this.logger.warn(`Worker ${worker.name}: ${message.slice(0, 300)}${more}`);
    });
  }

  /**
   * Processors declare static options; the lock duration comes from config (shorter in tests, so a
   * job whose worker was killed is retried quickly). BullMQ builds its lock manager from these
   * options, so it is rebuilt here, before the worker runs.
   */
  private applyLockSettings(worker: Worker): void {
    const lockMs = this.config.jobLockSeconds * 1000;
    worker.opts.lockDuration = lockMs;
    worker.opts.lockRenewTime = lockMs / 2;
    worker.opts.stalledInterval = lockMs;
    // After a connection error BullMQ waits this long before fetching again (its default, 15 s, would take a
    // quarter of the recovery budget after a database restart).
    worker.opts.runRetryDelay = 2000;
    (worker as unknown as { createLockManager(): void }).createLockManager();
  }

  private concurrencyFor(queue: QueueName): number {
    switch (queue) {
      case QueueName.Ingest:
        return this.config.ingestConcurrency;
      case QueueName.Maintenance:
        return 1;
      case QueueName.Sources:
        return 4;
      case QueueName.Analysis:
      case QueueName.Models:
        // Long jobs over the whole history: one at a time, so a newer request supersedes an older one cleanly.
        return 1;
      case QueueName.Notifications:
        // Sending waits on remote servers, not on this machine.
        return 4;
      case QueueName.Detection:
        // One detector holds the state: a single consumer (the issues module elects it across processes).
        return 1;
    }
  }
}

/** How long a stopping worker waits for the jobs it is processing (a 1,000-post ingest batch takes under a second). */
const SHUTDOWN_DRAIN_MS = 20_000;

/** Ids of the jobs a worker is processing, kept from its events (BullMQ exposes no such count). */
function trackActiveJobs(worker: Worker): Set<string> {
  const active = new Set<string>();
  worker.on('active', (job) => active.add(String(job.id)));
  const done = (job: { id?: string } | undefined) => job && active.delete(String(job.id));
  worker.on('completed', done);
  worker.on('failed', done);
  return active;
}

async function waitUntilEmpty(active: Set<string>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (active.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return active.size === 0;
}
