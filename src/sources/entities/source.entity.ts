import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SourceStatus = 'active' | 'paused' | 'deleted';

/** The source type of the built-in demo stream (not configurable through the API). */
export const DEMO_SOURCE_TYPE = 'demo';

/** A place posts come from: a configured connector, a push endpoint, an import target or the demo stream. */
@Entity('sources')
export class Source {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  type!: string;

  /** Normalised connector config without secrets. */
  @Column('jsonb')
  config!: Record<string, unknown>;

  @Column('text', { name: 'credentials_encrypted', nullable: true })
  credentialsEncrypted!: string | null;

  /** The connector's cursor (opaque JSON). */
  @Column('jsonb')
  state!: Record<string, unknown>;

  @Column('text')
  status!: SourceStatus;

  @Column('integer', { name: 'interval_seconds' })
  intervalSeconds!: number;

  @Column('boolean')
  demo!: boolean;

  @Column('timestamptz', { name: 'last_run_at', nullable: true })
  lastRunAt!: Date | null;

  @Column('timestamptz', { name: 'last_success_at', nullable: true })
  lastSuccessAt!: Date | null;

  @Column('timestamptz', { name: 'last_error_at', nullable: true })
  lastErrorAt!: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('integer', { name: 'consecutive_failures' })
  consecutiveFailures!: number;

  /** bigint arrives as a string from pg. */
  @Column('bigint', { name: 'posts_fetched' })
  postsFetched!: string;

  @Column('timestamptz', { name: 'next_run_at', nullable: true })
  nextRunAt!: Date | null;

  @Column('jsonb', { nullable: true })
  quota!: { remaining?: number; resetAt?: string } | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;
}
