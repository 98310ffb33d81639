import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { DemoStreamService } from './demo-stream.service.js';
import { SourceScheduler } from './source-scheduler.service.js';
import { SourcesRepository } from './sources.repository.js';

/**
 * At start of a process that runs workers: set up the demo stream (per PANTAU_DEMO), then make the
 * BullMQ job schedulers match the sources table. In this order, so the reconcile sees the demo source.
 */
@Injectable()
export class SourcesBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(SourcesBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demo: DemoStreamService,
    private readonly scheduler: SourceScheduler,
    private readonly sources: SourcesRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'api') {
      return;
    }
    try {
      await this.demo.setUp();
    } catch (error) {
      // The demo must never stop the system from starting.
      this.logger.error(`Demo stream setup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.scheduler.reconcile(await this.sources.findActive());
  }
}
