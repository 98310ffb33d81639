/**
 * `pantau train --input FILE --out MODEL [--valid FILE] [--id NAME]`
 *
 * Trains the text classifier (logistic regression on word/character n-grams plus lexicon features) from a
 * labelled CSV (header with text,label), JSONL ({text,label}) or TSV (text<TAB>label) file and writes the
 * versioned model JSON. With --valid, settings are chosen on that file only.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluate, formatReport, readLabelledFile, trainWithSelection } from '../../analysis/model/index.js';

export interface TrainOptions {
  input: string;
  out: string;
  valid?: string;
  id?: string;
}

export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('Latih model klasifikasi teks (sentimen atau kategori) dari berkas berlabel')
    .requiredOption('--input <file>', 'berkas latih: .csv (text,label), .jsonl atau .tsv')
    .requiredOption('--out <file>', 'berkas JSON model keluaran')
    .option('--valid <file>', 'berkas validasi untuk memilih pengaturan')
    .option('--id <name>', 'nama model')
    .action((opts: TrainOptions) => {
      process.exitCode = runTrain(opts, process.stdout, process.stderr);
    });
}

export function runTrain(opts: TrainOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  let train;
  let valid;
  try {
    train = readLabelledFile(opts.input);
    valid = opts.valid ? readLabelledFile(opts.valid) : undefined;
  } catch (e) {
    err.write(`pantau train: berkas tidak dapat dibaca: ${(e as Error).message}\n`);
    return 2;
  }
  if (train.length === 0) {
    err.write('pantau train: berkas latih tidak berisi contoh berlabel\n');
    return 2;
  }
  const started = Date.now();
  const result = trainWithSelection(train, valid, { id: opts.id, onProgress: (m) => err.write(`  ${m}\n`) });
  const json = result.model.toJSON();
  if (result.validMacroF1 !== null) {
    json.metrics = { validMacroF1: result.validMacroF1 };
  }
  writeFileSync(opts.out, JSON.stringify(json));
  out.write(
    `model ${json.id}: ${train.length} contoh, ${json.labels.length} label, ${json.features.length} fitur, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s → ${opts.out}\n`,
  );
  out.write(`pengaturan: ${JSON.stringify(result.params)}\n`);
  if (valid) {
    const pred = valid.map((v) => result.model.predict(v.text).label);
    out.write(
      formatReport(
        evaluate(
          valid.map((v) => v.label),
          pred,
          result.model.labels,
        ),
        'validasi',
      ) + '\n',
    );
  }
  return 0;
}
