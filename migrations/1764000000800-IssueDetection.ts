import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emerging-issue detection in the running system:
 * - detection_key_authors / detection_counts: per (bucket, key) counts kept at ingest, with distinct authors exact
 *   across worker processes (an author is counted when its (bucket, key, author) row is new);
 * - detection_posts: the detector's view of each post (tokens, places, topics…), fed to the single detection worker
 *   and replayed after a restart;
 * - detection_state: the detector's persisted state (baselines, cursor); detection_issue_map: detector issue ids
 *   (in memory) → issue rows (a restarted detector re-finding a known story maps onto the same issue);
 * - issues gain the analyst's outcome apart from the lifecycle, a fixed label, split lineage and region codes;
 * - issue_dispositions: forwarding an issue to its OPD (disposisi) with due dates in working days.
 */
export class IssueDetection1764000000800 implements MigrationInterface {
  name = 'IssueDetection1764000000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE detection_key_authors (
        bucket_start timestamptz NOT NULL,
        key text NOT NULL,
        author_hash bigint NOT NULL,
        PRIMARY KEY (bucket_start, key, author_hash)
      )`);
    await db.query(`
      CREATE TABLE detection_counts (
        bucket_start timestamptz NOT NULL,
        key text NOT NULL,
        posts integer NOT NULL,
        authors integer NOT NULL,
        PRIMARY KEY (bucket_start, key)
      )`);
    await db.query(`
      CREATE TABLE detection_posts (
        post_id bigint PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        doc jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX detection_posts_ingested_idx ON detection_posts (ingested_at)`);
    await db.query(`CREATE INDEX detection_posts_created_idx ON detection_posts (created_at)`);
    await db.query(`
      CREATE TABLE detection_state (
        name text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE detection_issue_map (
        detector_id text PRIMARY KEY,
        issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX detection_issue_map_issue_idx ON detection_issue_map (issue_id)`);

    await db.query(`
      ALTER TABLE issues
        ADD COLUMN lifecycle text NOT NULL DEFAULT 'emerging'
          CHECK (lifecycle IN ('emerging', 'trending', 'declining', 'dormant')),
        ADD COLUMN outcome text CHECK (outcome IN ('dismissed', 'merged', 'followed_up')),
        ADD COLUMN outcome_at timestamptz,
        ADD COLUMN outcome_by uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN label_fixed boolean NOT NULL DEFAULT false,
        ADD COLUMN split_from uuid REFERENCES issues (id) ON DELETE SET NULL,
        ADD COLUMN region_codes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN negative_share real NOT NULL DEFAULT 0`);
    await db.query(`CREATE INDEX issues_regions_idx ON issues USING gin (region_codes)`);
    await db.query(`CREATE INDEX issues_category_idx ON issues (category, first_detected_at DESC)`);
    await db.query(`CREATE INDEX issues_detected_idx ON issues (first_detected_at DESC)`);

    await db.query(`
      CREATE TABLE issue_dispositions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
        opd text NOT NULL,
        note text,
        forwarded_at timestamptz NOT NULL DEFAULT now(),
        forwarded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        forward_due_at timestamptz NOT NULL,
        respond_due_at timestamptz NOT NULL,
        responded_at timestamptz,
        response text,
        responded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        completed_at timestamptz,
        completion text,
        completed_by uuid REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX issue_dispositions_issue_idx ON issue_dispositions (issue_id, forwarded_at DESC)`);
    await db.query(
      `CREATE INDEX issue_dispositions_open_idx ON issue_dispositions (respond_due_at) WHERE responded_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS issue_dispositions`);
    await db.query(`
      ALTER TABLE issues DROP COLUMN IF EXISTS lifecycle, DROP COLUMN IF EXISTS outcome, DROP COLUMN IF EXISTS outcome_at,
        DROP COLUMN IF EXISTS outcome_by, DROP COLUMN IF EXISTS label_fixed, DROP COLUMN IF EXISTS split_from,
        DROP COLUMN IF EXISTS region_codes, DROP COLUMN IF EXISTS negative_share`);
    for (const table of [
      'detection_issue_map',
      'detection_state',
      'detection_posts',
      'detection_counts',
      'detection_key_authors',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
