import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling shared by every API process: attempts and account locks live in PostgreSQL,
 * keyed by the lower-cased username as typed (whether or not such a user exists, so a lock never
 * reveals which usernames are real).
 */
export class LoginThrottle1764000000200 implements MigrationInterface {
  name = 'LoginThrottle1764000000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        account text NOT NULL,
        address text NOT NULL,
        succeeded boolean NOT NULL
      )`);
    await db.query(`CREATE INDEX login_attempts_account_idx ON login_attempts (account, at DESC)`);
    await db.query(`CREATE INDEX login_attempts_address_idx ON login_attempts (address, at DESC) WHERE NOT succeeded`);
    await db.query(`
      CREATE TABLE login_locks (
        account text PRIMARY KEY,
        locked_until timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS login_locks`);
    await db.query(`DROP TABLE IF EXISTS login_attempts`);
  }
}
