import { Module } from '@nestjs/common';
import { AlertDeliveriesRepository } from './alert-deliveries.repository.js';
import { EmailSender } from './email.sender.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { ReportDeliveryRelay } from './report-delivery.port.js';
import { TelegramSender } from './telegram.sender.js';
import { WebhookSender } from './webhook.sender.js';

/** The `notifications` queue's worker, the three channels it sends alerts through, and the daily report's port. */
@Module({
  providers: [
    AlertDeliveriesRepository,
    TelegramSender,
    EmailSender,
    WebhookSender,
    ReportDeliveryRelay,
    NotificationsProcessor,
  ],
  exports: [TelegramSender, EmailSender, ReportDeliveryRelay],
})
export class NotificationsModule {}
