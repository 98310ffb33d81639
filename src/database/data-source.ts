import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ParameterFreeQueryLogger } from './query-logger.js';

/**
 * TypeORM options shared by the app, the CLI and the tests. Entities are registered by the
 * feature modules (`TypeOrmModule.forFeature`, autoLoadEntities) in the app; tools that need
 * raw SQL only (migrations, benchmarks) use `createDataSource` without entities.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries are logged without their parameters (they carry post texts and authors).
    logger: new ParameterFreeQueryLogger(),
    extra: { max: 10, idleTimeoutMillis: 30_000, application_name: 'pantau-isu' },
  };
}

/** Applies pending migrations; safe to run from several processes at once (PostgreSQL advisory lock). */
export async function runMigrations(url: string): Promise<string[]> {
  return underMigrationLock(url, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** Reverts the last applied migration (under the same lock); returns its name, if there was one. */
export async function undoLastMigration(url: string): Promise<string | undefined> {
  return underMigrationLock(url, async (dataSource) => {
    const [last] = await dataSource.query<{ name: string }[]>(
      `SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1`,
    );
    await dataSource.undoLastMigration({ transaction: 'each' });
    return last?.name;
  });
}

async function underMigrationLock<T>(url: string, task: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('pantau-isu:migrations'))`);
    return await task(dataSource);
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('pantau-isu:migrations'))`).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
