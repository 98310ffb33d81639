/**
 * `npm run train:default [-- --datasets DIR] [--check]` (entry: eval/train-default.ts)
 *
 * Trains the shipped default sentiment model (src/analysis/model/default/sentiment-smsa.json) on SmSA train only,
 * with the recipe in src/analysis/model/default-sentiment-model.ts: the file order of SmSA train, a seeded shuffle,
 * sorted features, a fixed id and date, so that the same datasets give the same bytes. `--check` writes nothing and
 * exits 1 when the committed file differs from what training gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_SENTIMENT_MODEL_FILE,
  DEFAULT_SENTIMENT_RECIPE,
  TextClassifier,
} from '../../src/analysis/model/index.js';
import { repoRoot, resolveDatasetsDir } from '../eval-suite.js';
import { readSentimentSplit } from './sentiment-datasets.js';

/** The model file's bytes, trained from the datasets under `datasetsDir`. */
export function trainDefaultModel(datasetsDir: string): string {
  const train = readSentimentSplit(datasetsDir, 'smsa', 'train');
  const model = TextClassifier.train(train, DEFAULT_SENTIMENT_RECIPE.params, {
    id: DEFAULT_SENTIMENT_RECIPE.id,
    createdAt: DEFAULT_SENTIMENT_RECIPE.createdAt,
  });
  return JSON.stringify(model.toJSON()) + '\n';
}

/** True when training from the datasets gives the committed file byte for byte. */
export function reproducesDefaultModel(datasetsDir: string): boolean {
  return readFileSync(join(repoRoot(), DEFAULT_SENTIMENT_MODEL_FILE), 'utf8') === trainDefaultModel(datasetsDir);
}

export function runTrainDefault(argv: string[], out: NodeJS.WritableStream): number {
  const { values } = parseArgs({
    args: argv,
    options: { datasets: { type: 'string' }, check: { type: 'boolean', default: false } },
  });
  const file = join(repoRoot(), DEFAULT_SENTIMENT_MODEL_FILE);
  const bytes = trainDefaultModel(resolveDatasetsDir(values.datasets));
  if (values.check) {
    const same = readFileSync(file, 'utf8') === bytes;
    out.write(`${file}: ${same ? 'reproduced bit for bit' : 'DIFFERS from a fresh training'}\n`);
    return same ? 0 : 1;
  }
  writeFileSync(file, bytes);
  out.write(`${file}: ${bytes.length} bytes\n`);
  return 0;
}
