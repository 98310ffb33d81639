/**
 * Where the time of one 1,000-post batch goes in the ingest worker: the worker's own code
 * (IngestService.processBatch: analysis, then PostStore.storeBatch) called directly, batch after
 * batch, on a private embedded PostgreSQL with pg_stat_statements loaded (its own cluster, so no
 * shared server's configuration changes). Prints the wall time per batch split into analysis and
 * store, and the statements by total time. Run it under `node --cpu-prof` for the JS side.
 *
 *   npm run bench:ingest-profile [-- --batches 30 --batch 1000 --apart 1]
 *
 * `--apart 0` skips the analysis measured apart (for a CPU profile of the worker's path alone:
 * `node --cpu-prof --cpu-prof-dir DIR dist/bench/ingest-profile.bench.js --apart 0`, then
 * `node dist/bench/cpu-profile-summary.js DIR/*.cpuprofile` for the CPU by phase).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadAppConfig } from '../src/config/app-config.js';
import { boot } from '../src/bootstrap/boot.js';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres.server.js';
import { IngestService } from '../src/ingestion/ingest.service.js';
import { AnalyzerRegistry } from '../src/topics/analyzer-registry.service.js';
import { postgresCpuMs } from './cpu-time.js';
import { makeBenchBatch } from './ingest-posts.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const BATCHES = Number(args.get('batches') ?? 30);
const BATCH = Number(args.get('batch') ?? 1000);
const APART = args.get('apart') !== '0';

async function withStatStatements(server: EmbeddedPostgresServer, url: string): Promise<string> {
  const db = new pg.Client(url);
  await db.connect();
  await db.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await db.query(`ALTER SYSTEM SET pg_stat_statements.track = 'all'`);
  await db.end();
  await server.stop();
  return server.start();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-profile-'));
  chmodSync(dir, 0o711);
  const server = new EmbeddedPostgresServer(dir);
  const databaseUrl = await withStatStatements(server, await server.start());
  const config = loadAppConfig(
    {
      DATABASE_URL: databaseUrl,
      PANTAU_QUEUE_PREFIX: `profile-${Date.now()}`,
      PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      PANTAU_ADMIN_PASSWORD: 'bench-admin-password',
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_ROLE: 'api',
      PANTAU_DATA_DIR: join(dir, 'app'),
      PORT: '0',
    },
    [],
  );
  const system = await boot(config);
  const db = new pg.Client(databaseUrl);
  await db.connect();
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const ingest = system.app.get(IngestService);
    const analyzers = system.app.get(AnalyzerRegistry);
    const { id: sourceId } = await ingest.findOrCreatePushSource('profile');
    const run = `profile-${Date.now()}`;
    // Warm-up batch (JIT, analyzer compile, plan cache), not counted.
    await ingest.processBatch(randomUUID(), sourceId, makeBenchBatch(run, BATCHES, BATCH));
    await db.query('SELECT pg_stat_statements_reset()');
    let analysisMs = 0;
    let analysisCpu = 0;
    let totalMs = 0;
    let nodeCpu = 0;
    let postgresCpu = 0;
    const loadBefore = loadAverage();
    for (let b = 0; b < BATCHES; b++) {
      const posts = makeBenchBatch(run, b, BATCH);
      const analyzer = await analyzers.current();
      if (APART) {
        const a0 = performance.now();
        const c0 = cpuMs();
        for (const post of posts) {
          analyzer.analyze(post.text);
        }
        analysisCpu += cpuMs() - c0;
        analysisMs += performance.now() - a0;
      }
      const t0 = performance.now();
      const c0 = cpuMs();
      const p0 = postgresCpuMs(server.clusterDir);
      await ingest.processBatch(randomUUID(), sourceId, posts);
      postgresCpu += postgresCpuMs(server.clusterDir) - p0;
      nodeCpu += cpuMs() - c0;
      totalMs += performance.now() - t0;
    }
    console.log(`bench:ingest-profile — ${BATCHES} batches of ${BATCH} posts, load ${loadBefore} → ${loadAverage()}`);
    console.log(`  processBatch: ${(totalMs / BATCHES).toFixed(1)} ms per batch (${rate(totalMs)} posts/s)`);
    console.log(
      `  CPU per batch: Node ${(nodeCpu / BATCHES).toFixed(1)} ms, PostgreSQL ${(postgresCpu / BATCHES).toFixed(1)} ms`,
    );
    if (APART) {
      console.log(
        `  of which analysis (measured apart): ${(analysisMs / BATCHES).toFixed(1)} ms per batch, ` +
          `${(analysisCpu / BATCHES).toFixed(1)} ms CPU`,
      );
    }
    const statements = await db.query<{ query: string; calls: string; ms: number; rows: string }>(
      `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls, total_exec_time AS ms, rows
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT 15`,
    );
    console.log('\n| ms per batch | calls per batch | statement |');
    console.log('| ---: | ---: | --- |');
    for (const s of statements.rows) {
      console.log(
        `| ${(s.ms / BATCHES).toFixed(1)} | ${(Number(s.calls) / BATCHES).toFixed(1)} | ${s.query.slice(0, 110)} |`,
      );
    }
  } finally {
    await db.end();
    await system.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  function rate(ms: number): string {
    return Math.round((BATCHES * BATCH) / (ms / 1000)).toLocaleString('en');
  }
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

await main();
