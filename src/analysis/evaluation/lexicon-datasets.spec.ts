/**
 * The hand-written lexicon on the real SmSA and NusaX test splits (read from PANTAU_DATASETS_DIR, default
 * ../shared/datasets). Default thresholds, nothing tuned on these files. Target: macro-F1 ≥ 0.60 on each.
 */
import { SENTIMENT_LABELS } from '../analysis.types.js';
import { createSentimentScorer } from '../sentiment/index.js';
import { evaluate } from './metrics.js';
import { readSentimentSplit } from './dataset-reader.js';

describe('lexicon on the public test splits', () => {
  const scorer = createSentimentScorer();
  it.each(['smsa', 'nusax'] as const)('%s test macro-F1 ≥ 0.60', (dataset) => {
    const rows = readSentimentSplit(dataset, 'test');
    expect(rows.length).toBeGreaterThanOrEqual(400);
    const report = evaluate(
      rows.map((r) => r.label),
      rows.map((r) => scorer.score(r.text).label),
      SENTIMENT_LABELS,
    );
    expect(report.macroF1).toBeGreaterThanOrEqual(0.6);
  });
});
