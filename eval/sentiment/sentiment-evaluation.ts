/**
 * Sentiment on a labelled file: the lexicon (built-in thresholds, or thresholds chosen on a valid file) or the trained
 * classifier (trained on a train file with settings chosen on the valid file, or loaded from a model file). Backs
 * `pantau eval sentiment`; the test file is never used to choose anything.
 */
import { readFileSync } from 'node:fs';
import { SENTIMENT_LABELS } from '../../src/analysis/analysis.types.js';
import {
  evaluate,
  formatReport,
  readLabelledFile,
  TextClassifier,
  trainWithSelection,
  type LabelledText,
} from '../../src/analysis/model/index.js';
import { createSentimentScorer } from '../../src/analysis/sentiment/index.js';
import { datasetFile, resolveDatasetsDir } from '../eval-suite.js';

export interface EvalSentimentOptions {
  test: string;
  train?: string;
  valid?: string;
  model: 'lexicon' | 'trained';
  modelFile?: string;
  /** Where relative dataset paths are looked up (default ../shared/datasets beside the repository). */
  datasets?: string;
}

const LABELS = SENTIMENT_LABELS as readonly string[];

/** The lexicon thresholds maximising macro-F1 on the given (validation) rows. */
export function chooseThresholds(scores: number[], gold: string[]): { positive: number; negative: number; f1: number } {
  let best = { positive: 0.2, negative: 0.2, f1: -1 };
  for (let p = 0.05; p < 0.9; p += 0.05) {
    for (let n = 0.05; n < 0.9; n += 0.05) {
      const pred = scores.map((x) => (x >= p ? 'positive' : x <= -n ? 'negative' : 'neutral'));
      const f1 = evaluate(gold, pred, LABELS).macroF1;
      if (f1 > best.f1) {
        best = { positive: Math.round(p * 100) / 100, negative: Math.round(n * 100) / 100, f1 };
      }
    }
  }
  return best;
}

export function runEvalSentiment(
  opts: EvalSentimentOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): number {
  const dir = resolveDatasetsDir(opts.datasets);
  const read = (f: string | undefined): LabelledText[] | undefined =>
    f ? readLabelledFile(datasetFile(f, dir)) : undefined;
  let test: LabelledText[];
  let train: LabelledText[] | undefined;
  let valid: LabelledText[] | undefined;
  try {
    test = read(opts.test)!;
    train = read(opts.train);
    valid = read(opts.valid);
  } catch (e) {
    err.write(`pantau eval: berkas tidak dapat dibaca: ${(e as Error).message}\n`);
    return 2;
  }
  const gold = test.map((t) => t.label);
  let predicted: string[];
  let title: string;
  if (opts.model === 'lexicon') {
    let scorer = createSentimentScorer();
    title = 'leksikon (ambang bawaan)';
    if (valid) {
      const t = chooseThresholds(
        valid.map((v) => scorer.score(v.text).score),
        valid.map((v) => v.label),
      );
      scorer = createSentimentScorer({ thresholds: t });
      title = `leksikon (ambang dari validasi: +${t.positive} / -${t.negative}, macro-F1 validasi ${(t.f1 * 100).toFixed(1)}%)`;
    }
    predicted = test.map((t) => scorer.score(t.text).label);
  } else if (opts.model === 'trained') {
    let model: TextClassifier;
    if (opts.modelFile) {
      model = TextClassifier.fromJSON(readFileSync(opts.modelFile, 'utf8'));
      title = `model ${model.json.id}`;
    } else if (train) {
      const r = trainWithSelection(train, valid, { onProgress: (m) => err.write(`  ${m}\n`) });
      model = r.model;
      title = `model terlatih (${train.length} contoh; pengaturan ${JSON.stringify(r.params)}${
        r.validMacroF1 !== null ? `, macro-F1 validasi ${(r.validMacroF1 * 100).toFixed(1)}%` : ''
      })`;
    } else {
      err.write('pantau eval: --model trained memerlukan --train atau --model-file\n');
      return 2;
    }
    predicted = test.map((t) => model.predict(t.text).label);
  } else {
    err.write(`pantau eval: --model harus lexicon atau trained\n`);
    return 2;
  }
  out.write(formatReport(evaluate(gold, predicted, LABELS), `${opts.test}: ${title}`) + '\n');
  return 0;
}
