/**
 * `pantau analyze --input FILE|- [--topics topics.json] [--home-region 33.08] [--lexicon]`
 *
 * Reads JSONL posts `{id, text}` (one per line, `-` for stdin) and writes one JSON line per post:
 * `{id, sentiment, score, category, opd, locations: [{code, name, level}], topics, maskedText, explanation}`.
 * Streaming (readline), no server, no database. Sentiment comes from the shipped default model
 * (src/analysis/model/default-sentiment-model.ts), as on a new server; `--lexicon` uses the lexicon alone.
 *
 * A bad line (not JSON, no string `text`) is reported on stderr with its line number and skipped; the command goes on
 * and exits with code 1 at the end if any line was skipped. A topics file that does not parse, or a query with a syntax
 * error, stops the command before any post is read (exit code 2).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createAnalyzer, type TopicQuery } from '../../analysis/index.js';
import {
  analyzeBatch,
  createCommandAnalyzer,
  type AnalyzeSettings,
  type BatchResult,
  type LineBatch,
} from './analyze-lines.js';
import { AnalyzePool } from './analyze-pool.js';

/** Lines per batch sent to a worker (PANTAU_ANALYZE_BATCH overrides, for tests of the ordering). */
const BATCH_LINES = Math.max(1, Number(process.env.PANTAU_ANALYZE_BATCH) || 512);
/** The worker module beside this one; absent when this module runs from its TypeScript source (jest). */
const WORKER_URL = import.meta.url.endsWith('.ts') ? undefined : new URL('./analyze.worker.js', import.meta.url);

export interface AnalyzeCommandOptions {
  input: string;
  topics?: string;
  homeRegion?: string;
  /** false unless --lexicon: the default model scores sentiment. */
  lexicon?: boolean;
  /**
   * Worker threads analysing batches of lines (`--workers`, default PANTAU_ANALYZE_WORKERS or one per core, at most
   * 8); 1 analyses in the main thread. The output is the same, in input order, either way.
   */
  workers?: number | string;
}

function workerCount(opts: AnalyzeCommandOptions): number {
  const asked = Number(opts.workers ?? process.env.PANTAU_ANALYZE_WORKERS ?? availableParallelism());
  return WORKER_URL && Number.isFinite(asked) ? Math.min(8, Math.max(1, Math.floor(asked))) : 1;
}

export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('Analisis pos (JSONL {id, text}) tanpa server: sentimen, kategori/OPD, lokasi, topik, PII disamarkan')
    .requiredOption('-i, --input <file>', 'berkas JSONL, atau - untuk stdin')
    .option('-t, --topics <file>', 'berkas JSON berisi daftar topik [{id, query}]')
    .option(
      '--home-region <code>',
      'kode wilayah Kemendagri (bawaan: PANTAU_HOME_REGION)',
      process.env.PANTAU_HOME_REGION,
    )
    .option('--lexicon', 'sentimen dari leksikon saja (tanpa model bawaan)')
    .option('-w, --workers <n>', 'jumlah thread pekerja (bawaan: satu per inti prosesor; 1 = tanpa thread)')
    .action(async (opts: AnalyzeCommandOptions) => {
      process.exitCode = await runAnalyze(opts, process.stdout, process.stderr);
    });
}

function readTopics(path: string): TopicQuery[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(raw) ? raw : (raw as { topics?: unknown })?.topics;
  if (!Array.isArray(list)) {
    throw new Error('berkas topik harus berupa larik [{id, query}]');
  }
  return list.map((t: unknown, i: number) => {
    const o = t as { id?: unknown; query?: unknown };
    if (typeof o?.query !== 'string' || (typeof o.id !== 'string' && typeof o.id !== 'number')) {
      throw new Error(`topik ke-${i + 1} harus memiliki id dan query (teks)`);
    }
    return { id: String(o.id), query: o.query };
  });
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) {
    await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
}

/** Runs the command; returns the exit code. */
export async function runAnalyze(
  opts: AnalyzeCommandOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let topics: TopicQuery[] = [];
  if (opts.topics) {
    try {
      topics = readTopics(opts.topics);
    } catch (e) {
      err.write(`pantau analyze: berkas topik ${opts.topics} tidak dapat dibaca: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const settings: AnalyzeSettings = { topics, homeRegion: opts.homeRegion, lexicon: opts.lexicon === true };
  const workers = workerCount(opts);
  // Queries are checked before anything heavy is loaded (no gazetteer, no models: the errors are the same).
  const topicErrors = createAnalyzer({ topics, languages: false, emotion: false }).topicErrors;
  if (topicErrors.length > 0) {
    for (const t of topicErrors) {
      err.write(`pantau analyze: kueri topik "${t.id}" tidak sah: ${t.message}\n`);
    }
    return 2;
  }
  const pool = workers > 1 ? await AnalyzePool.start(settings, workers, WORKER_URL!) : undefined;
  const analyzer = pool ? undefined : await createCommandAnalyzer(settings);
  const run = (batch: LineBatch): Promise<BatchResult> =>
    pool ? pool.submit(batch) : Promise.resolve(analyzeBatch(analyzer!, batch));
  const input = opts.input === '-' ? process.stdin : createReadStream(opts.input, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  // Results are written in input order; at most two batches per worker are in flight.
  const inFlight: Promise<BatchResult>[] = [];
  const maxInFlight = pool ? workers * 2 : 1;
  let bad = 0;
  let done = 0;
  const flush = async () => {
    const r = await inFlight.shift()!;
    err.write(r.errors);
    await write(out, r.out);
    done += r.done;
    bad += r.bad;
  };
  let lineNo = 0;
  let batch: LineBatch = { firstLine: 1, lines: [] };
  try {
    try {
      for await (const line of lines) {
        lineNo++;
        batch.lines.push(line);
        if (batch.lines.length === BATCH_LINES) {
          inFlight.push(run(batch));
          batch = { firstLine: lineNo + 1, lines: [] };
          while (inFlight.length >= maxInFlight) {
            await flush();
          }
        }
      }
    } catch (e) {
      err.write(
        `pantau analyze: masukan ${opts.input} tidak dapat dibaca: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
      );
      await Promise.allSettled(inFlight);
      return 2;
    }
    if (batch.lines.length > 0) {
      inFlight.push(run(batch));
    }
    while (inFlight.length > 0) {
      await flush();
    }
  } finally {
    await pool?.close();
  }
  err.write(`pantau analyze: ${done} pos dianalisis${bad ? `, ${bad} baris dilewati` : ''}\n`);
  return bad > 0 ? 1 : 0;
}
