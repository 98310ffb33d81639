import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SourceImportStatus = 'running' | 'completed' | 'failed';

export interface ImportRejection {
  line: number;
  reason: string;
}

/** One file import (upload endpoint) and its progress. */
@Entity('source_imports')
export class SourceImport {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'source_id' })
  sourceId!: string;

  @Column('text', { name: 'file_name', nullable: true })
  fileName!: string | null;

  @Column('text')
  format!: 'csv' | 'jsonl';

  @Column('text')
  status!: SourceImportStatus;

  @Column('bigint', { name: 'bytes_total', nullable: true })
  bytesTotal!: string | null;

  @Column('bigint', { name: 'bytes_read' })
  bytesRead!: string;

  @Column('integer', { name: 'rows_read' })
  rowsRead!: number;

  @Column('integer')
  stored!: number;

  @Column('integer')
  duplicates!: number;

  @Column('integer')
  rejected!: number;

  /** The first rejections (line and reason); the count is in `rejected`. */
  @Column('jsonb')
  rejections!: ImportRejection[];

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
