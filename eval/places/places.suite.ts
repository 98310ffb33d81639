/**
 * Rows of `npm run eval` for places: regency-level precision, recall and F1 of the analyzer on the blind places set
 * (eval/places/posts.jsonl, README there). Its `tune` split plays the valid split (the rules were tuned on it; the
 * floor sits just under the figure measured on it); its `report` split, held out, plays the test split and is printed
 * only with `--test`. The set is committed, so this suite needs no shared dataset.
 */
import type { EvalRow, EvalSuite } from '../eval-suite.js';
import { placesRows, predictPlaces } from './places-evaluation.js';
import { readPlacePosts } from './places-scoring.js';

/** Just under the tune split's regency F1 (0.911, docs/analysis-engine.md, Places). */
export const PLACES_TUNE_F1_FLOOR = 0.89;

export const placesSuite: EvalSuite = {
  name: 'places',
  async run(ctx) {
    const split = ctx.split === 'valid' ? 'tune' : 'report';
    const predictions = await predictPlaces(readPlacePosts());
    const row = placesRows(predictions).find((r) => r.split === split)!;
    const data = `eval/places ${split} split (${ctx.split === 'valid' ? 'tuned on' : 'held out'})`;
    const subject = 'gazetteer via the analyzer, each post with its home region';
    const base = { suite: 'places', subject, data, n: row.posts };
    const rows: EvalRow[] = [
      {
        ...base,
        metric: 'regency F1',
        value: row.regency.f1,
        floor: split === 'tune' ? PLACES_TUNE_F1_FLOOR : undefined,
      },
      { ...base, metric: 'regency precision', value: row.regency.precision },
      { ...base, metric: 'regency recall', value: row.regency.recall },
      { ...base, metric: 'placeless posts given a regency', value: row.falseOnPlaceless, lowerIsBetter: true },
    ];
    return rows;
  },
};
