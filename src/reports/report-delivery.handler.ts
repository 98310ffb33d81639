import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { attemptDelivery, type DeliveryResult } from '../notifications/delivery-attempt.js';
import { EmailSender } from '../notifications/email.sender.js';
import { ReportDeliveryRelay, type ReportDeliveryHandler } from '../notifications/report-delivery.port.js';
import { TelegramSender } from '../notifications/telegram.sender.js';
import { DailyReportsRepository, type ReportDeliveryWork } from './daily-reports.repository.js';
import { DailyReportExports } from './daily-report.exports.js';
import { renderReportEmail, renderReportTelegram, reportLink } from './report-message.renderer.js';

/** Sends one logged delivery of a daily report through the alerts' Telegram and e-mail channels. */
@Injectable()
export class ReportDeliveries implements ReportDeliveryHandler, OnModuleInit {
  private readonly logger = new Logger(ReportDeliveries.name);

  constructor(
    private readonly relay: ReportDeliveryRelay,
    private readonly reports: DailyReportsRepository,
    private readonly telegram: TelegramSender,
    private readonly email: EmailSender,
    private readonly exports: DailyReportExports,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.relay.attach(this);
  }

  async deliver(deliveryId: string, job: Job): Promise<DeliveryResult> {
    const work = await this.reports.loadDelivery(deliveryId);
    if (!work) {
      return { status: 'skipped', detail: 'laporan sudah dihapus' };
    }
    if (work.status === 'sent' || work.status === 'failed') {
      return { status: 'skipped', detail: `sudah berstatus ${work.status}` };
    }
    return attemptDelivery(this.reports, deliveryId, job, `report ${work.channel}`, this.logger, () => this.send(work));
  }

  private async send(work: ReportDeliveryWork): Promise<string | null> {
    const link = reportLink(this.config.publicUrl, work.reportId);
    switch (work.channel) {
      case 'telegram':
        await this.telegram.send(work.recipient, renderReportTelegram(work.content, link));
        return null;
      case 'email':
        await this.email.send([work.recipient], {
          ...renderReportEmail(work.content, link),
          attachments: await this.exports.attachments(work.content),
        });
        return null;
      case 'inbox':
        return null;
    }
  }
}
