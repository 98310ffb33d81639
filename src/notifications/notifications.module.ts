import { Module } from '@nestjs/common';
import { AlertDeliveriesRepository } from './alert-deliveries.repository.js';
import { EmailSender } from './email.sender.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { TelegramSender } from './telegram.sender.js';
import { WebhookSender } from './webhook.sender.js';

/** The `notifications` queue's worker and the three channels it sends alerts through. */
@Module({
  providers: [AlertDeliveriesRepository, TelegramSender, EmailSender, WebhookSender, NotificationsProcessor],
  exports: [TelegramSender, EmailSender],
})
export class NotificationsModule {}
