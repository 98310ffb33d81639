/**
 * `pantau import FILE --source NAME [--format csv|jsonl] [--map text=content,createdAt=date] [--json]`
 *
 * Imports a CSV or JSONL export straight into the database (DATABASE_URL, or the embedded default's
 * data directory: the running server's, or started for the import), streaming, through the ingest
 * worker's own analyse-and-store code. Shows a progress bar on stderr and prints a summary: read,
 * stored, duplicates, rejected with line numbers and reasons. Exit code 0 when the import finished
 * (rejected rows included), 2 when it could not run.
 */
import { AuditService } from '../../auth/audit.service.js';
import { pushSourceCreated } from '../../ingestion/push-source-audit.js';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadAppConfig } from '../../config/app-config.js';
import { runMigrations } from '../../database/data-source.js';
import { borrowEmbeddedDatabase } from '../../database/embedded-postgres.server.js';
import { configureQueueBackend } from '../../queue/queue-backend.js';
import { IngestService } from '../../ingestion/ingest.service.js';
import { ImportCliModule } from '../../ingestion/import/import-cli.module.js';
import { parseMappingOption, utcOffsetMinutesOf } from '../../ingestion/import/column-mapping.js';
import { formatFromFileName, type ImportFormat } from '../../ingestion/import/import-record-reader.js';
import { runImport, type ImportProgress } from '../../ingestion/import/import-runner.js';

export interface ImportCommandOptions {
  file: string;
  source: string;
  format?: string;
  map?: string;
  json?: boolean;
  /** No progress bar (benchmarks, tests). */
  quiet?: boolean;
}

export interface ImportCommandResult extends ImportProgress {
  sourceId: string;
  seconds: number;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Impor ekspor CSV/JSONL ke basis data, dengan bilah kemajuan dan ringkasan')
    .argument('<file>', 'berkas .csv atau .jsonl')
    .requiredOption('-s, --source <name>', 'nama sumber tujuan (dibuat bila belum ada)')
    .option('-f, --format <format>', 'csv atau jsonl (bawaan: dari ekstensi berkas)')
    .option('-m, --map <mapping>', 'pemetaan kolom, mis. text=content,createdAt=date,author=user')
    .option('--json', 'cetak ringkasan sebagai JSON')
    .action(async (file: string, opts: Omit<ImportCommandOptions, 'file'>) => {
      let code = 0;
      try {
        const result = await runImportCommand({ ...opts, file });
        process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : formatSummary(result));
      } catch (error) {
        process.stderr.write(`pantau import: ${error instanceof Error ? error.message : String(error)}\n`);
        code = 2;
      }
      // BullMQ's PostgreSQL backend keeps the listen clients of workers that never ran (this process
      // runs none) open after close: exit explicitly once the output is flushed.
      process.stdout.write('', () => process.exit(code));
    });
}

/** Runs an import end to end; used by the command, the benchmark and the tests. */
export async function runImportCommand(
  options: ImportCommandOptions,
  env: Record<string, string | undefined> = process.env,
): Promise<ImportCommandResult> {
  if (!existsSync(options.file)) {
    throw new Error(`berkas ${options.file} tidak ditemukan`);
  }
  const format = (options.format?.toLowerCase() ?? formatFromFileName(options.file)) as ImportFormat | undefined;
  if (format !== 'csv' && format !== 'jsonl') {
    throw new Error('format tidak dikenal: gunakan --format csv atau --format jsonl');
  }
  const mapping = parseMappingOption(options.map);
  const size = (await stat(options.file)).size;
  Logger.overrideLogger(new ConsoleLogger('Import', { logLevels: ['fatal', 'error', 'warn'] }));

  let config = loadAppConfig({ ...env, PANTAU_ROLE: 'api', PANTAU_DEMO: 'false' }, []);
  const embedded = config.databaseUrl ? undefined : await borrowEmbeddedDatabase(config.dataDir);
  if (embedded) {
    config = { ...config, databaseUrl: embedded.url };
  }
  try {
    await runMigrations(config.databaseUrl as string);
    const backend = configureQueueBackend(config);
    const app = await NestFactory.createApplicationContext(ImportCliModule.forRoot(config, backend), {
      logger: ['fatal', 'error', 'warn'],
      abortOnError: false,
    });
    try {
      const ingest = app.get(IngestService);
      const existing = await ingest.findActiveSourceByName(options.source);
      let sourceId = existing?.id;
      if (!sourceId) {
        const source = await ingest.findOrCreatePushSource(options.source);
        if (source.created) {
          await app.get(AuditService).record(pushSourceCreated(null, source, 'import'));
        }
        sourceId = source.id;
      }
      const importId = randomUUID();
      const bar = options.quiet
        ? undefined
        : new cliProgress.SingleBar(
            {
              format:
                'Impor |{bar}| {percentage}% | {mb}/{totalMb} MB | dibaca {read} | tersimpan {stored} | duplikat {duplicates} | ditolak {rejected} | {eta_formatted}',
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
      bar?.start(size, 0, {
        mb: '0',
        totalMb: (size / 1e6).toFixed(1),
        read: 0,
        stored: 0,
        duplicates: 0,
        rejected: 0,
      });
      const started = Date.now();
      const summary = await runImport(createReadStream(options.file, { highWaterMark: 1 << 20 }), {
        format,
        mapping,
        defaultUtcOffsetMinutes: utcOffsetMinutesOf(config.timeZone),
        store: async (posts, batch) => {
          const outcome = await ingest.processBatch(`import-${importId}-${batch}`, sourceId, posts, false);
          return { stored: outcome.stored, duplicates: outcome.duplicates };
        },
        onProgress: (progress) =>
          bar?.update(progress.bytesRead, {
            mb: (progress.bytesRead / 1e6).toFixed(1),
            read: progress.read,
            stored: progress.stored,
            duplicates: progress.duplicates,
            rejected: progress.rejected,
          }),
      });
      bar?.update(size, { mb: (size / 1e6).toFixed(1) });
      bar?.stop();
      return { ...summary, sourceId, seconds: (Date.now() - started) / 1000 };
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.release();
  }
}

const number = new Intl.NumberFormat('id-ID');

export function formatSummary(result: ImportCommandResult, maxRejections = 20): string {
  const rate = result.seconds > 0 ? Math.round(result.read / result.seconds) : result.read;
  const lines = [
    `Impor selesai dalam ${result.seconds.toFixed(1).replace('.', ',')} detik (${number.format(rate)} baris/detik)`,
    `  dibaca     ${number.format(result.read).padStart(12)}`,
    `  tersimpan  ${number.format(result.stored).padStart(12)}`,
    `  duplikat   ${number.format(result.duplicates).padStart(12)}`,
    `  ditolak    ${number.format(result.rejected).padStart(12)}`,
  ];
  if (result.rejections.length > 0) {
    const shown = result.rejections.slice(0, maxRejections);
    lines.push(
      `Baris yang ditolak${result.rejected > shown.length ? ` (${shown.length} pertama dari ${number.format(result.rejected)})` : ''}:`,
    );
    for (const rejection of shown) {
      lines.push(`  baris ${rejection.line}: ${rejection.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
