import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sources: file imports with their progress (read by `GET /api/sources/import/:id`), and the quota a
 * platform last reported for a source (shown in its health).
 */
export class SourceImports1764000000400 implements MigrationInterface {
  name = 'SourceImports1764000000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources ADD COLUMN quota jsonb`);
    await db.query(`
      CREATE TABLE source_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id uuid NOT NULL REFERENCES sources (id),
        file_name text,
        format text NOT NULL CHECK (format IN ('csv', 'jsonl')),
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
        bytes_total bigint,
        bytes_read bigint NOT NULL DEFAULT 0,
        rows_read integer NOT NULL DEFAULT 0,
        stored integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        rejections jsonb NOT NULL DEFAULT '[]',
        error text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX source_imports_created_idx ON source_imports (created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS source_imports`);
    await db.query(`ALTER TABLE sources DROP COLUMN IF EXISTS quota`);
  }
}
