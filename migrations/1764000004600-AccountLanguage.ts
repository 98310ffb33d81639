import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard language chosen by an account (`id` or `en`; null until the user picks one), so that the choice
 * follows the user to another browser. Read by the session (GET /api/auth/me), written through PATCH
 * /api/account/profile.
 */
export class AccountLanguage1764000004600 implements MigrationInterface {
  name = 'AccountLanguage1764000004600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN language text CHECK (language IN ('id', 'en'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN language`);
  }
}
