/** Entry of `npm run train:languages` (compiled to dist/eval/train-languages.js): see eval/languages/language-training.ts. */
import { runTrainLanguages } from './languages/language-training.js';

process.exitCode = runTrainLanguages(process.argv.slice(2), process.stdout);
