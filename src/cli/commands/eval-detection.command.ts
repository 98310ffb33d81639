/**
 * `pantau eval-detection [--generator synthetic|warga|linimasa|all] [--seeds 101,102,103] [--shapes standard,quiet,busy,slowburn]
 *   [--home-region 64] [--no-analyzer]`
 *
 * `--generator all` runs the synthetic generator (seeds 101,102 unless --seeds) and every blind generator on its own
 * seeds, prints a table per generator and one pooled row per generator; `d1` counts false issues first detected in the
 * first day of a cold stream.
 *
 * Generates synthetic streams (seeded), runs the detector and the plain spike baseline over each, and prints a table
 * side by side: event recall, precision, median latency after an event's 10th post (buckets), twins, false issues.
 * The default seeds are held-out seeds: the detector's settings were chosen on seeds 1–3.
 *
 * By default every post goes through the analysis engine first (tokens, hashtags, places from the gazetteer,
 * category, sentiment), as the workers do; `--no-analyzer` uses the detector's fallback tokeniser (no places).
 */
import type { Command } from 'commander';
import { createAnalyzer, loadGazetteer } from '../../analysis/index.js';
import {
  evaluateSeeds,
  summarise,
  type Analyze,
  type EvaluationRow,
} from '../../../eval/detection/evaluation-runner.js';
import { STREAM_SHAPES } from '../../../eval/detection/stream-generator.js';
import { evaluateBlindSeeds } from '../../../eval/detection/generators/blind-evaluation.js';
import { BLIND_GENERATORS, loadGeneratorInputs } from '../../../eval/detection/generators/index.js';

export interface EvalDetectionOptions {
  /** 'synthetic' (the tuning generator) or a blind generator's name. */
  generator?: string;
  /** Comma-separated; default 101,102,103 for 'synthetic', the generator's own seeds otherwise. */
  seeds?: string;
  shapes: string;
  json?: boolean;
  /** false with --no-analyzer. */
  analyzer?: boolean;
  /** Kemendagri code of the home region for place resolution (the generated streams are set in Kalimantan Timur). */
  homeRegion?: string;
}

export function registerEvalDetectionCommand(program: Command): void {
  program
    .command('eval-detection')
    .description('Evaluasi deteksi isu pada aliran sintetis (detektor vs aturan lonjakan sederhana)')
    .option(
      '--generator <name>',
      `pembangkit aliran: synthetic, all (semua, tabel per pembangkit), ${Object.keys(BLIND_GENERATORS).join(', ')}`,
      'synthetic',
    )
    .option('--seeds <list>', 'benih acak, dipisah koma (bawaan: 101,102,103, atau benih pembangkit buta)')
    .option('--shapes <list>', 'bentuk aliran: standard, quiet, busy, slowburn', 'standard,quiet,busy,slowburn')
    .option('--json', 'keluaran JSON per aliran')
    .option(
      '--home-region <code>',
      'kode wilayah Kemendagri untuk resolusi tempat',
      process.env.PANTAU_HOME_REGION ?? '64',
    )
    .option('--no-analyzer', 'pakai tokenisasi sederhana tanpa mesin analisis (tanpa tempat, kategori, sentimen)')
    .action(async (opts: EvalDetectionOptions) => {
      process.exitCode = await runEvalDetection(opts, process.stdout, process.stderr);
    });
}

const f2 = (x: number | null): string => (x === null ? '   -' : x.toFixed(2).padStart(5));

export async function runEvalDetection(
  opts: EvalDetectionOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const named = opts.generator && opts.generator !== 'synthetic' && opts.generator !== 'all';
  const blind = named ? BLIND_GENERATORS[opts.generator!] : undefined;
  if (named && !blind) {
    err.write(
      `pantau eval-detection: pembangkit dikenal: synthetic, all, ${Object.keys(BLIND_GENERATORS).join(', ')}\n`,
    );
    return 2;
  }
  const seeds = (opts.seeds ?? (blind ? blind.seeds.join(',') : '101,102,103')).split(',').map((s) => Number(s.trim()));
  if (seeds.some((s) => !Number.isInteger(s))) {
    err.write('pantau eval-detection: --seeds harus berupa bilangan bulat dipisah koma\n');
    return 2;
  }
  const shapes = opts.shapes.split(',').map((s) => STREAM_SHAPES[s.trim()]);
  if (shapes.some((s) => !s)) {
    err.write(`pantau eval-detection: bentuk aliran dikenal: ${Object.keys(STREAM_SHAPES).join(', ')}\n`);
    return 2;
  }
  let analyze: Analyze | undefined;
  let analyzeFor: ((homeRegion: string) => Analyze) | undefined;
  if (opts.analyzer !== false) {
    const gazetteer = await loadGazetteer();
    const analyzer = createAnalyzer({ homeRegion: opts.homeRegion, gazetteer });
    analyze = (text) => analyzer.analyze(text);
    analyzeFor = (homeRegion) => {
      const regional = createAnalyzer({ homeRegion, gazetteer });
      return (text) => regional.analyze(text);
    };
  }
  const runs: { name: string; rows: EvaluationRow[] }[] = [];
  const all = opts.generator === 'all';
  if (!blind || all) {
    runs.push({ name: 'synthetic', rows: evaluateSeeds(all && !opts.seeds ? [101, 102] : seeds, shapes, { analyze }) });
  }
  for (const generator of all ? Object.values(BLIND_GENERATORS) : blind ? [blind] : []) {
    const inputs = await loadGeneratorInputs();
    const own = all || !opts.seeds ? generator.seeds : seeds;
    runs.push({ name: generator.name, rows: evaluateBlindSeeds(generator, own, inputs, { analyzeFor }) });
  }
  if (opts.json) {
    for (const run of runs) {
      for (const r of run.rows) {
        out.write(`${JSON.stringify({ generator: run.name, ...r })}\n`);
      }
    }
    return 0;
  }
  const engine = analyze ? 'on (home region per blind stream)' : 'off (fallback tokeniser)';
  out.write(`analysis engine: ${engine}\n`);
  for (const run of runs) {
    out.write(`\ngenerator: ${run.name}${run.name === 'synthetic' ? '' : ' (blind)'}\n`);
    writeTable(out, run.rows);
  }
  if (runs.length > 1) {
    out.write('\nper generator (pooled)    | recall prec  lat  twins false camp  d1\n');
    for (const run of runs) {
      const d = summarise(run.rows.map((r) => r.detector));
      out.write(
        `${run.name.padEnd(25)} | ${f2(d.recall)} ${f2(d.precision)} ${f2(d.medianLatencyBuckets)} ${String(d.twins).padStart(5)} ${String(d.falseFromBackground).padStart(5)} ${`${d.campaignsFlagged}/${d.campaignsTotal}`.padStart(5)} ${String(d.firstDayFalse).padStart(3)}\n`,
      );
    }
  }
  out.write(
    'targets: recall ≥ 0.90, precision ≥ 0.80, median latency ≤ 2 buckets after the 10th post, d1 (false issues in the first day of cold streams) = 0\n',
  );
  return 0;
}

function writeTable(out: NodeJS.WritableStream, rows: readonly EvaluationRow[]): void {
  out.write(
    'shape          seed   posts | detector: recall prec  lat  twins false camp  d1 | spike: recall prec  lat  issues\n',
  );
  for (const r of rows) {
    const d = r.detector;
    const b = r.baseline!;
    out.write(
      `${r.shape.padEnd(14)} ${String(r.seed).padStart(4)} ${String(r.posts).padStart(7)} |          ${f2(d.recall)} ${f2(d.precision)} ${f2(d.medianLatencyBuckets)} ${String(d.twins).padStart(5)} ${String(d.falseFromBackground + d.unflaggedCampaignIssues).padStart(5)} ${`${d.campaignsFlagged}/${d.campaignsTotal}`.padStart(4)} ${String(d.firstDayFalse).padStart(3)} |        ${f2(b.recall)} ${f2(b.precision)} ${f2(b.medianLatencyBuckets)} ${String(b.issues).padStart(6)}\n`,
    );
  }
  const d = summarise(rows.map((r) => r.detector));
  const b = summarise(rows.map((r) => r.baseline!));
  out.write(
    `pooled                       |          ${f2(d.recall)} ${f2(d.precision)} ${f2(d.medianLatencyBuckets)} ${String(d.twins).padStart(5)} ${String(d.falseFromBackground).padStart(5)} ${`${d.campaignsFlagged}/${d.campaignsTotal}`.padStart(4)} ${String(d.firstDayFalse).padStart(3)} |        ${f2(b.recall)} ${f2(b.precision)} ${f2(b.medianLatencyBuckets)}\n`,
  );
}
