/**
 * Readers for labelled text files: SmSA-style TSV (no header, `text<TAB>label`), CSV with a header
 * (NusaX: id,text,label; quoted fields) and JSONL ({"text","label"}). The format is chosen from the
 * extension (.tsv, .csv, .jsonl/.ndjson). Dataset files are found under PANTAU_DATASETS_DIR.
 */
import { readFileSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface LabelledText {
  text: string;
  label: string;
}

/** Where the shared datasets live: PANTAU_DATASETS_DIR or ../shared/datasets relative to the working directory. */
export function datasetsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PANTAU_DATASETS_DIR || '../shared/datasets');
}

/** A dataset file path: absolute paths and paths that exist as given are kept, others are under datasetsDir(). */
export function datasetPath(file: string, env: NodeJS.ProcessEnv = process.env): string {
  if (isAbsolute(file)) {
    return file;
  }
  return resolve(datasetsDir(env), file);
}

export function parseTsv(content: string): LabelledText[] {
  const out: LabelledText[] = [];
  for (const line of content.split(/\r?\n/)) {
    if (!line.trim()) {
      continue;
    }
    const tab = line.lastIndexOf('\t');
    if (tab < 0) {
      continue;
    }
    out.push({ text: line.slice(0, tab), label: line.slice(tab + 1).trim() });
  }
  return out;
}

export function parseCsv(content: string): LabelledText[] {
  const rows = parse<Record<string, string>>(content, {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    bom: true,
  });
  return rows
    .filter((r) => typeof r.text === 'string' && typeof r.label === 'string')
    .map((r) => ({ text: r.text, label: r.label.trim() }));
}

export function parseJsonl(content: string): LabelledText[] {
  const out: LabelledText[] = [];
  for (const line of content.split(/\r?\n/)) {
    if (!line.trim()) {
      continue;
    }
    const row = JSON.parse(line) as { text?: unknown; label?: unknown; sentiment?: unknown; category?: unknown };
    const label = row.label ?? row.sentiment ?? row.category;
    if (typeof row.text === 'string' && typeof label === 'string') {
      out.push({ text: row.text, label });
    }
  }
  return out;
}

/** Reads a labelled file by extension. */
export function readLabelledFile(path: string): LabelledText[] {
  const content = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.tsv') {
    return parseTsv(content);
  }
  if (ext === '.csv') {
    return parseCsv(content);
  }
  if (ext === '.jsonl' || ext === '.ndjson') {
    return parseJsonl(content);
  }
  throw new Error(`Unsupported file format '${ext}': use .tsv, .csv or .jsonl`);
}

export const SENTIMENT_SPLITS = {
  smsa: {
    train: 'smsa/train_preprocess.tsv',
    valid: 'smsa/valid_preprocess.tsv',
    test: 'smsa/test_preprocess.tsv',
  },
  nusax: { train: 'nusax-id/train.csv', valid: 'nusax-id/valid.csv', test: 'nusax-id/test.csv' },
} as const;

export type SentimentDatasetName = keyof typeof SENTIMENT_SPLITS;

export function readSentimentSplit(
  dataset: SentimentDatasetName,
  split: 'train' | 'valid' | 'test',
  env: NodeJS.ProcessEnv = process.env,
): LabelledText[] {
  return readLabelledFile(datasetPath(SENTIMENT_SPLITS[dataset][split], env));
}
