/**
 * Sustained ingest throughput: 200,000 posts through POST /api/ingest → queue → ingest worker
 * (analysis on) → stored rows, on both queue backends, next to a plain COPY of the same rows into
 * the same PostgreSQL. Storage is an embedded PostgreSQL (durability on: fsync, synchronous
 * commit) in a fresh temporary directory; Redis is REDIS_URL (default redis://127.0.0.1:6379).
 *
 *   npm run bench:ingest [-- --posts 200000 --batch 1000 --clients 4 --backends postgres,redis]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { loadAppConfig } from '../src/config/app-config.js';
import { boot, RunningSystem } from '../src/bootstrap/boot.js';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres.server.js';
import type { IngestPostPayload } from '../src/ingestion/ingest-post.js';
import { makeBenchBatch } from './ingest-posts.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const TOTAL = Number(args.get('posts') ?? 200_000);
const BATCH = Number(args.get('batch') ?? 1000);
const CLIENTS = Number(args.get('clients') ?? 4);
const BACKENDS = (args.get('backends') ?? 'postgres,redis').split(',') as ('postgres' | 'redis')[];
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_PASSWORD = 'bench-admin-password';

function makeBatch(run: string, index: number): IngestPostPayload[] {
  return makeBenchBatch(run, index, BATCH);
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!body.accessToken) {
    throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

async function countPosts(db: pg.Client): Promise<number> {
  return Number((await db.query('SELECT count(*) AS n FROM posts')).rows[0].n);
}

async function runIngest(
  backend: 'postgres' | 'redis',
  databaseUrl: string,
): Promise<{ seconds: number; rate: number }> {
  const config = loadAppConfig(
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: backend === 'redis' ? REDIS_URL : undefined,
      PANTAU_QUEUE_PREFIX: `bench-${Date.now()}`,
      PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      PANTAU_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_DATA_DIR: join(tmpdir(), 'pantau-bench-data'),
      PORT: '0',
    },
    [],
  );
  const system: RunningSystem = await boot(config);
  const db = new pg.Client(databaseUrl);
  await db.connect();
  try {
    const token = await login(system.url as string);
    const before = await countPosts(db);
    const batches = Math.ceil(TOTAL / BATCH);
    const run = `${backend}-${Date.now()}`;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < batches) {
          const index = next++;
          const response = await fetch(`${system.url}/api/ingest`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ source: 'bench', posts: makeBatch(run, index) }),
          });
          if (response.status !== 202) {
            throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
          }
        }
      }),
    );
    const accepted = performance.now();
    while ((await countPosts(db)) - before < TOTAL) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${backend}: accepted by the API in ${((accepted - started) / 1000).toFixed(1)} s, stored in ${seconds.toFixed(1)} s`,
    );
    return { seconds, rate: TOTAL / seconds };
  } finally {
    await db.end();
    await system.stop();
  }
}

async function runCopy(databaseUrl: string): Promise<{ seconds: number; rate: number }> {
  const db = new pg.Client(databaseUrl);
  await db.connect();
  try {
    await db.query('DROP TABLE IF EXISTS bench_copy');
    await db.query('CREATE TABLE bench_copy (LIKE posts INCLUDING DEFAULTS INCLUDING INDEXES)');
    const [{ id: sourceId }] = (await db.query(`SELECT id FROM sources LIMIT 1`)).rows;
    const batches = Math.ceil(TOTAL / BATCH);
    const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
    async function* rows() {
      for (let b = 0; b < batches; b++) {
        yield (
          makeBatch('copy', b)
            .map((p, i) =>
              [b * BATCH + i + 1, sourceId, p.externalId, p.createdAt, escape(p.text), p.author, p.url, p.lang].join(
                '\t',
              ),
            )
            .join('\n') + '\n'
        );
      }
    }
    const started = performance.now();
    await pipeline(
      Readable.from(rows()),
      db.query(
        copyFrom('COPY bench_copy (id, source_id, external_id, created_at, text, author, url, lang) FROM STDIN'),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    await db.query('DROP TABLE bench_copy');
    return { seconds, rate: TOTAL / seconds };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
  chmodSync(dir, 0o711); // run as root, PostgreSQL runs as the postgres user and must reach it
  const server = new EmbeddedPostgresServer(dir);
  const databaseUrl = await server.start();
  console.log(`bench:ingest — ${TOTAL.toLocaleString('en')} posts, ${BATCH} per request, ${CLIENTS} HTTP clients`);
  try {
    const results: [string, { seconds: number; rate: number }][] = [];
    for (const backend of BACKENDS) {
      results.push([`POST /api/ingest → ${backend} queue → rows`, await runIngest(backend, databaseUrl)]);
    }
    const copy = await runCopy(databaseUrl);
    results.push(['plain COPY of the same rows', copy]);
    console.log('\n| path | seconds | posts/s | vs COPY |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [label, r] of results) {
      console.log(
        `| ${label} | ${r.seconds.toFixed(1)} | ${Math.round(r.rate).toLocaleString('en')} | ${(r.rate / copy.rate).toFixed(2)} |`,
      );
    }
    console.log('\nTargets on 2 cores: ≥ 10,000 posts/s with Redis, ≥ 5,000 posts/s on the embedded default.');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
