import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily report (Laporan Harian Monitoring Isu): one row per report date (UNIQUE, so several worker processes
 * produce it once), its delivery log, and the profile fields delivery needs (e-mail, Telegram chat id, opt-in).
 */
export class DailyReports1764000001600 implements MigrationInterface {
  name = 'DailyReports1764000001600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN email text,
        ADD COLUMN telegram_chat_id text,
        ADD COLUMN daily_report_opt_in boolean NOT NULL DEFAULT false`);
    await db.query(`
      CREATE TABLE daily_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_date date NOT NULL,
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        content jsonb NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('scheduled', 'catch-up', 'manual')),
        generation integer NOT NULL DEFAULT 1,
        generated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        generated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT daily_reports_date_key UNIQUE (report_date)
      )`);
    await db.query(`
      CREATE TABLE report_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES daily_reports (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('inbox', 'email', 'telegram')),
        recipient text NOT NULL,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        sent_at timestamptz,
        CONSTRAINT report_deliveries_once UNIQUE (report_id, channel, recipient)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE report_deliveries`);
    await db.query(`DROP TABLE daily_reports`);
    await db.query(
      `ALTER TABLE users DROP COLUMN email, DROP COLUMN telegram_chat_id, DROP COLUMN daily_report_opt_in`,
    );
  }
}
