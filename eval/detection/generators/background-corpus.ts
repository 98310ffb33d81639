/**
 * Real sentences for the blind generators' background chatter, read at evaluation time from the TRAIN splits of
 * the shared datasets (SmSA reviews and comments, NusaX-id comments, EmoT tweets). Nothing is copied into the
 * repository; the labels are not used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export const BACKGROUND_FILES = {
  smsa: 'smsa/train_preprocess.tsv',
  nusax: 'nusax-id/train.csv',
  emot: 'emot/train_preprocess.csv',
} as const;

/** PANTAU_DATASETS_DIR, else the nearest `shared/datasets` beside the working directory or one of its parents. */
export function findDatasetsDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (env.PANTAU_DATASETS_DIR) {
    return resolve(env.PANTAU_DATASETS_DIR);
  }
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, 'shared', 'datasets');
    if (existsSync(join(candidate, BACKGROUND_FILES.smsa))) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('shared/datasets not found: set PANTAU_DATASETS_DIR');
    }
    dir = parent;
  }
}

export interface BackgroundSentences {
  /** SmSA texts (lower-cased, tokenised as in the dataset). */
  smsa: string[];
  /** NusaX-id texts (original casing). */
  nusax: string[];
  /** EmoT tweets ([USERNAME] and [URL] placeholders kept). */
  emot: string[];
}

export function loadBackgroundSentences(dir = findDatasetsDir()): BackgroundSentences {
  const smsa = readFileSync(join(dir, BACKGROUND_FILES.smsa), 'utf8')
    .split(/\r?\n/u)
    .map((line) => line.slice(0, Math.max(0, line.lastIndexOf('\t'))).trim())
    .filter((t) => t.length > 0);
  const nusax = parse<Record<string, string>>(readFileSync(join(dir, BACKGROUND_FILES.nusax), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    bom: true,
  }).map((r) => r.text);
  const emot = parse<Record<string, string>>(readFileSync(join(dir, BACKGROUND_FILES.emot), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    bom: true,
  }).map((r) => r.tweet);
  return { smsa, nusax, emot };
}

/** All three sources in one list, SmSA detokenised (" ." → "."). */
export function flattenBackground(b: BackgroundSentences): string[] {
  return [...b.smsa.map(detokenise), ...b.nusax, ...b.emot].filter((t) => t.trim().length > 0);
}

export function detokenise(text: string): string {
  return text
    .replace(/\s+([.,!?;:%)])/gu, '$1')
    .replace(/([(])\s+/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Splits a text into sentences (for taking one or two of a long review). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
