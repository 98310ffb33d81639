/**
 * `pantau migrate [--undo]`: applies the pending migrations (migrations/index.ts) to DATABASE_URL, or to the embedded
 * default of PANTAU_DATA_DIR (running or not), under the same advisory lock as the boot; `--undo` reverts the last
 * applied one. The server applies pending migrations at boot too: this command is for doing it beforehand (a
 * long migration outside a rolling restart) and for going back one step.
 */
import type { Command } from 'commander';
import { loadAppConfig } from '../../config/app-config.js';
import { runMigrations, undoLastMigration } from '../../database/data-source.js';
import { borrowEmbeddedDatabase } from '../../database/embedded-postgres.server.js';

type Env = Record<string, string | undefined>;

export interface MigrateOutcome {
  applied: string[];
  undone?: string;
}

/** Runs `task` on the configured database, starting the embedded server for it when none runs. */
async function withDatabase<T>(env: Env, task: (url: string) => Promise<T>): Promise<T> {
  const config = loadAppConfig({ ...env, PANTAU_ROLE: 'api' }, []);
  if (config.databaseUrl) {
    return task(config.databaseUrl);
  }
  const database = await borrowEmbeddedDatabase(config.dataDir);
  try {
    return await task(database.url);
  } finally {
    await database.release();
  }
}

export async function runMigrate(options: { undo?: boolean }, env: Env = process.env): Promise<MigrateOutcome> {
  return withDatabase(env, async (url) => {
    if (!options.undo) {
      return { applied: await runMigrations(url) };
    }
    return { applied: [], undone: await undoLastMigration(url) };
  });
}

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Terapkan migrasi basis data yang belum diterapkan (DATABASE_URL atau basis data tertanam)')
    .option('--undo', 'batalkan migrasi terakhir yang telah diterapkan')
    .action(async (opts: { undo?: boolean }) => {
      try {
        const outcome = await runMigrate(opts);
        if (opts.undo) {
          process.stdout.write(
            outcome.undone ? `Migrasi dibatalkan: ${outcome.undone}\n` : 'Tidak ada migrasi untuk dibatalkan\n',
          );
        } else if (outcome.applied.length === 0) {
          process.stdout.write('Basis data sudah mutakhir: tidak ada migrasi baru\n');
        } else {
          process.stdout.write(`Migrasi diterapkan (${outcome.applied.length}): ${outcome.applied.join(', ')}\n`);
        }
      } catch (error) {
        process.stderr.write(`pantau migrate: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
      }
    });
}
