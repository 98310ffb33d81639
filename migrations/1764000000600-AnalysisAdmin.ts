import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analysis administration: trained models stored versioned in the database (at most one active per
 * kind), and the progress of long analysis jobs (topic backfills, re-analysis of history, training).
 */
export class AnalysisAdmin1764000000600 implements MigrationInterface {
  name = 'AnalysisAdmin1764000000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analysis_models (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('sentiment', 'category')),
        version integer NOT NULL,
        model jsonb NOT NULL,
        metrics jsonb NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT false,
        trained_on integer NOT NULL DEFAULT 0,
        trained_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        UNIQUE (kind, version)
      )`);
    await db.query(`CREATE UNIQUE INDEX analysis_models_one_active ON analysis_models (kind) WHERE active`);

    await db.query(`
      CREATE TABLE analysis_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('topic-backfill', 'reanalyze', 'train-sentiment')),
        topic_id uuid REFERENCES topics (id) ON DELETE CASCADE,
        state text NOT NULL DEFAULT 'queued'
          CHECK (state IN ('queued', 'running', 'completed', 'failed', 'superseded')),
        processed bigint NOT NULL DEFAULT 0,
        total bigint NOT NULL DEFAULT 0,
        matched bigint NOT NULL DEFAULT 0,
        changed bigint NOT NULL DEFAULT 0,
        cursor_post_id bigint NOT NULL DEFAULT 0,
        max_post_id bigint,
        result jsonb,
        error text,
        requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX analysis_jobs_kind_created_idx ON analysis_jobs (kind, created_at DESC)`);
    await db.query(`CREATE INDEX analysis_jobs_topic_idx ON analysis_jobs (topic_id, created_at DESC)`);
    await db.query(`CREATE INDEX post_corrections_at_idx ON post_corrections (corrected_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS post_corrections_at_idx`);
    await db.query(`DROP TABLE IF EXISTS analysis_jobs`);
    await db.query(`DROP TABLE IF EXISTS analysis_models`);
  }
}
