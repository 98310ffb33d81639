import { createRedisBackend, DefaultJobOptions, setDefaultBackendFactory } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { createSupervisedPostgresBackend } from './supervised-postgres-backend.js';

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueBackend {
  kind: QueueBackendKind;
  /** The `connection` option for every Queue and Worker. */
  connection: unknown;
  /** Redis key prefix (ignored by the PostgreSQL backend, whose queues live in the database itself). */
  prefix: string;
  /** Closes what this module opened (BullMQ leaves caller-owned Redis clients open). */
  close(): Promise<void>;
}

/**
 * BullMQ runs on Redis when REDIS_URL is set (production, scale-out) and on PostgreSQL otherwise
 * (the embedded default). The backend factory is process-wide: call this once, before any Queue
 * or Worker exists.
 */
export function configureQueueBackend(config: AppConfig): QueueBackend {
  if (config.redisUrl) {
    setDefaultBackendFactory(createRedisBackend);
    // BullMQ requires maxRetriesPerRequest: null for blocking worker connections.
    const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    connection.on('error', () => undefined); // reported by the health check and by BullMQ itself
    return {
      kind: 'redis',
      connection,
      prefix: config.queuePrefix,
      async close() {
        await connection.quit().catch(() => connection.disconnect());
      },
    };
  }
  if (!config.databaseUrl) {
    throw new Error('The queue needs REDIS_URL or a database URL');
  }
  // Supervised: a connection that lost its server is rebuilt, and the worker waits between retries instead of
  // spinning (supervised-postgres-backend.ts).
  setDefaultBackendFactory(createSupervisedPostgresBackend);
  return {
    kind: 'postgres',
    prefix: config.queuePrefix,
    // `migrate: true` creates BullMQ's own schema (bullmq) on first use.
    // Each Queue and Worker builds its own pool from this config: keep each small (lazy, 4 at most).
    connection: { connectionString: config.databaseUrl, migrate: true, max: 4, idleTimeoutMillis: 10_000 },
    close: () => Promise.resolve(),
  };
}

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are trimmed; the ingest result lives on in ingest_batches.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  // Failed jobs stay for inspection in the admin queue view (trimmed after 14 days).
  removeOnFail: { age: 14 * 24 * 3600 },
};
