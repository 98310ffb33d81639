/**
 * Readers for labelled text files: SmSA-style TSV (no header, `text<TAB>label`), CSV with a header
 * (NusaX: id,text,label; quoted fields) and JSONL ({"text","label"}). The format is chosen from the
 * extension (.tsv, .csv, .jsonl/.ndjson). Used wherever labelled examples come from a file: `pantau train`, the
 * optional base dataset of retraining, and the evaluations in eval/ (which resolve the shared datasets themselves).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface LabelledText {
  text: string;
  label: string;
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
