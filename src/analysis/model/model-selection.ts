/**
 * Choosing training settings on a validation split only, then training the final model. Used by the CLI
 * (`pantau train`, `pantau eval sentiment --model trained`) and by the app's retraining job.
 */
import { evaluate } from './metrics.js';
import { TextClassifier, type TrainParams } from './text-classifier.js';

export interface LabelledExample {
  text: string;
  label: string;
}

/** The candidate settings tried on the validation split (small on purpose: 8 trainings). */
export const SETTING_CANDIDATES: ReadonlyArray<Partial<TrainParams>> = [
  { lexiconScale: 0, charMax: 0, l2: 1e-4, balanced: true },
  { lexiconScale: 1, charMax: 0, l2: 1e-4, balanced: true },
  { lexiconScale: 2, charMax: 0, l2: 1e-4, balanced: true },
  { lexiconScale: 2, charMax: 0, l2: 1e-4, balanced: false },
  { lexiconScale: 2, charMax: 0, l2: 1e-5, balanced: false },
  { lexiconScale: 1, charMax: 0, l2: 1e-3, balanced: true },
  { lexiconScale: 2, charMin: 3, charMax: 5, l2: 1e-4, balanced: true },
  { lexiconScale: 0, charMin: 3, charMax: 5, l2: 1e-4, balanced: true },
];

/** Settings that depend on the training set's size (more epochs and every feature for small sets). */
export function sizeDefaults(n: number): Partial<TrainParams> {
  return n < 3000 ? { epochs: 20, minDf: 1 } : { epochs: 8, minDf: 2 };
}

export interface SelectionResult {
  model: TextClassifier;
  params: Partial<TrainParams>;
  validMacroF1: number | null;
  tried: Array<{ params: Partial<TrainParams>; macroF1: number }>;
}

export function trainWithSelection(
  train: readonly LabelledExample[],
  valid: readonly LabelledExample[] | undefined,
  options: { id?: string; candidates?: ReadonlyArray<Partial<TrainParams>>; onProgress?: (msg: string) => void } = {},
): SelectionResult {
  const base = sizeDefaults(train.length);
  if (!valid || valid.length === 0) {
    const params = { ...base, lexiconScale: 2, charMax: 0, l2: 1e-4, balanced: true };
    return { model: TextClassifier.train(train, params, { id: options.id }), params, validMacroF1: null, tried: [] };
  }
  const tried: SelectionResult['tried'] = [];
  let best: { model: TextClassifier; params: Partial<TrainParams>; f1: number } | undefined;
  for (const candidate of options.candidates ?? SETTING_CANDIDATES) {
    const params = { ...base, ...candidate };
    const model = TextClassifier.train(train, params, { id: options.id });
    const pred = valid.map((v) => model.predict(v.text).label);
    const f1 = evaluate(
      valid.map((v) => v.label),
      pred,
      model.labels,
    ).macroF1;
    tried.push({ params, macroF1: f1 });
    options.onProgress?.(`valid macro-F1 ${(f1 * 100).toFixed(1)}% ${JSON.stringify(candidate)}`);
    if (!best || f1 > best.f1) {
      best = { model, params, f1 };
    }
  }
  return { model: best!.model, params: best!.params, validMacroF1: best!.f1, tried };
}
