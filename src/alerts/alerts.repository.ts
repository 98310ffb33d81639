import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cooldownDecision } from './alert-rule-evaluator.js';
import { channelTarget } from './alert-channels.js';
import type { AlertEvidence, AlertRule, StoredAlertChannel } from './alert.types.js';

export interface DeliveryView {
  id: string;
  channelType: StoredAlertChannel['type'];
  target: string;
  status: 'pending' | 'retrying' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
}

export interface AlertView {
  id: string;
  rule: { id: string; name: string };
  issueId: string;
  eventType: 'created' | 'updated';
  createdAt: string;
  evidence: AlertEvidence;
  acknowledged: { by: string | null; at: string } | null;
  falsePositive: { by: string | null; at: string } | null;
  note: string | null;
  deliveries: DeliveryView[];
}

export type AlertStatusFilter = 'open' | 'acknowledged' | 'false_positive';

export interface AlertListFilter {
  ruleId?: string;
  issueId?: string;
  status?: AlertStatusFilter;
  limit: number;
  /** created_at|id of the last item of the previous page. */
  cursor?: { createdAt: string; id: string };
}

export type CreateAlertOutcome =
  { created: true; alertId: string; deliveryIds: string[] } | { created: false; nextAllowedAt: string };

interface AlertRow {
  id: string;
  rule_id: string;
  rule_name: string;
  issue_id: string;
  event_type: 'created' | 'updated';
  created_at: Date;
  evidence: AlertEvidence;
  acknowledged_by_name: string | null;
  acknowledged_at: Date | null;
  false_positive: boolean;
  false_positive_by_name: string | null;
  false_positive_at: Date | null;
  note: string | null;
  deliveries: {
    id: string;
    channel: StoredAlertChannel;
    status: DeliveryView['status'];
    attempts: number;
    last_error: string | null;
    last_attempt_at: string | null;
    sent_at: string | null;
  }[];
}

const SELECT_ALERT = `
  SELECT a.id, a.rule_id, r.name AS rule_name, a.issue_id, a.event_type, a.created_at, a.evidence,
         ua.username AS acknowledged_by_name, a.acknowledged_at, a.false_positive,
         uf.username AS false_positive_by_name, a.false_positive_at, a.note,
         COALESCE((SELECT json_agg(json_build_object('id', d.id, 'channel', d.channel, 'status', d.status,
                    'attempts', d.attempts, 'last_error', d.last_error, 'last_attempt_at', d.last_attempt_at,
                    'sent_at', d.sent_at) ORDER BY d.channel_index)
                     FROM alert_deliveries d WHERE d.alert_id = a.id), '[]') AS deliveries
    FROM alerts a
    JOIN alert_rules r ON r.id = a.rule_id
    LEFT JOIN users ua ON ua.id = a.acknowledged_by
    LEFT JOIN users uf ON uf.id = a.false_positive_by`;

const iso = (value: string | null): string | null => (value ? new Date(value).toISOString() : null);

function toView(row: AlertRow): AlertView {
  return {
    id: row.id,
    rule: { id: row.rule_id, name: row.rule_name },
    issueId: row.issue_id,
    eventType: row.event_type,
    createdAt: row.created_at.toISOString(),
    evidence: row.evidence,
    acknowledged: row.acknowledged_at ? { by: row.acknowledged_by_name, at: row.acknowledged_at.toISOString() } : null,
    falsePositive:
      row.false_positive && row.false_positive_at
        ? { by: row.false_positive_by_name, at: row.false_positive_at.toISOString() }
        : null,
    note: row.note,
    deliveries: row.deliveries.map((delivery) => ({
      id: delivery.id,
      channelType: delivery.channel.type,
      target: channelTarget(delivery.channel),
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.last_error,
      lastAttemptAt: iso(delivery.last_attempt_at),
      sentAt: iso(delivery.sent_at),
    })),
  };
}

@Injectable()
export class AlertsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Tracked topics matched by the issue's posts (for rules with topic conditions). */
  async topicIdsOfIssue(issueId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT DISTINCT pt.topic_id AS id FROM issue_posts ip JOIN post_topics pt ON pt.post_id = ip.post_id
        WHERE ip.issue_id = $1`,
      [issueId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Creates the alert and one pending delivery per channel unless the (rule, issue) pair is still in
   * its cooldown. A transaction-scoped advisory lock on the pair makes concurrent events (two
   * detection passes, API and worker processes) create at most one alert per window.
   */
  async createUnlessCoolingDown(
    rule: AlertRule,
    issueId: string,
    eventType: 'created' | 'updated',
    evidence: AlertEvidence,
  ): Promise<CreateAlertOutcome> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('alert-cooldown'), hashtext($1))`, [
        `${rule.id}:${issueId}`,
      ]);
      const [state] = await manager.query<{ last: Date | null; now: Date }[]>(
        `SELECT (SELECT max(created_at) FROM alerts WHERE rule_id = $1 AND issue_id = $2) AS last, now() AS now`,
        [rule.id, issueId],
      );
      const decision = cooldownDecision(state.last, rule.cooldownMinutes, state.now);
      if (!decision.allowed) {
        return { created: false, nextAllowedAt: (decision.nextAllowedAt as Date).toISOString() };
      }
      const [alert] = await manager.query<{ id: string }[]>(
        `INSERT INTO alerts (rule_id, issue_id, event_type, evidence) VALUES ($1, $2, $3, $4) RETURNING id`,
        [rule.id, issueId, eventType, JSON.stringify(evidence)],
      );
      const deliveryIds: string[] = [];
      for (const [index, channel] of rule.channels.entries()) {
        const [delivery] = await manager.query<{ id: string }[]>(
          `INSERT INTO alert_deliveries (alert_id, channel_index, channel_type, channel) VALUES ($1, $2, $3, $4) RETURNING id`,
          [alert.id, index, channel.type, JSON.stringify(channel)],
        );
        deliveryIds.push(delivery.id);
      }
      return { created: true, alertId: alert.id, deliveryIds };
    });
  }

  async markDeliveryUnqueued(deliveryId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE alert_deliveries SET status = 'failed', last_error = $2 WHERE id = $1`, [
      deliveryId,
      error,
    ]);
  }

  async get(id: string): Promise<AlertView | null> {
    const rows = await this.db.query<AlertRow[]>(`${SELECT_ALERT} WHERE a.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async list(filter: AlertListFilter): Promise<{ items: AlertView[]; nextCursor: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.ruleId) {
      add('a.rule_id = ?', filter.ruleId);
    }
    if (filter.issueId) {
      add('a.issue_id = ?', filter.issueId);
    }
    if (filter.status === 'open') {
      where.push('a.acknowledged_at IS NULL AND NOT a.false_positive');
    }
    if (filter.status === 'acknowledged') {
      where.push('a.acknowledged_at IS NOT NULL AND NOT a.false_positive');
    }
    if (filter.status === 'false_positive') {
      where.push('a.false_positive');
    }
    if (filter.cursor) {
      params.push(filter.cursor.createdAt, filter.cursor.id);
      where.push(`(a.created_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows = await this.db.query<AlertRow[]>(
      `${SELECT_ALERT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map(toView);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > filter.limit && last ? Buffer.from(`${last.createdAt}|${last.id}`).toString('base64url') : null,
    };
  }

  /** Sets the verdict once; returns whether anything changed (for the audit log). */
  async acknowledge(id: string, userId: string | null, note: string | undefined): Promise<boolean> {
    const [, affected] = await this.db.query<[unknown, number]>(
      `UPDATE alerts SET acknowledged_by = $2, acknowledged_at = now(), note = COALESCE($3, note)
        WHERE id = $1 AND acknowledged_at IS NULL`,
      [id, userId, note ?? null],
    );
    return affected > 0;
  }

  /** A false positive is also handled: acknowledged at the same time when it was not yet. */
  async markFalsePositive(id: string, userId: string | null, note: string | undefined): Promise<boolean> {
    const [, affected] = await this.db.query<[unknown, number]>(
      `UPDATE alerts SET false_positive = true, false_positive_by = $2, false_positive_at = now(),
              acknowledged_by = COALESCE(acknowledged_by, $2), acknowledged_at = COALESCE(acknowledged_at, now()),
              note = COALESCE($3, note)
        WHERE id = $1 AND NOT false_positive`,
      [id, userId, note ?? null],
    );
    return affected > 0;
  }
}
