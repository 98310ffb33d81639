/**
 * `node dist/eval/nusax-overlap.js [--datasets DIR] [--write]`: the NusaX-id texts that overlap SmSA train
 * (eval/sentiment/nusax-overlap.ts). Prints the counts; `--write` stores the ids in eval/sentiment/nusax-id-overlap.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, resolveDatasetsDir } from './eval-suite.js';
import { committedOverlap, computeOverlap } from './sentiment/nusax-overlap.js';

const { values } = parseArgs({ options: { datasets: { type: 'string' }, write: { type: 'boolean', default: false } } });
const overlap = computeOverlap(resolveDatasetsDir(values.datasets));
process.stdout.write(`${overlap.rule}: valid ${overlap.valid.length} of 100, test ${overlap.test.length} of 400\n`);
if (values.write) {
  const file = join(repoRoot(), 'eval/sentiment/nusax-id-overlap.json');
  writeFileSync(file, JSON.stringify(overlap, null, 2) + '\n');
  process.stdout.write(`written: ${file}\n`);
} else if (JSON.stringify(overlap) !== JSON.stringify(committedOverlap())) {
  process.stdout.write('differs from the committed list (run with --write)\n');
  process.exitCode = 1;
}
