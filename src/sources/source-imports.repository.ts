import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { ImportProgress } from '../ingestion/import/import-runner.js';
import { SourceImport } from './entities/source-import.entity.js';

@Injectable()
export class SourceImportsRepository {
  constructor(
    @InjectRepository(SourceImport) private readonly imports: Repository<SourceImport>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(row: {
    id: string;
    sourceId: string;
    fileName: string | null;
    format: 'csv' | 'jsonl';
    createdBy: string | null;
  }) {
    await this.dataSource.query(
      `INSERT INTO source_imports (id, source_id, file_name, format, created_by) VALUES ($1, $2, $3, $4, $5)`,
      [row.id, row.sourceId, row.fileName, row.format, row.createdBy],
    );
  }

  async setBytesTotal(id: string, bytes: number): Promise<void> {
    await this.dataSource.query(`UPDATE source_imports SET bytes_total = $2, updated_at = now() WHERE id = $1`, [
      id,
      bytes,
    ]);
  }

  async saveProgress(id: string, progress: ImportProgress): Promise<void> {
    await this.dataSource.query(
      `UPDATE source_imports SET bytes_read = $2, rows_read = $3, stored = $4, duplicates = $5, rejected = $6,
         rejections = $7, updated_at = now() WHERE id = $1`,
      [
        id,
        progress.bytesRead,
        progress.read,
        progress.stored,
        progress.duplicates,
        progress.rejected,
        JSON.stringify(progress.rejections),
      ],
    );
  }

  async finish(id: string, status: 'completed' | 'failed', error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE source_imports SET status = $2, error = $3, finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, error],
    );
  }

  /** Imports whose process died (no progress for a while) are marked failed, so nobody waits on them. */
  async failAbandoned(olderThanSeconds: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE source_imports SET status = 'failed', finished_at = now(),
         error = 'Impor terhenti karena proses server berhenti; unggah ulang berkasnya (data yang sudah tersimpan tidak akan terduplikasi).'
       WHERE status = 'running' AND updated_at < now() - make_interval(secs => $1)`,
      [olderThanSeconds],
    );
    return count;
  }

  findById(id: string): Promise<SourceImport | null> {
    return this.imports.findOneBy({ id });
  }
}
