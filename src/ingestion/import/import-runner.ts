import { PassThrough, type Readable } from 'node:stream';
import { maskPii } from '../../analysis/index.js';
import type { IngestPostPayload } from '../ingest-post.js';
import { ColumnMapper, type ImportField } from './column-mapping.js';
import { readImportRecords, type ImportFormat } from './import-record-reader.js';
import { checkPost } from './post-checker.js';

export interface ImportRejection {
  line: number;
  reason: string;
}

export interface ImportProgress {
  /** Records read: CSV rows after the header, non-empty JSONL lines (unreadable ones included). */
  read: number;
  stored: number;
  duplicates: number;
  rejected: number;
  bytesRead: number;
  /** The first rejections (line and reason); all of them are counted in `rejected`. */
  rejections: ImportRejection[];
}

export interface ImportOptions {
  format: ImportFormat;
  /** Field → column overrides (`--map`). */
  mapping?: Partial<Record<ImportField, string>>;
  /** Offset of the home time zone for times written without one. */
  defaultUtcOffsetMinutes?: number;
  /**
   * Stores one batch (≤ `batchSize` posts) through the ingest path: analysis and the idempotent
   * insert. `batchNumber` lets the caller derive a stable batch id.
   */
  store: (posts: IngestPostPayload[], batchNumber: number) => Promise<{ stored: number; duplicates: number }>;
  batchSize?: number;
  /** Batches in flight at once: one is analysed while the previous one is written. */
  concurrency?: number;
  /** How many rejections are kept with their reasons. */
  keepRejections?: number;
  onProgress?: (progress: ImportProgress) => void;
  now?: () => Date;
}

const EMAIL_OR_PHONE = /@|\d{6,}/;

/**
 * Streams a CSV/JSONL export into the ingest path: read → map columns → check → batch → store.
 * Memory holds a few batches, whatever the file size. Returns the summary.
 */
export async function runImport(input: Readable, options: ImportOptions): Promise<ImportProgress> {
  const batchSize = options.batchSize ?? 1000;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const keep = options.keepRejections ?? 1000;
  const now = options.now ?? (() => new Date());
  const mapper = new ColumnMapper(options.mapping, options.defaultUtcOffsetMinutes);
  const progress: ImportProgress = { read: 0, stored: 0, duplicates: 0, rejected: 0, bytesRead: 0, rejections: [] };
  const reject = (line: number, reason: string) => {
    progress.rejected++;
    if (progress.rejections.length < keep) {
      progress.rejections.push({ line, reason });
    }
  };

  const counter = new PassThrough();
  counter.on('data', (chunk: Buffer) => (progress.bytesRead += chunk.length));
  input.on('error', (error) => counter.destroy(error));
  input.pipe(counter);

  const inFlight = new Set<Promise<void>>();
  let failure: Error | undefined;
  let batch: IngestPostPayload[] = [];
  let batchNumber = 0;
  // A full batch waits here for a free slot: the reader fills the next batch while `concurrency` batches are stored,
  // so a slot that frees starts its next batch at once instead of after the 1,000 lines are read and checked.
  const flush = async () => {
    if (batch.length === 0) {
      return;
    }
    while (inFlight.size >= concurrency) {
      await Promise.race(inFlight);
    }
    if (failure) {
      throw failure;
    }
    const posts = batch;
    batch = [];
    const number = batchNumber++;
    const task: Promise<void> = options
      .store(posts, number)
      .then((result) => {
        progress.stored += result.stored;
        progress.duplicates += result.duplicates;
        options.onProgress?.(progress);
      })
      .catch((error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  for await (const item of readImportRecords(counter, options.format)) {
    progress.read++;
    if ('reason' in item) {
      reject(item.line, item.reason);
      continue;
    }
    const mapped = mapper.map(item.record);
    if (!mapped.post) {
      reject(item.line, mapped.reason ?? 'baris tidak dapat dipakai');
      continue;
    }
    const check = checkPost(mapped.post, now());
    if (!check.ok) {
      reject(item.line, check.reason);
      continue;
    }
    const post = check.post;
    if (post.author && EMAIL_OR_PHONE.test(post.author)) {
      post.author = maskPii(post.author);
    }
    batch.push(post);
    if (batch.length >= batchSize) {
      await flush();
    }
  }
  await flush();
  await Promise.all(inFlight);
  if (failure) {
    throw failure;
  }
  options.onProgress?.(progress);
  return progress;
}
