import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { webhookSecretKeyId } from '../alerts/alert-channels.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { NotificationsQueueJob } from '../queue/job-payloads.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { unexpectedJob } from '../queue/unexpected-job.js';
import { CredentialsCipher } from '../sources/credentials-cipher.js';
import { AlertDeliveriesRepository, type DeliveryWork } from './alert-deliveries.repository.js';
import { renderEmail, renderTelegram, renderWebhook } from './alert-message.renderer.js';
import { attemptDelivery, type DeliveryResult } from './delivery-attempt.js';
import { EmailSender } from './email.sender.js';
import { notificationBackoff } from './notification-backoff.js';
import { ReportDeliveryRelay } from './report-delivery.port.js';
import { TelegramSender } from './telegram.sender.js';
import { WebhookSender } from './webhook.sender.js';

export type DeliverAlertResult = DeliveryResult;

/**
 * Sends one alert to one channel. Each attempt is counted on the delivery row; a permanent failure
 * (DeliveryError.permanent) fails the job at once, recorded; a transient one is retried with
 * the custom back-off (the server's retry_after, else exponential), and recorded as failed after the last attempt.
 */
@Processor(QueueName.Notifications, { autorun: false, settings: { backoffStrategy: notificationBackoff } })
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private readonly cipher: CredentialsCipher;

  constructor(
    private readonly deliveries: AlertDeliveriesRepository,
    private readonly telegram: TelegramSender,
    private readonly email: EmailSender,
    private readonly webhook: WebhookSender,
    private readonly reports: ReportDeliveryRelay,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.cipher = new CredentialsCipher(config.secret);
  }

  async process(job: Job): Promise<DeliverAlertResult> {
    const item = { name: job.name, data: job.data } as NotificationsQueueJob;
    switch (item.name) {
      case JobName.DeliverAlert:
        return this.deliver(item.data.deliveryId, job);
      case JobName.DeliverReport:
        return this.reports.deliver(item.data.deliveryId, job);
      default:
        return unexpectedJob(QueueName.Notifications, item);
    }
  }

  private async deliver(deliveryId: string, job: Job): Promise<DeliverAlertResult> {
    const work = await this.deliveries.load(deliveryId);
    if (!work) {
      return { status: 'skipped', detail: 'peringatan sudah dihapus' };
    }
    if (work.status === 'sent' || work.status === 'failed') {
      return { status: 'skipped', detail: `sudah berstatus ${work.status}` };
    }
    return attemptDelivery(this.deliveries, deliveryId, job, work.channel.type, this.logger, () => this.send(work));
  }

  /** Returns a note to keep with a successful delivery (e.g. some e-mail recipients refused). */
  private async send(work: DeliveryWork): Promise<string | null> {
    const channel = work.channel;
    switch (channel.type) {
      case 'telegram':
        await this.telegram.send(channel.chatId, renderTelegram(work.evidence));
        return null;
      case 'email': {
        const { rejected } = await this.email.send(channel.to, renderEmail(work.evidence));
        return rejected.length > 0 ? `Sebagian penerima ditolak server e-mail: ${rejected.join(', ')}` : null;
      }
      case 'webhook': {
        const secret = channel.secretEncrypted
          ? this.cipher.decrypt(webhookSecretKeyId(work.ruleId), channel.secretEncrypted).secret
          : undefined;
        const payload = renderWebhook(
          { id: work.alertId, deliveryId: work.id, createdAt: work.alertCreatedAt },
          work.evidence,
          new Date(),
        );
        await this.webhook.send(
          channel.url,
          JSON.stringify(payload),
          { 'x-pantau-event': 'alert.created', 'x-pantau-delivery': work.id },
          secret,
        );
        return null;
      }
    }
  }
}
