/**
 * `pantau eval sentiment --test FILE [--train FILE --valid FILE] [--model lexicon|trained] [--model-file MODEL]
 *  [--datasets DIR]`
 *
 * Prints accuracy, macro-F1 and the confusion matrix on the test file (eval/sentiment/sentiment-evaluation.ts).
 * Relative paths that do not exist as given are looked up under --datasets (default ../shared/datasets beside the
 * repository). The lexicon uses its built-in thresholds unless --valid is given (then thresholds are chosen on the
 * valid file only); the trained model is trained on --train with settings chosen on --valid, or loaded from
 * --model-file. The test file is never used to choose anything. Every evaluation at once: `npm run eval`.
 */
import type { Command } from 'commander';
import { runEvalSentiment, type EvalSentimentOptions } from '../../../eval/sentiment/sentiment-evaluation.js';

export function registerEvalCommand(program: Command): void {
  const evalCmd = program.command('eval').description('Evaluasi mesin analisis pada data berlabel');
  evalCmd
    .command('sentiment')
    .description('Akurasi, macro-F1 dan matriks kebingungan analisis sentimen')
    .requiredOption('--test <file>', 'berkas uji (.tsv, .csv, .jsonl)')
    .option('--train <file>', 'berkas latih (untuk --model trained)')
    .option('--valid <file>', 'berkas validasi (memilih ambang atau pengaturan)')
    .option('--model <kind>', 'lexicon atau trained', 'lexicon')
    .option('--model-file <file>', 'model JSON hasil pantau train')
    .option('--datasets <dir>', 'folder data berlabel untuk jalur relatif (bawaan: ../shared/datasets)')
    .action((opts: EvalSentimentOptions) => {
      process.exitCode = runEvalSentiment(opts, process.stdout, process.stderr);
    });
}
