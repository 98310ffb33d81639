/**
 * `pantau backup --out FILE` and `pantau restore --in FILE [--force]`: the embedded default's database and its
 * generated secret, in one file encrypted with a passphrase (docs/operations.md, "Backup and restore"). The
 * passphrase comes from PANTAU_BACKUP_PASSPHRASE or is asked on the terminal; it is never an argument.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadAppConfig } from '../../config/app-config.js';
import { borrowEmbeddedDatabase } from '../../database/embedded-postgres.server.js';
import { runMigrations } from '../../database/data-source.js';
import { writeBackup, type BackupManifest } from '../../backup/backup-writer.js';
import { restoreBackup, type RestoreSummary } from '../../backup/restore.js';

type Env = Record<string, string | undefined>;
const MIN_PASSPHRASE = 12;

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new Error('dibatalkan'));
          return;
        }
        value = char === '\u007f' || char === '\b' ? value.slice(0, -1) : value + char;
      }
    };
    input.on('data', onData);
  });
}

async function passphrase(env: Env, confirm: boolean): Promise<string> {
  let value = env.PANTAU_BACKUP_PASSPHRASE;
  if (value === undefined) {
    if (!process.stdin.isTTY) {
      throw new Error('frasa sandi tidak diberikan: setel PANTAU_BACKUP_PASSPHRASE atau jalankan di terminal');
    }
    value = await promptHidden('Frasa sandi cadangan: ');
    if (confirm && (await promptHidden('Ulangi frasa sandi: ')) !== value) {
      throw new Error('frasa sandi dan ulangannya tidak sama');
    }
  }
  if (confirm && value.length < MIN_PASSPHRASE) {
    throw new Error(`frasa sandi minimal ${MIN_PASSPHRASE} karakter`);
  }
  return value;
}

/** Backs up the embedded default of PANTAU_DATA_DIR (running or not); used by the command and the tests. */
export async function runBackup(out: string, env: Env = process.env): Promise<BackupManifest> {
  const config = loadAppConfig({ ...env, PANTAU_ROLE: 'api' }, []);
  if (!config.embedded) {
    throw new Error('pantau backup mencadangkan basis data tertanam; untuk DATABASE_URL pakai pg_dump server tersebut');
  }
  const phrase = await passphrase(env, true);
  const secretFile = join(config.dataDir, 'secret');
  const secret = config.secret === '' && existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : null;
  const database = await borrowEmbeddedDatabase(config.dataDir, { mustExist: true });
  try {
    await runMigrations(database.url);
    return await writeBackup(database.url, out, phrase, secret);
  } finally {
    await database.release();
  }
}

export async function runRestore(file: string, force: boolean, env: Env = process.env): Promise<RestoreSummary> {
  const config = loadAppConfig({ ...env, PANTAU_ROLE: 'api' }, []);
  if (!config.embedded) {
    throw new Error('pantau restore memulihkan ke basis data tertanam: hapus DATABASE_URL');
  }
  return restoreBackup(file, config.dataDir, await passphrase(env, false), force);
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Cadangkan basis data tertanam dan rahasia yang dibangkitkan ke satu berkas terenkripsi')
    .requiredOption('-o, --out <file>', 'berkas cadangan yang dibuat')
    .action(async (opts: { out: string }) => {
      try {
        const manifest = await runBackup(opts.out);
        const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
        process.stdout.write(`Cadangan ${opts.out}: ${manifest.tables.length} tabel, ${rows} baris\n`);
        process.exitCode = 0;
      } catch (error) {
        process.stderr.write(`pantau backup: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
      }
    });
  program
    .command('restore')
    .description('Pulihkan cadangan ke direktori data baru (PANTAU_DATA_DIR)')
    .requiredOption('-i, --in <file>', 'berkas cadangan')
    .option('--force', 'hapus isi direktori data yang tidak kosong terlebih dahulu')
    .action(async (opts: { in: string; force?: boolean }) => {
      try {
        const summary = await runRestore(opts.in, !!opts.force);
        process.stdout.write(
          `Dipulihkan: ${summary.tables} tabel, ${summary.rows} baris (cadangan ${summary.createdAt})\n`,
        );
      } catch (error) {
        process.stderr.write(`pantau restore: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
      }
    });
}
