import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hourly rollups for the dashboard (src/stats reads them; RollupWriter in src/ingestion writes them in the ingest
 * batch). None references posts: they stay valid when posts is partitioned and when old partitions are dropped.
 * - stats_volume_hourly: posts and reach per hour × source × category × sentiment × OPD;
 * - stats_region_hourly: the same per place code (province, regency, district; a post counts once for each place it
 *   names and once for each ancestor of those places);
 * - stats_topic_hourly: the same per tracked topic (no foreign key: a deleted topic's rows age out with retention);
 * - stats_author_sketches: a HyperLogLog of distinct authors per hour × (all | source·category·sentiment cell |
 *   place | topic);
 * - stats_terms_hourly: the most frequent terms per hour, overall, per category and per topic (bounded per batch);
 * - stats_authors_hourly: posts and reach per hour × source × author (exact).
 * Also an index on issues (updated_at) for the live events poller.
 */
export class StatsRollups1764000001100 implements MigrationInterface {
  name = 'StatsRollups1764000001100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stats_volume_hourly (
        hour timestamptz NOT NULL,
        source_id uuid NOT NULL,
        category text NOT NULL,
        sentiment text NOT NULL,
        opd text NOT NULL,
        posts integer NOT NULL,
        reach bigint NOT NULL,
        PRIMARY KEY (hour, source_id, category, sentiment, opd)
      )`);
    await db.query(`
      CREATE TABLE stats_region_hourly (
        code text NOT NULL,
        hour timestamptz NOT NULL,
        level text NOT NULL CHECK (level IN ('province', 'regency', 'district')),
        source_id uuid NOT NULL,
        category text NOT NULL,
        sentiment text NOT NULL,
        opd text NOT NULL,
        posts integer NOT NULL,
        reach bigint NOT NULL,
        PRIMARY KEY (code, hour, source_id, category, sentiment, opd)
      )`);
    await db.query(`CREATE INDEX stats_region_hourly_level_idx ON stats_region_hourly (level, hour)`);
    await db.query(`CREATE INDEX stats_region_hourly_hour_idx ON stats_region_hourly (hour)`);
    await db.query(`
      CREATE TABLE stats_topic_hourly (
        topic_id uuid NOT NULL,
        hour timestamptz NOT NULL,
        source_id uuid NOT NULL,
        category text NOT NULL,
        sentiment text NOT NULL,
        opd text NOT NULL,
        posts integer NOT NULL,
        reach bigint NOT NULL,
        PRIMARY KEY (topic_id, hour, source_id, category, sentiment, opd)
      )`);
    await db.query(`CREATE INDEX stats_topic_hourly_hour_idx ON stats_topic_hourly (hour)`);
    await db.query(`
      CREATE TABLE stats_author_sketches (
        hour timestamptz NOT NULL,
        dim text NOT NULL CHECK (dim IN ('all', 'cell', 'region', 'topic')),
        key text NOT NULL,
        sketch bytea NOT NULL,
        PRIMARY KEY (hour, dim, key)
      )`);
    await db.query(`
      CREATE TABLE stats_terms_hourly (
        hour timestamptz NOT NULL,
        dim text NOT NULL CHECK (dim IN ('all', 'category', 'topic')),
        key text NOT NULL,
        term text NOT NULL,
        posts integer NOT NULL,
        PRIMARY KEY (hour, dim, key, term)
      )`);
    await db.query(`
      CREATE TABLE stats_authors_hourly (
        hour timestamptz NOT NULL,
        source_id uuid NOT NULL,
        author text NOT NULL,
        posts integer NOT NULL,
        reach bigint NOT NULL,
        PRIMARY KEY (hour, source_id, author)
      )`);
    await db.query(`CREATE INDEX issues_updated_idx ON issues (updated_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS issues_updated_idx`);
    for (const table of [
      'stats_authors_hourly',
      'stats_terms_hourly',
      'stats_author_sketches',
      'stats_topic_hourly',
      'stats_region_hourly',
      'stats_volume_hourly',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
