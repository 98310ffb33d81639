/**
 * The runner behind `npm run eval [-- --test] [--datasets DIR] [--suites sentiment,detection]` (entry: eval/main.ts).
 *
 * Runs every evaluation suite and prints one table. On the valid splits (the default) each row with a floor is a gate:
 * the process exits with 1 when one falls below. `--test` prints the held-out test splits instead and gates nothing
 * (run it once when a result is reported, and record the commit). Datasets default to ../shared/datasets beside the
 * repository.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { missesFloor, resolveDatasetsDir, type EvalContext, type EvalRow } from './eval-suite.js';
import { EVAL_SUITES } from './eval-suites.js';

export async function runEval(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      test: { type: 'boolean', default: false },
      datasets: { type: 'string' },
      suites: { type: 'string' },
    },
  });
  const wanted = values.suites?.split(',').map((s) => s.trim());
  const unknown = wanted?.filter((w) => !EVAL_SUITES.some((s) => s.name === w)) ?? [];
  if (unknown.length > 0) {
    err.write(`eval: unknown suite ${unknown.join(', ')} (known: ${EVAL_SUITES.map((s) => s.name).join(', ')})\n`);
    return 2;
  }
  const ctx: EvalContext = {
    datasetsDir: resolveDatasetsDir(values.datasets),
    split: values.test ? 'test' : 'valid',
    log: (m) => err.write(`  ${m}\n`),
  };
  if (!existsSync(ctx.datasetsDir)) {
    err.write(
      `eval: no datasets folder at ${ctx.datasetsDir}: pass --datasets DIR (the folder of smsa/, nusax-id/, …)\n`,
    );
    return 2;
  }
  out.write(`datasets: ${ctx.datasetsDir}\nsplit: ${ctx.split}${ctx.split === 'test' ? ' (no gates)' : ''}\n\n`);
  const rows: EvalRow[] = [];
  for (const suite of EVAL_SUITES.filter((s) => !wanted || wanted.includes(s.name))) {
    const started = process.hrtime.bigint();
    err.write(`${suite.name} …\n`);
    const suiteRows = await suite.run(ctx);
    rows.push(...(ctx.split === 'test' ? suiteRows.map((r) => ({ ...r, floor: undefined })) : suiteRows));
    err.write(`${suite.name}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s\n`);
  }
  out.write(formatTable(rows) + '\n');
  const failed = rows.filter(missesFloor);
  if (failed.length > 0) {
    out.write(`\n${failed.length} below the floor:\n`);
    for (const r of failed) {
      out.write(`  ${r.suite} · ${r.subject} · ${r.data} · ${r.metric} ${fmt(r.value)} (floor ${fmt(r.floor!)})\n`);
    }
    return 1;
  }
  out.write(ctx.split === 'valid' ? '\nevery floor met\n' : '\n');
  return 0;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : '-';
}

export function formatTable(rows: readonly EvalRow[]): string {
  const cells = rows.map((r) => [
    r.suite,
    r.subject,
    r.data,
    String(r.n),
    r.metric,
    fmt(r.value),
    r.floor === undefined ? '' : `${r.lowerIsBetter ? '≤' : '≥'} ${fmt(r.floor)}`,
    r.floor === undefined ? '' : missesFloor(r) ? 'FAIL' : 'ok',
  ]);
  const head = ['suite', 'subject', 'data', 'n', 'metric', 'value', 'floor', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 3 || i === 5 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
