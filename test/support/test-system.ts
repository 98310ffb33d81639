import { randomBytes } from 'node:crypto';
import { AppConfig, loadAppConfig, ProcessRole } from '../../src/config/app-config.js';
import { boot, RunningSystem } from '../../src/bootstrap/boot.js';
import { QueueBackendKind } from '../../src/queue/queue-backend.js';
import { createTestDatabase, TestDatabase } from './test-database.js';

/**
 * The queue backends every queue-touching suite runs on: PostgreSQL always, Redis where REDIS_URL
 * is set (CI sets it). A Redis that is set but down makes those suites fail, never skip.
 */
export function queueBackendsUnderTest(): QueueBackendKind[] {
  return process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
}

export interface TestSystem {
  system: RunningSystem;
  config: AppConfig;
  database: TestDatabase;
  /** Base URL of the API, e.g. http://127.0.0.1:41234 */
  url: string;
  stop(): Promise<void>;
}

export interface TestSystemOptions {
  backend?: QueueBackendKind;
  role?: ProcessRole;
  /** Reuse a database (e.g. a second process against the same data). */
  database?: TestDatabase;
  env?: Record<string, string>;
}

/** Boots the real application (HTTP, queue, workers) on a fresh database, listening on a free port. */
export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const database = options.database ?? (await createTestDatabase());
  const backend = options.backend ?? 'postgres';
  const config = loadAppConfig(
    {
      DATABASE_URL: database.url,
      REDIS_URL: backend === 'redis' ? process.env.REDIS_URL : undefined,
      PANTAU_QUEUE_PREFIX: `test-${database.name}`,
      PANTAU_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      PANTAU_ADMIN_PASSWORD: 'admin-password-for-tests',
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_LOG_JSON: 'false',
      PANTAU_DATA_DIR: `.pantau-test/${database.name}`,
      PORT: '0',
      PANTAU_ROLE: options.role ?? 'all',
      ...options.env,
    },
    [],
  );
  const system = await boot(config);
  return {
    system,
    config: system.config,
    database,
    url: system.url ?? '',
    async stop() {
      await system.stop();
      if (!options.database) {
        await database.drop();
      }
    },
  };
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
