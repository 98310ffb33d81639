/**
 * The blind places set (eval/places/posts.jsonl) and its scoring: regency-level precision, recall and F1 (micro,
 * over (post, regency) pairs), and the same at province level. A predicted place counts at regency level through
 * its regency code (a district or village match counts as its regency); a province match counts only at province
 * level.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type PlacesSplit = 'tune' | 'report';

export interface LabelledPlacePost {
  id: string;
  split: PlacesSplit;
  /** The deployment's home regency (Kemendagri code) the post was written for. */
  homeRegion: string;
  text: string;
  /** Regency/city codes the post is about ('33.02'). */
  regencies: string[];
  /** Province codes: those of the regencies, plus provinces named on their own. */
  provinces: string[];
  /** District codes, where a district is named. */
  districts: string[];
  /** Hard-case tags ('bare-regency', 'malaysia', 'no-place', …). */
  cases: string[];
}

/** posts.jsonl beside this file, or under eval/places when run from dist/. */
export function placesPostsPath(): string {
  const here = fileURLToPath(new URL('./posts.jsonl', import.meta.url));
  if (existsSync(here)) {
    return here;
  }
  return fileURLToPath(new URL('../../../eval/places/posts.jsonl', import.meta.url));
}

export function readPlacePosts(path = placesPostsPath()): LabelledPlacePost[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/u)
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelledPlacePost);
}

/** Location codes of any level → regency codes (province-level codes dropped). */
export function regenciesOf(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((c) => c.length >= 5).map((c) => c.slice(0, 5)))].sort();
}

export function provincesOf(codes: readonly string[]): string[] {
  return [...new Set(codes.map((c) => c.slice(0, 2)))].sort();
}

export interface PairScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export function scorePairs(items: readonly { gold: readonly string[]; predicted: readonly string[] }[]): PairScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, predicted } of items) {
    const g = new Set(gold);
    const p = new Set(predicted);
    for (const code of p) {
      if (g.has(code)) {
        tp++;
      } else {
        fp++;
      }
    }
    for (const code of g) {
      if (!p.has(code)) {
        fn++;
      }
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}
