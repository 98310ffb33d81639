import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The batched ingest write path (docs/ingest-performance.md):
 * - detection_author_keys replaces detection_key_authors: one row per (bucket, author) holding the hashes of the keys
 *   that author was counted for in that bucket (`keys`) and those its last upsert added (`added`), so a batch writes one
 *   row per distinct author instead of one per (key, author): 1,000 upserts instead of ~31,000 inserts per batch, and
 *   the distinct-author counts stay exact. Existing rows are carried over (key hash = first 8 bytes of SHA-256, as
 *   `keyHash` computes it in JavaScript).
 * - detection_posts loses its foreign key to posts (a check per inserted post, and posts is to be partitioned);
 *   rows are purged by time with the rest of detection's state.
 */
export class IngestWritePath1764000001000 implements MigrationInterface {
  name = 'IngestWritePath1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE detection_author_keys (
        bucket_start timestamptz NOT NULL,
        author_hash bigint NOT NULL,
        keys bigint[] NOT NULL,
        added bigint[] NOT NULL,
        PRIMARY KEY (bucket_start, author_hash)
      )`);
    await db.query(`
      INSERT INTO detection_author_keys (bucket_start, author_hash, keys, added)
      SELECT bucket_start, author_hash, array_agg(h), '{}'
        FROM (SELECT bucket_start, author_hash,
                     ('x' || encode(substring(sha256(convert_to(key, 'UTF8')) FROM 1 FOR 8), 'hex'))::bit(64)::bigint AS h
                FROM detection_key_authors) t
       GROUP BY bucket_start, author_hash`);
    await db.query(`DROP TABLE detection_key_authors`);
    await db.query(`ALTER TABLE detection_posts DROP CONSTRAINT IF EXISTS detection_posts_post_id_fkey`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM detection_posts d WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = d.post_id)`);
    await db.query(
      `ALTER TABLE detection_posts ADD CONSTRAINT detection_posts_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE`,
    );
    await db.query(`
      CREATE TABLE detection_key_authors (
        bucket_start timestamptz NOT NULL,
        key text NOT NULL,
        author_hash bigint NOT NULL,
        PRIMARY KEY (bucket_start, key, author_hash)
      )`);
    // The key texts are not kept (only their hashes): the distinct-author rows of open buckets start afresh.
    await db.query(`DROP TABLE detection_author_keys`);
  }
}
