/**
 * NusaX-id was sampled from SmSA: about half of its test texts are also in SmSA train, word for word or nearly. A model
 * that saw SmSA train (the shipped default) is reported on NusaX-id only without them. Rule: a NusaX-id text overlaps
 * when the Jaccard similarity of its token set and some SmSA train text's token set is ≥ 0.8 (tokens: lower-cased runs
 * of letters and digits). The ids removed are committed in nusax-id-overlap.json; `node dist/eval/nusax-overlap.js`
 * recomputes them (`--write` to update the file), and the sentiment suite refuses to run when they differ.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { datasetFile } from '../eval-suite.js';
import { readSentimentSplit, SENTIMENT_SPLITS } from './sentiment-datasets.js';

export const OVERLAP_RULE = 'token-set Jaccard >= 0.8 against any SmSA train text';
export const OVERLAP_THRESHOLD = 0.8;
export const OVERLAP_FILE = new URL('./nusax-id-overlap.json', import.meta.url);

export interface NusaxRow {
  id: string;
  text: string;
  label: string;
}

export interface OverlapList {
  rule: string;
  valid: string[];
  test: string[];
}

export function tokenSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) {
    if (b.has(t)) {
      shared++;
    }
  }
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** NusaX-id rows with their ids (the shared reader keeps only text and label). */
export function readNusaxRows(datasetsDir: string, split: 'valid' | 'test'): NusaxRow[] {
  const content = readFileSync(datasetFile(SENTIMENT_SPLITS.nusax[split], datasetsDir), 'utf8');
  return parse<Record<string, string>>(content, {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    bom: true,
  })
    .filter((r) => typeof r.id === 'string' && typeof r.text === 'string' && typeof r.label === 'string')
    .map((r) => ({ id: r.id, text: r.text, label: r.label.trim() }));
}

/** Ids of the rows whose best Jaccard against SmSA train reaches the threshold, in file order. */
export function overlappingIds(rows: readonly NusaxRow[], smsaTrain: readonly { text: string }[]): string[] {
  const train = smsaTrain.map((r) => tokenSet(r.text));
  // Only texts of a compatible size can reach the threshold: |A ∩ B| / |A ∪ B| ≥ t needs t·|A| ≤ |B| ≤ |A| / t.
  return rows
    .filter((row) => {
      const a = tokenSet(row.text);
      return train.some(
        (b) =>
          b.size >= a.size * OVERLAP_THRESHOLD &&
          b.size * OVERLAP_THRESHOLD <= a.size &&
          jaccard(a, b) >= OVERLAP_THRESHOLD,
      );
    })
    .map((row) => row.id);
}

export function computeOverlap(datasetsDir: string): OverlapList {
  const smsa = readSentimentSplit(datasetsDir, 'smsa', 'train');
  return {
    rule: OVERLAP_RULE,
    valid: overlappingIds(readNusaxRows(datasetsDir, 'valid'), smsa),
    test: overlappingIds(readNusaxRows(datasetsDir, 'test'), smsa),
  };
}

export function committedOverlap(): OverlapList {
  return JSON.parse(readFileSync(OVERLAP_FILE, 'utf8')) as OverlapList;
}
