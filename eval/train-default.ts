/** Entry of `npm run train:default` (compiled to dist/eval/train-default.js): see eval/sentiment/default-model-training.ts. */
import { runTrainDefault } from './sentiment/default-model-training.js';

process.exitCode = runTrainDefault(process.argv.slice(2), process.stdout);
