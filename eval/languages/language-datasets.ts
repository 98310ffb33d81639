/** The NusaX splits of the nine languages and EmoT (../shared/datasets, see its INDEX.md), as labelled rows. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  REGIONAL_LANGUAGES,
  type LanguageCode,
  type RegionalLanguageName,
} from '../../src/analysis/language/language.types.js';
import { datasetFile } from '../eval-suite.js';

export type Split = 'train' | 'valid' | 'test';
export interface LabelledRow {
  id: string;
  text: string;
  label: string;
}

export const NUSAX_LANGUAGES: ReadonlyArray<{ folder: string; code: LanguageCode }> = [
  { folder: 'nusax-id', code: 'id' },
  ...Object.entries(REGIONAL_LANGUAGES).map(([name, code]) => ({ folder: `nusax-${name}`, code })),
];

function readCsv(path: string, textColumn: string): LabelledRow[] {
  const rows = parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    bom: true,
  });
  return rows.map((r, i) => ({ id: r.id ?? String(i), text: r[textColumn] ?? '', label: (r.label ?? '').trim() }));
}

export function readNusax(datasetsDir: string, folder: string, split: Split): LabelledRow[] {
  return readCsv(datasetFile(`${folder}/${split}.csv`, datasetsDir), 'text');
}

export function readRegional(datasetsDir: string, name: RegionalLanguageName, split: Split): LabelledRow[] {
  return readNusax(datasetsDir, `nusax-${name}`, split);
}

/** EmoT tweets; its `[USERNAME]` and `[URL]` placeholders become a mention and a link, as posts carry them. */
export function readEmot(datasetsDir: string, split: Split): LabelledRow[] {
  return readCsv(datasetFile(`emot/${split}_preprocess.csv`, datasetsDir), 'tweet').map((r) => ({
    ...r,
    text: r.text.replace(/\[USERNAME\]/g, '@user').replace(/\[URL\]/g, 'https://t.co/x'),
  }));
}
