/** Entry of `npm run eval` (compiled to dist/eval/main.js): see eval/eval-runner.ts. */
import { runEval } from './eval-runner.js';

process.exitCode = await runEval(process.argv.slice(2), process.stdout, process.stderr);
