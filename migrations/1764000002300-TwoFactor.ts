import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor login (TOTP). A user's secret is stored encrypted (the credentials cipher, bound to the user id);
 * `enabled_at` is null while an enrolment awaits its first code. `last_step` is the TOTP time step of the last code
 * accepted, so a code is never accepted twice. Recovery codes are stored as keyed hashes only. A login challenge is
 * the state between the password step and the code step; only a hash of its token is stored.
 */
export class TwoFactor1764000002300 implements MigrationInterface {
  name = 'TwoFactor1764000002300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE user_two_factor (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        secret_encrypted text NOT NULL,
        enabled_at timestamptz,
        last_step bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE user_recovery_codes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, code_hash)
      )`);
    await db.query(`
      CREATE TABLE login_challenges (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        address text,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX login_challenges_expires_idx ON login_challenges (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS login_challenges`);
    await db.query(`DROP TABLE IF EXISTS user_recovery_codes`);
    await db.query(`DROP TABLE IF EXISTS user_two_factor`);
  }
}
