import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AlertRulesController } from './alert-rules.controller.js';
import { AlertRulesRepository } from './alert-rules.repository.js';
import { AlertRulesService } from './alert-rules.service.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsRepository } from './alerts.repository.js';
import { AlertsService } from './alerts.service.js';
import { IssueAlertsListener } from './issue-alerts.listener.js';

/**
 * Alert rules, alerts raised on issue events, and their delivery through the notifications queue.
 * The rules controller is registered first so `/alerts/rules` is not read as an alert id.
 */
@Module({
  imports: [NotificationsModule],
  controllers: [AlertRulesController, AlertsController],
  providers: [AlertRulesRepository, AlertRulesService, AlertsRepository, AlertsService, IssueAlertsListener],
  exports: [AlertsService],
})
export class AlertsModule {}
