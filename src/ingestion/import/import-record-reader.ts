import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { normaliseKey, type FlatRecord } from './column-mapping.js';

export type ImportFormat = 'csv' | 'jsonl';

/** One record of the file, or why its line could not be read. `line` is 1-based (CSV: the record's first line). */
export type ImportRecord = { line: number; record: FlatRecord } | { line: number; reason: string };

/** csv / jsonl from a file name (`.csv`, `.tsv`, `.jsonl`, `.ndjson`, `.json`); undefined when unknown. */
export function formatFromFileName(name: string): ImportFormat | undefined {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.(csv|tsv|txt)$/.test(lower)) {
    return 'csv';
  }
  if (/\.(jsonl|ndjson|json)$/.test(lower)) {
    return 'jsonl';
  }
  return undefined;
}

/** Streams the records of a CSV or JSONL export, one at a time: memory stays flat whatever the file size. */
export function readImportRecords(input: Readable, format: ImportFormat): AsyncGenerator<ImportRecord> {
  return format === 'csv' ? readCsv(input) : readJsonLines(input);
}

async function* readJsonLines(input: Readable): AsyncGenerator<ImportRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { line, reason: 'JSON tidak valid' };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, reason: 'baris bukan objek JSON' };
      continue;
    }
    yield { line, record: flatten(value as Record<string, unknown>) };
  }
}

/** Top-level keys, plus one level of nested objects as `parent.child` (e.g. `user.screen_name`, `public_metrics.like_count`). */
function flatten(object: Record<string, unknown>): FlatRecord {
  const flat: FlatRecord = new Map();
  for (const key in object) {
    const value = object[key];
    const normal = normaliseKey(key);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const inner in value as Record<string, unknown>) {
        const innerValue = (value as Record<string, unknown>)[inner];
        if (innerValue === null || typeof innerValue !== 'object') {
          flat.set(`${normal}${normaliseKey(inner)}`, innerValue);
        }
      }
    } else if (!flat.has(normal)) {
      flat.set(normal, value);
    }
  }
  return flat;
}

/** The delimiter of a CSV export from its first line: the most frequent of , ; and tab outside quotes. */
export function sniffDelimiter(firstLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char in counts) {
      counts[char]++;
    }
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][1] > 0
    ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0]
    : ',';
}

/** Reads the stream until its first line break, then hands the whole stream on unchanged. */
async function peekFirstLine(input: Readable): Promise<{ firstLine: string; stream: Readable }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let done = false;
  while (!done) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    if (chunk.includes(10) || Buffer.concat(head).length > 1 << 20) {
      break;
    }
  }
  const buffered = Buffer.concat(head);
  const firstLine = buffered.toString('utf8').split('\n', 1)[0];
  async function* rest(): AsyncGenerator<Buffer> {
    yield buffered;
    if (done) {
      return;
    }
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        return;
      }
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { firstLine, stream: Readable.from(rest(), { objectMode: false }) };
}

async function* readCsv(input: Readable): AsyncGenerator<ImportRecord> {
  const { firstLine, stream } = await peekFirstLine(input);
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter: sniffDelimiter(firstLine),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: false,
    }),
  );
  let header: string[] | undefined;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (!header) {
        header = record.map((name) => normaliseKey(name));
        continue;
      }
      const flat: FlatRecord = new Map();
      for (let i = 0; i < header.length && i < record.length; i++) {
        if (header[i] !== '' && !flat.has(header[i])) {
          flat.set(header[i], record[i]);
        }
      }
      yield { line: info.lines, record: flat };
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    yield { line: line ?? 0, reason: `CSV rusak, pembacaan berhenti: ${(error as Error).message}` };
  }
}
