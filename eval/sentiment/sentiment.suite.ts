/**
 * Sentiment rows of `npm run eval`: the lexicon with its built-in thresholds on SmSA and NusaX-id. Floors sit just
 * under the figures measured on the valid splits (docs/analysis-sentiment.md); nothing is tuned on the test splits.
 */
import { SENTIMENT_LABELS } from '../../src/analysis/analysis.types.js';
import { evaluate } from '../../src/analysis/model/index.js';
import { createSentimentScorer } from '../../src/analysis/sentiment/index.js';
import type { EvalRow, EvalSuite } from '../eval-suite.js';
import { readSentimentSplit, type SentimentDatasetName } from './sentiment-datasets.js';

const DATASETS: ReadonlyArray<{ name: SentimentDatasetName; label: string }> = [
  { name: 'smsa', label: 'SmSA' },
  { name: 'nusax', label: 'NusaX-id' },
];

/** Valid-split macro-F1 floors (measured: lexicon SmSA 0.684, NusaX-id 0.745). */
const LEXICON_FLOORS: Record<SentimentDatasetName, number> = { smsa: 0.67, nusax: 0.73 };

export const sentimentSuite: EvalSuite = {
  name: 'sentiment',
  async run(ctx) {
    const rows: EvalRow[] = [];
    const scorer = createSentimentScorer();
    for (const dataset of DATASETS) {
      const data = readSentimentSplit(ctx.datasetsDir, dataset.name, ctx.split);
      const report = evaluate(
        data.map((r) => r.label),
        data.map((r) => scorer.score(r.text).label),
        SENTIMENT_LABELS,
      );
      rows.push({
        suite: 'sentiment',
        subject: 'lexicon (built-in thresholds)',
        data: `${dataset.label} ${ctx.split}`,
        n: data.length,
        metric: 'macro-F1',
        value: report.macroF1,
        floor: LEXICON_FLOORS[dataset.name],
      });
    }
    return rows;
  },
};
