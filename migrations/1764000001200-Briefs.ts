import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Briefs (telaahan staf; the daily report later) reshaped for the workflow: `state` (draft, submitted, approved,
 * returned), sections and header as JSON (never HTML), a snapshot of the figures and masked quotes the draft was
 * written from (so an approved brief reads the same after retention purged its posts), a version counter and the
 * approved brief a revision starts from. Every saved state of a brief is a row of `brief_versions`.
 */
export class Briefs1764000001200 implements MigrationInterface {
  name = 'Briefs1764000001200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE briefs RENAME COLUMN status TO state`);
    await db.query(`ALTER TABLE briefs RENAME COLUMN content TO sections`);
    await db.query(`
      ALTER TABLE briefs
        ADD COLUMN header jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN figures jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN revision_of uuid REFERENCES briefs (id) ON DELETE SET NULL,
        ADD COLUMN submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN submitted_at timestamptz`);
    await db.query(`CREATE INDEX briefs_issue_idx ON briefs (issue_id, created_at DESC)`);
    await db.query(`CREATE INDEX briefs_state_idx ON briefs (state, updated_at DESC)`);
    await db.query(`
      CREATE TABLE brief_versions (
        brief_id uuid NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
        version integer NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'edit', 'submit', 'return', 'approve')),
        state text NOT NULL,
        sections jsonb NOT NULL,
        header jsonb NOT NULL,
        comment text,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        actor_username text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brief_id, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE brief_versions`);
    await db.query(`DROP INDEX briefs_state_idx`);
    await db.query(`DROP INDEX briefs_issue_idx`);
    await db.query(`
      ALTER TABLE briefs DROP COLUMN header, DROP COLUMN figures, DROP COLUMN version, DROP COLUMN revision_of,
        DROP COLUMN submitted_by, DROP COLUMN submitted_at`);
    await db.query(`ALTER TABLE briefs RENAME COLUMN sections TO content`);
    await db.query(`ALTER TABLE briefs RENAME COLUMN state TO status`);
  }
}
