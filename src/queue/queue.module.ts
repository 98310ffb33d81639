import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import type { QueueBackend } from './queue-backend.js';
import { ALL_QUEUES } from './queue-names.js';
import { DEFAULT_JOB_OPTIONS } from './queue-backend.js';
import { JobQueues } from './job-queues.service.js';
import { WorkerRunner } from './worker-runner.service.js';

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

/**
 * BullMQ through @nestjs/bullmq on the backend chosen at boot (see queue-backend.ts).
 * Processors are declared with `autorun: false`; WorkerRunner starts them only in a process
 * whose role runs workers, so the API process can enqueue without consuming.
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  constructor(
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
    private readonly queues: JobQueues,
  ) {}

  /** After @nestjs/bullmq has closed the workers: close the producers' connections, then the backend's own. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.all().map((queue) => queue.close()));
    await this.backend.close();
  }

  static forRoot(backend: QueueBackend): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        DiscoveryModule,
        BullModule.forRoot({
          connection: backend.connection as never,
          prefix: backend.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
      ],
      providers: [{ provide: QUEUE_BACKEND, useValue: backend }, JobQueues, WorkerRunner],
      exports: [BullModule, QUEUE_BACKEND, JobQueues],
    };
  }
}
