import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * detection_snapshots: the detection worker's latest snapshots of its whole detector (docs/operations.md, "Detector
 * restore"), so that a restart loads one and feeds only the posts stored after its watermark instead of replaying
 * 12 hours. `state` is the gzipped v8 serialization of the detector (src/issues/detector-snapshot.ts); `engine` the
 * worker's own position (cursor, posts fed in its margin, issue map); `fingerprint` and `config_hash` say which code
 * and configuration wrote it (a snapshot of other code is not loaded); `watermark` is the ingest time of the newest
 * post it holds. Snapshots are not data: down drops the table.
 */
export class DetectionSnapshots1764000004300 implements MigrationInterface {
  name = 'DetectionSnapshots1764000004300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE detection_snapshots (
        id bigserial PRIMARY KEY,
        taken_at timestamptz NOT NULL DEFAULT now(),
        fingerprint text NOT NULL,
        config_hash text NOT NULL,
        watermark timestamptz NOT NULL,
        posts integer NOT NULL,
        engine jsonb NOT NULL,
        state bytea NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS detection_snapshots`);
  }
}
