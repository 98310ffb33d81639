/**
 * Sentiment rows of `npm run eval`: the lexicon with its built-in thresholds, and the shipped default model (trained on
 * SmSA train), on SmSA and NusaX-id. Floors sit just under the figures measured on the valid splits
 * (docs/analysis-sentiment.md); nothing is tuned on the test splits. NusaX-id overlaps SmSA train: the default model
 * is reported on NusaX-id only without the overlap (nusax-overlap.ts), with a 95 % bootstrap interval.
 */
import { SENTIMENT_LABELS } from '../../src/analysis/analysis.types.js';
import { evaluate, loadDefaultSentimentModel, type LabelledText } from '../../src/analysis/model/index.js';
import { createSentimentScorer } from '../../src/analysis/sentiment/index.js';
import { bootstrapInterval } from '../bootstrap.js';
import type { EvalContext, EvalRow, EvalSuite } from '../eval-suite.js';
import { reproducesDefaultModel } from './default-model-training.js';
import { committedOverlap, computeOverlap, readNusaxRows } from './nusax-overlap.js';
import { readSentimentSplit } from './sentiment-datasets.js';

/** Valid-split macro-F1 floors, just under the measured figures (docs/analysis-sentiment.md). */
const FLOORS = {
  lexiconSmsa: 0.69,
  lexiconNusax: 0.75,
  defaultSmsa: 0.87,
  defaultNusaxWithoutOverlap: 0.7,
};

type Predict = (text: string) => string;

function macroF1(rows: readonly LabelledText[], predict: Predict): number {
  return evaluate(
    rows.map((r) => r.label),
    rows.map((r) => predict(r.text)),
    SENTIMENT_LABELS,
  ).macroF1;
}

function row(
  ctx: EvalContext,
  subject: string,
  data: string,
  rows: readonly LabelledText[],
  predict: Predict,
  floor: number,
): EvalRow {
  return {
    suite: 'sentiment',
    subject,
    data: `${data} ${ctx.split}`,
    n: rows.length,
    metric: 'macro-F1',
    value: macroF1(rows, predict),
    floor,
  };
}

export const sentimentSuite: EvalSuite = {
  name: 'sentiment',
  async run(ctx) {
    const lexicon = createSentimentScorer();
    const model = loadDefaultSentimentModel();
    const byLexicon: Predict = (text) => lexicon.score(text).label;
    const byModel: Predict = (text) => model.predict(text).label;
    const smsa = readSentimentSplit(ctx.datasetsDir, 'smsa', ctx.split);
    const nusax = readNusaxRows(ctx.datasetsDir, ctx.split);

    const overlap = computeOverlap(ctx.datasetsDir);
    if (JSON.stringify(overlap) !== JSON.stringify(committedOverlap())) {
      throw new Error(
        'NusaX-id overlap differs from eval/sentiment/nusax-id-overlap.json: rerun eval/nusax-overlap.ts',
      );
    }
    const removed = new Set(overlap[ctx.split]);
    const unseen = nusax.filter((r) => !removed.has(r.id));
    const interval = bootstrapInterval(unseen, (sample) => macroF1(sample, byModel));

    return [
      {
        suite: 'sentiment',
        subject: `default model ${model.json.id}`,
        data: 'retrained from SmSA train (npm run train:default)',
        n: model.json.trainedOn,
        metric: 'same bytes as committed (1 = yes)',
        value: reproducesDefaultModel(ctx.datasetsDir) ? 1 : 0,
        floor: 1,
      },
      row(ctx, 'lexicon (built-in thresholds)', 'SmSA', smsa, byLexicon, FLOORS.lexiconSmsa),
      row(ctx, 'lexicon (built-in thresholds)', 'NusaX-id', nusax, byLexicon, FLOORS.lexiconNusax),
      row(ctx, `default model ${model.json.id}`, 'SmSA', smsa, byModel, FLOORS.defaultSmsa),
      row(
        ctx,
        `default model ${model.json.id}`,
        `NusaX-id without SmSA overlap (95% CI ${interval.low.toFixed(3)}–${interval.high.toFixed(3)})`,
        unseen,
        byModel,
        FLOORS.defaultNusaxWithoutOverlap,
      ),
    ];
  },
};
