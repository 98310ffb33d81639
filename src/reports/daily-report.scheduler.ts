import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { DailyReportsService, type GenerationResult } from './daily-reports.service.js';
import { cronOf } from './report-period.js';

const JOB_NAME = 'daily-report';

/**
 * Fires at PANTAU_REPORT_TIME in the home region's zone (a @nestjs/schedule cron job) in processes that run
 * workers, and catches up at start: the report due now is built when it is missing (the machine was down at the
 * report time). Several processes may fire at once; the report's unique date lets one of them store it.
 */
@Injectable()
export class DailyReportScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DailyReportScheduler.name);
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly reports: DailyReportsService,
    private readonly registry: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') {
      return;
    }
    const job = CronJob.from({
      cronTime: cronOf(this.config.reportTime),
      onTick: () => {
        this.track(this.tick(new Date(), 'scheduled'));
      },
      timeZone: this.config.timeZone,
      start: true,
    });
    this.registry.addCronJob(JOB_NAME, job);
    this.track(this.tick(new Date(), 'catch-up'));
  }

  /** Builds the report due at `now` if it is missing (tests call this with a clock of their own). */
  async tick(now: Date, trigger: 'scheduled' | 'catch-up'): Promise<GenerationResult | null> {
    try {
      return await this.reports.tick(now, trigger);
    } catch (error) {
      this.logger.error(`Daily report (${trigger}) failed: ${String(error)}`);
      return null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('cron', JOB_NAME)) {
      this.registry.deleteCronJob(JOB_NAME);
    }
    await this.running;
  }

  private track(work: Promise<unknown>): void {
    this.running = Promise.all([this.running, work]);
  }
}
