import { join } from 'node:path';
import { datasetFile, missesFloor, repoRoot, type EvalRow } from './eval-suite.js';
import { formatTable } from './eval-runner.js';

const row = (value: number, floor?: number, lowerIsBetter = false): EvalRow => ({
  suite: 'sentiment',
  subject: 'lexicon',
  data: 'SmSA valid',
  n: 1260,
  metric: 'macro-F1',
  value,
  floor,
  lowerIsBetter,
});

describe('eval runner', () => {
  it('should gate a row on its floor in the direction of the metric', () => {
    expect(missesFloor(row(0.66, 0.67))).toBe(true);
    expect(missesFloor(row(0.68, 0.67))).toBe(false);
    expect(missesFloor(row(2.5, 2, true))).toBe(true);
    expect(missesFloor(row(0.6, 2, true))).toBe(false);
    expect(missesFloor(row(0.1))).toBe(false);
  });

  it('should print one line per row with its verdict', () => {
    const table = formatTable([row(0.684, 0.67), row(0.5, 0.67), row(0.7)]).split('\n');
    expect(table).toHaveLength(5);
    expect(table[2]).toMatch(/0\.684\s+≥ 0\.670\s+ok$/);
    expect(table[3]).toMatch(/FAIL$/);
    expect(table[4]).toMatch(/0\.700$/);
  });

  it('should find the repository root and look relative dataset paths up under the datasets folder', () => {
    const root = repoRoot();
    expect(root).toBe(process.cwd());
    expect(datasetFile('smsa/valid_preprocess.tsv', '/data')).toBe('/data/smsa/valid_preprocess.tsv');
    expect(datasetFile('package.json', '/data')).toBe(join(root, 'package.json'));
  });
});
