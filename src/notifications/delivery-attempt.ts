import type { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DeliveryError } from './delivery-error.js';

export interface DeliveryResult {
  status: 'sent' | 'skipped';
  detail?: string;
}

/** Where one delivery's attempts and outcome are logged (alert_deliveries, report_deliveries). */
export interface DeliveryLedger {
  startAttempt(id: string): Promise<number>;
  markSent(id: string, note: string | null): Promise<void>;
  markFailure(id: string, status: 'retrying' | 'failed', error: string): Promise<void>;
}

/**
 * One attempt of one delivery: counted before sending (a worker that dies mid-send still leaves it counted); a
 * permanent failure (DeliveryError.permanent) or the job's last attempt is recorded as failed and ends the job
 * (UnrecoverableError); any other failure is recorded as retrying and rethrown for BullMQ's back-off.
 */
export async function attemptDelivery(
  ledger: DeliveryLedger,
  id: string,
  job: Job,
  label: string,
  logger: Logger,
  send: () => Promise<string | null>,
): Promise<DeliveryResult> {
  const attempt = await ledger.startAttempt(id);
  try {
    await ledger.markSent(id, await send());
    return { status: 'sent' };
  } catch (error) {
    const failure =
      error instanceof DeliveryError ? error : new DeliveryError('Pengiriman gagal karena kesalahan tak terduga.');
    if (!(error instanceof DeliveryError)) {
      logger.error(`Delivery ${id} (${label}) failed unexpectedly: ${String(error)}`);
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (failure.permanent || lastAttempt) {
      await ledger.markFailure(id, 'failed', failure.message);
      logger.warn(`Delivery ${id} (${label}) failed after attempt ${attempt}: ${failure.message}`);
      throw new UnrecoverableError(failure.message);
    }
    await ledger.markFailure(id, 'retrying', failure.message);
    throw failure;
  }
}
