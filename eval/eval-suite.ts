/**
 * The shape every evaluation in eval/ shares: a suite reads what it needs (the shared datasets, or streams it generates),
 * and returns one row per figure. `npm run eval` (eval/main.ts) prints the rows as one table and fails when a row of the
 * valid splits falls below its floor. Floors are measured on the valid (tuning) splits only; test splits are printed
 * with `--test` and never gate, so nothing is chosen on them.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type EvalSplit = 'valid' | 'test';

export interface EvalContext {
  /** The folder holding the shared datasets (smsa/, nusax-id/, …). */
  datasetsDir: string;
  /** valid: the tuning splits, gated by floors. test: the held-out splits, printed once when a result is reported. */
  split: EvalSplit;
  /** Progress for long suites (stderr). */
  log: (message: string) => void;
}

export interface EvalRow {
  suite: string;
  /** What was evaluated (method or model). */
  subject: string;
  /** The data: dataset and split, or seeds. */
  data: string;
  n: number;
  metric: string;
  value: number;
  /** The gate on the valid split: the run fails when `value` falls below (or, for lower-is-better, above) it. */
  floor?: number;
  lowerIsBetter?: boolean;
}

export interface EvalSuite {
  name: string;
  run(ctx: EvalContext): Promise<EvalRow[]>;
}

/** True when the row has a floor and misses it. */
export function missesFloor(row: EvalRow): boolean {
  if (row.floor === undefined) {
    return false;
  }
  return row.lowerIsBetter ? row.value > row.floor : row.value < row.floor;
}

/** The repository root: the nearest folder above this file with a package.json (works from eval/ and dist/eval/). */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`no package.json above ${from}`);
    }
    dir = parent;
  }
  return dir;
}

/** The datasets folder: the given one (relative to the working directory), else ../shared/datasets beside the repository. */
export function resolveDatasetsDir(flag?: string): string {
  return flag ? resolve(flag) : resolve(repoRoot(), '..', 'shared', 'datasets');
}

/** A dataset file: absolute paths and paths that exist as given are kept, others are looked up under `datasetsDir`. */
export function datasetFile(file: string, datasetsDir: string): string {
  if (isAbsolute(file) || existsSync(file)) {
    return resolve(file);
  }
  return resolve(datasetsDir, file);
}
