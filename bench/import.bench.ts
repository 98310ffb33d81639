/**
 * File import throughput: generated JSONL files of each size in --sizes (default 100,000 and 1,000,000 lines, written
 * to /tmp) imported by `pantau import` (runImportCommand: streaming reader → column mapping → the ingest worker's
 * analyse-and-store path, analysis on) into a fresh embedded PostgreSQL each, next to the ceiling: a COPY of the same
 * columns of the stored rows into a table with the posts table's indexes (bench/copy-ceiling.ts). Prints posts/s, the
 * ratio, and the RSS sampled during each import (peak at 100k vs at 1M lines: flat memory = streaming).
 *
 *   npm run bench:import [-- --sizes 100000,1000000 --threads 0,1 --dir /var/tmp]
 *   (`--threads`: values of PANTAU_ANALYSIS_THREADS to import each size with, one after the other; `--dir`: where the
 *   generated files go, default the system's temporary directory)
 *   (the script runs node with --expose-gc so that RSS samples follow a full collection)
 */
import { chmodSync, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { copyCeiling } from './copy-ceiling.js';
import { mainThreadCpuMs, postgresCpuMs } from './cpu-time.js';
import { runImportCommand } from '../src/cli/commands/import.command.js';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres.server.js';
import { buildDemoCorpus } from '../src/sources/demo/index.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const SIZES = (args.get('sizes') ?? args.get('posts') ?? '100000,1000000').split(',').map(Number);
const THREADS = args.get('threads')?.split(',') ?? [undefined];
const FILE_DIR = args.get('dir') ?? tmpdir();

/** Export-like records (X-style field names) from the demo corpus texts, each made unique. */
async function writeFile(TOTAL: number, FILE: string): Promise<number> {
  const texts = buildDemoCorpus().map((post) => post.text);
  const start = Date.now() - 30 * 24 * 3600_000;
  async function* lines() {
    let chunk = '';
    for (let n = 0; n < TOTAL; n++) {
      chunk += `${JSON.stringify({
        id_str: `b${n}`,
        full_text: `${texts[n % texts.length]} #lapor${n % 97} (${n})`,
        created_at: new Date(start + Math.floor((n / TOTAL) * 30 * 24 * 3600_000)).toISOString(),
        user: { screen_name: `warga${n % 20_000}` },
        favorite_count: n % 50,
        retweet_count: n % 7,
      })}\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
  await pipeline(Readable.from(lines()), createWriteStream(FILE));
  return statSync(FILE).size;
}

const nodeCpuMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/** RSS every 2 s; with `node --expose-gc`, after a full collection (what stays, not what awaits collection). */
function sampleRss(): { stop: () => number[] } {
  const samples: number[] = [];
  const collect = (globalThis as { gc?: () => void }).gc;
  const timer = setInterval(() => {
    collect?.();
    samples.push(process.memoryUsage.rss());
  }, 2000);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

interface ImportMeasure {
  lines: number;
  threads: string;
  stored: number;
  seconds: number;
  rate: number;
  ceiling: number;
  rssBefore: number;
  rssPeak: number;
  /** CPU ms per 1,000 stored posts: this Node process (reader, analysis, store) and PostgreSQL; and the ceiling's. */
  nodeCpu: number;
  /** Of nodeCpu, the main thread (reader, mapping, the writes; the analysis is in the analysis threads unless 0). */
  mainThreadCpu: number;
  postgresCpu: number;
  ceilingCpu?: number;
  load: string;
}

async function runSize(total: number, file: string, threads: string | undefined): Promise<ImportMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-import-bench-'));
  chmodSync(dir, 0o711); // run as root, PostgreSQL runs as the postgres user and must reach it
  const server = new EmbeddedPostgresServer(dir);
  const databaseUrl = await server.start();
  try {
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage.rss();
    const loadBefore = load();
    const sampler = sampleRss();
    const cpuBefore = { node: nodeCpuMs(), main: mainThreadCpuMs(), postgres: postgresCpuMs(server.clusterDir) };
    const result = await runImportCommand(
      { file, source: 'bench-import', quiet: !process.stderr.isTTY },
      {
        DATABASE_URL: databaseUrl,
        PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        PANTAU_LOG_LEVEL: 'warn',
        ...(threads === undefined ? {} : { PANTAU_ANALYSIS_THREADS: threads }),
      },
    );
    const samples = sampler.stop();
    const perThousand = 1000 / Math.max(1, result.stored);
    const nodeCpu = (nodeCpuMs() - cpuBefore.node) * perThousand;
    const mainThreadCpu = (mainThreadCpuMs() - cpuBefore.main) * perThousand;
    const postgresCpu = (postgresCpuMs(server.clusterDir) - cpuBefore.postgres) * perThousand;
    const ceiling = await copyCeiling(databaseUrl, result.stored, server.clusterDir);
    return {
      lines: total,
      threads: threads ?? 'default',
      mainThreadCpu,
      stored: result.stored,
      seconds: result.seconds,
      rate: result.stored / result.seconds,
      ceiling: ceiling.rowsPerSecond,
      ceilingCpu: ceiling.postgresCpuPerThousand,
      nodeCpu,
      postgresCpu,
      rssBefore,
      rssPeak: Math.max(rssBefore, ...samples),
      load: `${loadBefore} → ${load()}`,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const results: ImportMeasure[] = [];
  for (const size of SIZES) {
    const file = join(FILE_DIR, `pantau-import-bench-${size}.jsonl`);
    const bytes = await writeFile(size, file);
    console.log(`Wrote ${size.toLocaleString('en')} posts (${(bytes / 1e6).toFixed(0)} MB) to ${file}`);
    try {
      for (const threads of THREADS) {
        results.push(await runSize(size, file, threads));
      }
    } finally {
      rmSync(file, { force: true });
    }
  }
  const mb = (value: number) => `${Math.round(value / 1024 / 1024)} MB`;
  console.log(
    '\n| pantau import (JSONL, analysis on) | analysis threads | stored | seconds | posts/s | ceiling (COPY) rows/s | ratio | RSS before | peak RSS | load average |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    console.log(
      `| ${r.lines.toLocaleString('en')} lines | ${r.threads} | ${r.stored.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ` +
        `${Math.round(r.rate).toLocaleString('en')} | ${Math.round(r.ceiling).toLocaleString('en')} | ` +
        `${(r.rate / r.ceiling).toFixed(2)} | ${mb(r.rssBefore)} | ${mb(r.rssPeak)} | ${r.load} |`,
    );
  }
  console.log(
    '\nCPU ms per 1,000 posts (work done, whatever the load): Node | of it main thread | PostgreSQL | ceiling COPY PostgreSQL',
  );
  for (const r of results) {
    console.log(
      `  ${r.lines.toLocaleString('en')} lines, threads ${r.threads}: ${r.nodeCpu.toFixed(0)} | ${r.mainThreadCpu.toFixed(0)} | ` +
        `${r.postgresCpu.toFixed(0)} | ${r.ceilingCpu?.toFixed(0)}`,
    );
  }
  console.log('\nTarget: ≥ 10,000 posts/s with flat memory (peak RSS at 1M lines ≈ at 100k).');
  process.exit(0);
}

await main();
