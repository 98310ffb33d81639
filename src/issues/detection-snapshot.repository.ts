/**
 * The detection worker's snapshots of its detector (table detection_snapshots, migration 1764000004300): the latest
 * is loaded on restart; older ones are deleted as new ones are written. Only the detection engine uses it.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface DetectionSnapshot<E> {
  takenAt: Date;
  fingerprint: string;
  configHash: string;
  /** Ingest time of the newest post the snapshot holds (the feed after a restore starts here, minus its margin). */
  watermark: Date;
  posts: number;
  engine: E;
  state: Buffer;
}

@Injectable()
export class DetectionSnapshotRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Writes a snapshot and deletes the older ones (in one transaction: there is always a latest one). */
  async save<E>(snapshot: Omit<DetectionSnapshot<E>, 'takenAt'>): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO detection_snapshots (fingerprint, config_hash, watermark, posts, engine, state)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text`,
        [
          snapshot.fingerprint,
          snapshot.configHash,
          snapshot.watermark,
          snapshot.posts,
          JSON.stringify(snapshot.engine),
          snapshot.state,
        ],
      );
      await manager.query(`DELETE FROM detection_snapshots WHERE id < $1`, [row.id]);
    });
  }

  async latest<E>(): Promise<DetectionSnapshot<E> | null> {
    const [row] = await this.db.query<
      {
        taken_at: Date;
        fingerprint: string;
        config_hash: string;
        watermark: Date;
        posts: number;
        engine: E;
        state: Buffer;
      }[]
    >(
      `SELECT taken_at, fingerprint, config_hash, watermark, posts, engine, state
         FROM detection_snapshots ORDER BY id DESC LIMIT 1`,
    );
    return row
      ? {
          takenAt: new Date(row.taken_at),
          fingerprint: row.fingerprint,
          configHash: row.config_hash,
          watermark: new Date(row.watermark),
          posts: row.posts,
          engine: row.engine,
          state: row.state,
        }
      : null;
  }
}
