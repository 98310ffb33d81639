import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { DeliveryResult } from './delivery-attempt.js';

/** The daily report's side of a `deliver-report` job (implemented by src/reports, which owns report_deliveries). */
export interface ReportDeliveryHandler {
  deliver(deliveryId: string, job: Job): Promise<DeliveryResult>;
}

/**
 * The port the notifications worker calls for report deliveries. The reports module imports this module and
 * attaches its handler at start-up, so the dependency runs reports → notifications only.
 */
@Injectable()
export class ReportDeliveryRelay {
  private handler: ReportDeliveryHandler | null = null;

  attach(handler: ReportDeliveryHandler): void {
    this.handler = handler;
  }

  deliver(deliveryId: string, job: Job): Promise<DeliveryResult> {
    if (!this.handler) {
      throw new UnrecoverableError('Modul laporan harian tidak dimuat di proses ini.');
    }
    return this.handler.deliver(deliveryId, job);
  }
}
