import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts raised by alert rules, one delivery per channel of the rule (each retried through the
 * `notifications` queue and recorded), and the analysts' verdicts (acknowledged, false positive).
 */
export class Alerts1764000000850 implements MigrationInterface {
  name = 'Alerts1764000000850';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
        issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
        event_type text NOT NULL CHECK (event_type IN ('created', 'updated')),
        created_at timestamptz NOT NULL DEFAULT now(),
        evidence jsonb NOT NULL,
        acknowledged_by uuid REFERENCES users (id) ON DELETE SET NULL,
        acknowledged_at timestamptz,
        false_positive boolean NOT NULL DEFAULT false,
        false_positive_by uuid REFERENCES users (id) ON DELETE SET NULL,
        false_positive_at timestamptz,
        note text
      )`);
    await db.query(`CREATE INDEX alerts_created_idx ON alerts (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX alerts_rule_issue_idx ON alerts (rule_id, issue_id, created_at DESC)`);
    await db.query(`CREATE INDEX alerts_issue_idx ON alerts (issue_id)`);

    await db.query(`
      CREATE TABLE alert_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        channel_index integer NOT NULL,
        channel_type text NOT NULL CHECK (channel_type IN ('telegram', 'email', 'webhook')),
        channel jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        last_attempt_at timestamptz,
        sent_at timestamptz,
        UNIQUE (alert_id, channel_index)
      )`);
    await db.query(`CREATE INDEX alert_deliveries_status_idx ON alert_deliveries (status) WHERE status <> 'sent'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS alert_deliveries`);
    await db.query(`DROP TABLE IF EXISTS alerts`);
  }
}
