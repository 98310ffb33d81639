/** The public sentiment datasets in ../shared/datasets (see its INDEX.md): file names of each split. */
import { readLabelledFile, type LabelledText } from '../../src/analysis/model/index.js';
import { datasetFile } from '../eval-suite.js';

export const SENTIMENT_SPLITS = {
  smsa: {
    train: 'smsa/train_preprocess.tsv',
    valid: 'smsa/valid_preprocess.tsv',
    test: 'smsa/test_preprocess.tsv',
  },
  nusax: { train: 'nusax-id/train.csv', valid: 'nusax-id/valid.csv', test: 'nusax-id/test.csv' },
} as const;

export type SentimentDatasetName = keyof typeof SENTIMENT_SPLITS;
export type SentimentSplitName = 'train' | 'valid' | 'test';

export function readSentimentSplit(
  datasetsDir: string,
  dataset: SentimentDatasetName,
  split: SentimentSplitName,
): LabelledText[] {
  return readLabelledFile(datasetFile(SENTIMENT_SPLITS[dataset][split], datasetsDir));
}
