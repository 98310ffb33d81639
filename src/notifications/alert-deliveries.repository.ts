import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AlertEvidence, StoredAlertChannel } from '../alerts/alert.types.js';

export type DeliveryStatus = 'pending' | 'retrying' | 'sent' | 'failed';

/** One delivery with what sending it needs. */
export interface DeliveryWork {
  id: string;
  alertId: string;
  ruleId: string;
  alertCreatedAt: string;
  channel: StoredAlertChannel;
  status: DeliveryStatus;
  attempts: number;
  evidence: AlertEvidence;
}

/** The alert_deliveries rows: claimed, attempted and settled by the notifications worker. */
@Injectable()
export class AlertDeliveriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(id: string): Promise<DeliveryWork | null> {
    const rows = await this.db.query<(Omit<DeliveryWork, 'alertCreatedAt'> & { alertCreatedAt: Date })[]>(
      `SELECT d.id, d.alert_id AS "alertId", a.rule_id AS "ruleId", a.created_at AS "alertCreatedAt", d.channel,
              d.status, d.attempts, a.evidence
         FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { ...row, alertCreatedAt: row.alertCreatedAt.toISOString() } : null;
  }

  /** Counts the attempt before sending: a worker that dies mid-send still leaves it counted. */
  async startAttempt(id: string): Promise<number> {
    const rows = await this.db.query<[{ attempts: number }[], number]>(
      `UPDATE alert_deliveries SET attempts = attempts + 1, last_attempt_at = now() WHERE id = $1 RETURNING attempts`,
      [id],
    );
    return rows[0][0]?.attempts ?? 0;
  }

  /** `note` is kept with a successful delivery (e.g. some e-mail recipients refused), else cleared. */
  async markSent(id: string, note: string | null = null): Promise<void> {
    await this.db.query(`UPDATE alert_deliveries SET status = 'sent', sent_at = now(), last_error = $2 WHERE id = $1`, [
      id,
      note,
    ]);
  }

  async markFailure(id: string, status: 'retrying' | 'failed', error: string): Promise<void> {
    await this.db.query(`UPDATE alert_deliveries SET status = $2, last_error = $3 WHERE id = $1 AND status <> 'sent'`, [
      id,
      status,
      error.slice(0, 1000),
    ]);
  }
}
