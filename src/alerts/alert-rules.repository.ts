import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AlertConditions, AlertRule, StoredAlertChannel } from './alert.types.js';

export interface AlertRuleRecord extends AlertRule {
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Counted, never acted upon: false positives tune nothing by themselves. */
  stats: { alerts: number; acknowledged: number; falsePositives: number; lastAlertAt: string | null };
}

interface RuleRow {
  id: string;
  name: string;
  conditions: AlertConditions;
  channels: StoredAlertChannel[];
  cooldown_minutes: number;
  active: boolean;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  alerts: string;
  acknowledged: string;
  false_positives: string;
  last_alert_at: Date | null;
}

const SELECT_RULE = `
  SELECT r.id, r.name, r.conditions, r.channels, r.cooldown_minutes, r.active, u.username AS created_by_name,
         r.created_at, r.updated_at,
         count(a.id) AS alerts,
         count(a.id) FILTER (WHERE a.acknowledged_at IS NOT NULL) AS acknowledged,
         count(a.id) FILTER (WHERE a.false_positive) AS false_positives,
         max(a.created_at) AS last_alert_at
    FROM alert_rules r
    LEFT JOIN users u ON u.id = r.created_by
    LEFT JOIN alerts a ON a.rule_id = r.id`;
const GROUP_RULE = `GROUP BY r.id, u.username`;

function toRecord(row: RuleRow): AlertRuleRecord {
  return {
    id: row.id,
    name: row.name,
    conditions: row.conditions,
    channels: row.channels,
    cooldownMinutes: row.cooldown_minutes,
    active: row.active,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    stats: {
      alerts: Number(row.alerts),
      acknowledged: Number(row.acknowledged),
      falsePositives: Number(row.false_positives),
      lastAlertAt: row.last_alert_at ? row.last_alert_at.toISOString() : null,
    },
  };
}

export interface AlertRuleWrite {
  name: string;
  conditions: AlertConditions;
  channels: StoredAlertChannel[];
  cooldownMinutes: number;
  active: boolean;
}

@Injectable()
export class AlertRulesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<AlertRuleRecord[]> {
    const rows = await this.db.query<RuleRow[]>(`${SELECT_RULE} ${GROUP_RULE} ORDER BY r.created_at, r.id`);
    return rows.map(toRecord);
  }

  async get(id: string): Promise<AlertRuleRecord | null> {
    const rows = await this.db.query<RuleRow[]>(`${SELECT_RULE} WHERE r.id = $1 ${GROUP_RULE}`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async active(): Promise<AlertRule[]> {
    const rows = await this.db.query<
      Pick<RuleRow, 'id' | 'name' | 'conditions' | 'channels' | 'cooldown_minutes' | 'active'>[]
    >(
      `SELECT id, name, conditions, channels, cooldown_minutes, active FROM alert_rules WHERE active ORDER BY created_at, id`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      conditions: row.conditions,
      channels: row.channels,
      cooldownMinutes: row.cooldown_minutes,
      active: row.active,
    }));
  }

  async insert(id: string, rule: AlertRuleWrite, createdBy: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO alert_rules (id, name, conditions, channels, cooldown_minutes, active, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        rule.name,
        JSON.stringify(rule.conditions),
        JSON.stringify(rule.channels),
        rule.cooldownMinutes,
        rule.active,
        createdBy,
      ],
    );
  }

  async update(id: string, rule: AlertRuleWrite): Promise<void> {
    await this.db.query(
      `UPDATE alert_rules SET name = $2, conditions = $3, channels = $4, cooldown_minutes = $5, active = $6, updated_at = now()
        WHERE id = $1`,
      [
        id,
        rule.name,
        JSON.stringify(rule.conditions),
        JSON.stringify(rule.channels),
        rule.cooldownMinutes,
        rule.active,
      ],
    );
  }

  async delete(id: string): Promise<boolean> {
    const [, affected] = await this.db.query<[unknown, number]>(`DELETE FROM alert_rules WHERE id = $1`, [id]);
    return affected > 0;
  }
}
