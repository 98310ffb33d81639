import {
  BadRequestException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
  PayloadTooLargeException,
} from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { Principal } from '../auth/principal.js';
import { IngestService } from '../ingestion/ingest.service.js';
import { parseMappingOption, utcOffsetMinutesOf } from '../ingestion/import/column-mapping.js';
import { formatFromFileName, type ImportFormat } from '../ingestion/import/import-record-reader.js';
import { runImport, type ImportProgress } from '../ingestion/import/import-runner.js';
import { SourceImportsRepository } from './source-imports.repository.js';
import { AuditService } from '../auth/audit.service.js';
import { pushSourceCreated } from '../ingestion/push-source-audit.js';

/** Uploads are streamed to disk, never held in memory: this is a size guard, not a memory one. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
const PROGRESS_EVERY_MS = 1000;

export interface ImportRequest {
  source: string;
  format?: string;
  fileName?: string;
  map?: string;
  contentType?: string;
  contentLength?: number;
}

export interface ImportView {
  id: string;
  sourceId: string;
  fileName: string | null;
  format: string;
  status: string;
  bytesTotal: number | null;
  bytesRead: number;
  /** 0–100, from bytes read. */
  percent: number | null;
  read: number;
  stored: number;
  duplicates: number;
  rejected: number;
  rejections: { line: number; reason: string }[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * File import from the API: the body (CSV or JSONL) is saved under the data directory, the import
 * id returned at once, and the file then imported in this process through the ingest worker's own
 * analyse-and-store path, with progress in `source_imports` for `GET /api/sources/import/:id`.
 */
@Injectable()
export class SourceImportsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SourceImportsService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly imports: SourceImportsRepository,
    private readonly ingest: IngestService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const abandoned = await this.imports.failAbandoned(120);
    if (abandoned > 0) {
      this.logger.warn(`${abandoned} unfinished imports marked failed`);
    }
  }

  async start(body: Readable, request: ImportRequest, actor?: Principal): Promise<ImportView> {
    const format = this.formatOf(request);
    let mapping;
    try {
      mapping = parseMappingOption(request.map);
    } catch (error) {
      throw new BadRequestException(`map: ${(error as Error).message}`);
    }
    if (request.contentLength !== undefined && request.contentLength > MAX_IMPORT_BYTES) {
      throw new PayloadTooLargeException(`Berkas impor melebihi batas ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    }
    const name = request.source.trim();
    const existing = await this.ingest.findActiveSourceByName(name);
    let sourceId = existing?.id;
    if (!sourceId) {
      const source = await this.ingest.findOrCreatePushSource(name);
      if (source.created) {
        await this.audit.record(pushSourceCreated(actor ?? null, source, 'import'));
      }
      sourceId = source.id;
    }

    const id = randomUUID();
    const dir = join(this.config.dataDir, 'imports');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, `${id}.${format}`);
    try {
      await pipeline(body, limitBytes(MAX_IMPORT_BYTES), createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      await rm(file, { force: true });
      if (error instanceof PayloadTooLargeException) {
        throw error;
      }
      throw new BadRequestException('Unggahan berkas terputus sebelum selesai');
    }
    const size = (await stat(file)).size;
    if (size === 0) {
      await rm(file, { force: true });
      throw new BadRequestException('Berkas impor kosong: kirim isi CSV atau JSONL sebagai badan permintaan');
    }
    try {
      await this.imports.create({
        id,
        sourceId,
        fileName: request.fileName?.slice(0, 255) ?? null,
        format,
        createdBy: actor?.kind === 'user' ? actor.userId : null,
      });
      await this.imports.setBytesTotal(id, size);
    } catch (error) {
      // No import row, no upload left behind.
      await rm(file, { force: true });
      throw error;
    }
    const task: Promise<void> = this.process(id, sourceId, file, format, mapping).finally(() =>
      this.running.delete(task),
    );
    this.running.add(task);
    return this.get(id);
  }

  async get(id: string): Promise<ImportView> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.imports.findById(id) : null;
    if (!row) {
      throw new NotFoundException(`Impor ${id} tidak ditemukan`);
    }
    const total = row.bytesTotal === null ? null : Number(row.bytesTotal);
    const bytesRead = Number(row.bytesRead);
    return {
      id: row.id,
      sourceId: row.sourceId,
      fileName: row.fileName,
      format: row.format,
      status: row.status,
      bytesTotal: total,
      bytesRead,
      percent: total ? Math.min(100, Math.round((bytesRead / total) * 1000) / 10) : null,
      read: row.rowsRead,
      stored: row.stored,
      duplicates: row.duplicates,
      rejected: row.rejected,
      rejections: row.rejections,
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    };
  }

  /** Waits for imports started by this process (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async process(
    id: string,
    sourceId: string,
    file: string,
    format: ImportFormat,
    mapping: ReturnType<typeof parseMappingOption>,
  ): Promise<void> {
    let lastSaved = 0;
    let saving: Promise<void> = Promise.resolve();
    const started = Date.now();
    try {
      const summary = await runImport(createReadStream(file), {
        format,
        mapping,
        defaultUtcOffsetMinutes: utcOffsetMinutesOf(this.config.timeZone),
        store: async (posts, batch) => {
          const outcome = await this.ingest.processBatch(`import-${id}-${batch}`, sourceId, posts, false);
          return { stored: outcome.stored, duplicates: outcome.duplicates };
        },
        onProgress: (progress: ImportProgress) => {
          if (Date.now() - lastSaved >= PROGRESS_EVERY_MS) {
            lastSaved = Date.now();
            const snapshot = { ...progress, rejections: [...progress.rejections] };
            saving = saving.then(() => this.imports.saveProgress(id, snapshot)).catch(() => undefined);
          }
        },
      });
      await saving;
      await this.imports.saveProgress(id, summary);
      await this.imports.finish(id, 'completed', null);
      this.logger.log(
        `Import ${id}: ${summary.read} read, ${summary.stored} stored, ${summary.duplicates} duplicates, ` +
          `${summary.rejected} rejected in ${Date.now() - started} ms`,
      );
    } catch (error) {
      await saving;
      this.logger.error(`Import ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      await this.imports
        .finish(
          id,
          'failed',
          'Impor gagal karena kesalahan server; data yang sudah tersimpan tetap ada. Coba unggah ulang.',
        )
        .catch(() => undefined);
    } finally {
      await rm(file, { force: true });
    }
  }

  private formatOf(request: ImportRequest): ImportFormat {
    const explicit = request.format?.toLowerCase();
    if (explicit === 'csv' || explicit === 'jsonl') {
      return explicit;
    }
    if (explicit !== undefined) {
      throw new BadRequestException('format: harus csv atau jsonl');
    }
    const type = request.contentType?.split(';')[0].trim().toLowerCase() ?? '';
    if (type === 'text/csv' || type === 'application/csv' || type === 'text/tab-separated-values') {
      return 'csv';
    }
    if (
      ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines'].includes(type)
    ) {
      return 'jsonl';
    }
    const byName = request.fileName ? formatFromFileName(request.fileName) : undefined;
    if (byName) {
      return byName;
    }
    throw new BadRequestException(
      'format: tidak dapat ditentukan; kirim Content-Type text/csv atau application/x-ndjson, atau parameter format=csv|jsonl',
    );
  }
}

function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) {
        callback(new PayloadTooLargeException(`Berkas impor melebihi batas ${max / 1024 / 1024} MB`));
        return;
      }
      callback(null, chunk);
    },
  });
}
