import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { BriefsModule } from '../briefs/briefs.module.js';
import { IssuesModule } from '../issues/issues.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { DailyReportBuilder } from './daily-report.builder.js';
import { DailyReportExports } from './daily-report.exports.js';
import { DailyReportScheduler } from './daily-report.scheduler.js';
import { DailyReportsRepository } from './daily-reports.repository.js';
import { DailyReportsService } from './daily-reports.service.js';
import { ReportDeliveries } from './report-delivery.handler.js';
import { ReportsController } from './reports.controller.js';

/**
 * The daily report (Laporan Harian Monitoring Isu): built from the issues, stats, alerts and dispositions services,
 * stored once per date (daily_reports), scheduled, delivered through the notifications queue (report_deliveries).
 */
@Module({
  imports: [IssuesModule, StatsModule, AlertsModule, NotificationsModule, BriefsModule],
  controllers: [ReportsController],
  providers: [
    DailyReportBuilder,
    DailyReportsRepository,
    DailyReportsService,
    DailyReportExports,
    DailyReportScheduler,
    ReportDeliveries,
  ],
  exports: [DailyReportsService],
})
export class ReportsModule {}
