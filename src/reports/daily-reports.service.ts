/**
 * Produces the daily report exactly once per date (the UNIQUE key on daily_reports.report_date decides between
 * processes racing for it), regenerates it on demand, and queues its deliveries on the notifications queue.
 */
import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { UsersService } from '../auth/users.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import {
  NOTIFICATION_ATTEMPTS,
  NOTIFICATION_BACKOFF_TYPE,
  NOTIFICATION_BASE_DELAY_MS,
} from '../notifications/notification-backoff.js';
import { JobQueues } from '../queue/job-queues.service.js';
import { JobName } from '../queue/queue-names.js';
import { DailyReportBuilder } from './daily-report.builder.js';
import type { DailyReportListItem, DailyReportView, ReportTrigger } from './daily-report.types.js';
import { DailyReportsRepository, type NewDelivery } from './daily-reports.repository.js';
import { dueReportDate, isReportDate, periodOf } from './report-period.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface GenerationResult {
  id: string;
  reportDate: string;
  /** False when the report of the date existed already (another process, or an earlier run, produced it). */
  created: boolean;
}

@Injectable()
export class DailyReportsService {
  private readonly logger = new Logger(DailyReportsService.name);

  constructor(
    private readonly builder: DailyReportBuilder,
    private readonly reports: DailyReportsRepository,
    private readonly users: UsersService,
    private readonly queues: JobQueues,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The report due at `now` (the scheduler's tick): built and delivered unless it exists. */
  async tick(now: Date, trigger: ReportTrigger): Promise<GenerationResult | null> {
    const date = dueReportDate(now, this.config.reportTime, this.config.timeZone);
    if (await this.reports.existsFor(date)) {
      return null;
    }
    return this.generate(date, trigger, null);
  }

  /** Builds the report of `date` and stores it once; only the process that stored it queues the deliveries. */
  async generate(date: string, trigger: ReportTrigger, userId: string | null): Promise<GenerationResult> {
    const period = periodOf(date, this.config.reportTime, this.config.timeZone);
    const started = Date.now();
    const content = await this.builder.build(period);
    const id = await this.reports.insertOnce(period, content, trigger, userId);
    if (!id) {
      const existing = await this.reports.list(date, date);
      return { id: existing[0].id, reportDate: date, created: false };
    }
    this.logger.log(`Daily report ${date} (${trigger}) built in ${Date.now() - started} ms: ${id}`);
    await this.deliver(id);
    return { id, reportDate: date, created: true };
  }

  /** POST /api/reports/daily: rebuilds the report of `date` (default: the one due now); a new report is delivered. */
  async regenerate(date: string | undefined, actor: Principal): Promise<DailyReportView> {
    const reportDate = date ?? dueReportDate(new Date(), this.config.reportTime, this.config.timeZone);
    if (!isReportDate(reportDate)) {
      throw new BadRequestException(['date: harus tanggal YYYY-MM-DD yang valid']);
    }
    if (reportDate > dueReportDate(new Date(), this.config.reportTime, this.config.timeZone)) {
      throw new BadRequestException([
        'date: laporan untuk tanggal ini belum dapat disusun (periodenya belum berakhir)',
      ]);
    }
    const userId = actor.kind === 'user' ? actor.userId : null;
    const period = periodOf(reportDate, this.config.reportTime, this.config.timeZone);
    const content = await this.builder.build(period);
    let id = await this.reports.replace(period, content, userId);
    if (!id) {
      id = await this.reports.insertOnce(period, content, 'manual', userId);
      if (id) {
        await this.deliver(id);
      } else {
        id = await this.reports.replace(period, content, userId);
      }
    }
    if (!id) {
      throw new Error(`Daily report ${reportDate} could be neither stored nor replaced`);
    }
    await this.audit.record({
      actor,
      action: 'report.regenerate',
      targetType: 'daily-report',
      targetId: id,
      details: { reportDate },
    });
    return this.get(id);
  }

  list(from: string | undefined, to: string | undefined): Promise<DailyReportListItem[]> {
    const problems = [
      ...(from !== undefined && !isReportDate(from) ? ['from: harus tanggal YYYY-MM-DD yang valid'] : []),
      ...(to !== undefined && !isReportDate(to) ? ['to: harus tanggal YYYY-MM-DD yang valid'] : []),
    ];
    if (problems.length > 0) {
      throw new BadRequestException(problems);
    }
    return this.reports.list(from, to);
  }

  async get(id: string): Promise<DailyReportView> {
    const report = UUID.test(id) ? await this.reports.get(id) : null;
    if (!report) {
      throw new NotFoundException('Laporan harian tidak ditemukan');
    }
    return report;
  }

  /** Opted-in pimpinan (inbox, and e-mail/Telegram when filled in) plus the configured addresses and chats. */
  private async deliver(reportId: string): Promise<void> {
    const deliveries: NewDelivery[] = [];
    for (const user of await this.users.dailyReportRecipients()) {
      deliveries.push({ channel: 'inbox', recipient: user.username, userId: user.id });
      if (user.email) {
        deliveries.push({ channel: 'email', recipient: user.email, userId: user.id });
      }
      if (user.telegramChatId) {
        deliveries.push({ channel: 'telegram', recipient: user.telegramChatId, userId: user.id });
      }
    }
    for (const email of this.config.reportEmails) {
      deliveries.push({ channel: 'email', recipient: email, userId: null });
    }
    for (const chat of this.config.reportTelegramChats) {
      deliveries.push({ channel: 'telegram', recipient: chat, userId: null });
    }
    const logged = await this.reports.addDeliveries(reportId, deliveries);
    for (const delivery of logged.filter((d) => d.channel !== 'inbox')) {
      try {
        await this.queues.enqueue(
          JobName.DeliverReport,
          { deliveryId: delivery.id },
          {
            jobId: `report-delivery-${delivery.id}`,
            attempts: NOTIFICATION_ATTEMPTS,
            backoff: { type: NOTIFICATION_BACKOFF_TYPE, delay: NOTIFICATION_BASE_DELAY_MS },
          },
        );
      } catch (error) {
        this.logger.error(`Could not queue report delivery ${delivery.id}: ${String(error)}`);
        await this.reports.markFailure(delivery.id, 'failed', 'Gagal memasukkan pengiriman ke antrean.');
      }
    }
  }
}
