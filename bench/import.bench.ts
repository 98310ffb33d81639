/**
 * File import throughput: N generated JSONL posts (default 1,000,000, written to /tmp) imported by
 * `pantau import` (runImportCommand: streaming reader → column mapping → the ingest worker's
 * analyse-and-store path, analysis on) into an embedded PostgreSQL in a fresh temporary directory,
 * next to a plain COPY of the same rows into a table shaped like `posts`. Prints posts/s and the
 * RSS sampled during the import (flat memory = streaming).
 *
 *   npm run bench:import [-- --posts 1000000]
 *   (the script runs node with --expose-gc so that RSS samples follow a full collection)
 */
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { runImportCommand } from '../src/cli/commands/import.command.js';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres.server.js';
import { buildDemoCorpus } from '../src/sources/demo/index.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const TOTAL = Number(args.get('posts') ?? 1_000_000);
const FILE = join(tmpdir(), `pantau-import-bench-${TOTAL}.jsonl`);

/** Export-like records (X-style field names) from the demo corpus texts, each made unique. */
async function writeFile(): Promise<number> {
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

async function runCopy(databaseUrl: string): Promise<{ seconds: number; rate: number }> {
  const db = new pg.Client(databaseUrl);
  await db.connect();
  try {
    await db.query('DROP TABLE IF EXISTS bench_copy');
    await db.query('CREATE TABLE bench_copy (LIKE posts INCLUDING DEFAULTS INCLUDING INDEXES)');
    const sourceId = (await db.query(`SELECT id FROM sources LIMIT 1`)).rows[0].id as string;
    const escape = (value: string) =>
      value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    async function* rows() {
      let chunk = '';
      let id = 1;
      for await (const line of createInterface({ input: createReadStream(FILE), crlfDelay: Infinity })) {
        const r = JSON.parse(line) as {
          id_str: string;
          full_text: string;
          created_at: string;
          user: { screen_name: string };
        };
        chunk += `${id++}\t${sourceId}\t${r.id_str}\t${r.created_at}\t${escape(r.full_text)}\t${r.user.screen_name}\n`;
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk;
    }
    const started = Date.now();
    await pipeline(
      Readable.from(rows()),
      db.query(copyFrom('COPY bench_copy (id, source_id, external_id, created_at, text, author) FROM STDIN')),
    );
    const seconds = (Date.now() - started) / 1000;
    await db.query('DROP TABLE bench_copy');
    return { seconds, rate: TOTAL / seconds };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const bytes = await writeFile();
  console.log(`Wrote ${TOTAL.toLocaleString('en')} posts (${(bytes / 1e6).toFixed(0)} MB) to ${FILE}`);
  const dir = mkdtempSync(join(tmpdir(), 'pantau-import-bench-'));
  chmodSync(dir, 0o711); // run as root, PostgreSQL runs as the postgres user and must reach it
  const server = new EmbeddedPostgresServer(dir);
  const databaseUrl = await server.start();
  try {
    const rssBefore = process.memoryUsage.rss();
    const sampler = sampleRss();
    const result = await runImportCommand(
      { file: FILE, source: 'bench-import', quiet: !process.stderr.isTTY },
      {
        DATABASE_URL: databaseUrl,
        PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        PANTAU_LOG_LEVEL: 'warn',
      },
    );
    const samples = sampler.stop();
    const copy = await runCopy(databaseUrl);
    const importRate = result.stored / result.seconds;
    const mb = (value: number) => `${Math.round(value / 1024 / 1024)} MB`;
    const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * fraction))] ?? 0;
    console.log(
      `\nread ${result.read}, stored ${result.stored}, duplicates ${result.duplicates}, rejected ${result.rejected}`,
    );
    console.log('\n| path | posts | seconds | posts/s | vs COPY |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(
      `| pantau import (JSONL, analysis on) | ${result.stored.toLocaleString('en')} | ${result.seconds.toFixed(1)} | ${Math.round(importRate).toLocaleString('en')} | ${(importRate / copy.rate).toFixed(2)} |`,
    );
    console.log(
      `| plain COPY of the same rows | ${TOTAL.toLocaleString('en')} | ${copy.seconds.toFixed(1)} | ${Math.round(copy.rate).toLocaleString('en')} | 1.00 |`,
    );
    console.log('\n| RSS before | at 10 % | at 50 % | at 90 % | peak during import |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(
      `| ${mb(rssBefore)} | ${mb(at(0.1))} | ${mb(at(0.5))} | ${mb(at(0.9))} | ${mb(Math.max(...samples))} |`,
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

await main();
