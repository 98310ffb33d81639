/**
 * The sentiment model shipped with the product: trained on SmSA train only (IndoNLU, see NOTICE), reproduced bit for
 * bit by `npm run train:default` (eval/sentiment/train-default.ts). The server seeds it as the active sentiment model
 * at first start and `pantau analyze` uses it; the lexicon stays as its explanation features and the fallback.
 * The file is copied next to the compiled code by the build (`swc --copy-files`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processShared } from '../shared/process-shared.js';
import { TextClassifier, type TrainParams } from './text-classifier.js';

/** The model file, relative to the repository root (its copy in dist/ is what the product reads). */
export const DEFAULT_SENTIMENT_MODEL_FILE = 'src/analysis/model/default/sentiment-smsa.json';
export const DEFAULT_SENTIMENT_MODEL_URL = new URL('./default/sentiment-smsa.json', import.meta.url);

/** The training recipe of the shipped model: settings chosen on SmSA valid (docs/analysis-sentiment.md). */
export const DEFAULT_SENTIMENT_RECIPE = {
  id: 'default-sentiment-smsa-4',
  /** Fixed, so the file is the same on every run (not the time of training). */
  createdAt: '2026-12-03T00:00:00.000Z',
  params: {
    wordNgrams: 2,
    charMin: 3,
    charMax: 0,
    lexiconScale: 1,
    l2: 1e-4,
    balanced: true,
    epochs: 8,
    minDf: 2,
    averageLastEpochs: 3,
  },
} as const satisfies { id: string; createdAt: string; params: Partial<TrainParams> };

/** The shipped default sentiment model (parsed once per process, on first use). */
export function loadDefaultSentimentModel(): TextClassifier {
  return processShared(`analysis:sentiment-model:${DEFAULT_SENTIMENT_MODEL_URL.href}`, () =>
    TextClassifier.fromJSON(readFileSync(fileURLToPath(DEFAULT_SENTIMENT_MODEL_URL), 'utf8')),
  );
}
