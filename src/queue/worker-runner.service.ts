import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Worker } from 'bullmq';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { QueueName } from './queue-names.js';

/**
 * Starts every BullMQ worker (processors are registered with `autorun: false`) in processes whose
 * role runs workers, with concurrency from validated config. @nestjs/bullmq closes them on
 * shutdown, letting active jobs finish (or return to the queue if the process dies).
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerRunner.name);

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
      worker.concurrency = this.concurrencyFor(worker.name as QueueName);
      this.applyLockSettings(worker);
      worker.run().catch((error: unknown) => this.logger.error(`Worker ${worker.name} stopped: ${String(error)}`));
      this.logger.log(`Worker for queue "${worker.name}" started (concurrency ${worker.concurrency})`);
    }
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
