/**
 * The running detection pass, end to end on PostgreSQL: posts stored by the ingest worker's code path (analysis,
 * storage and ingest-time detection counts in one transaction), then detection passes through DetectionEngine
 * (restore/feed from detection_posts, detector pass, persistence of issues). Prints a table.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run build && node dist/bench/issues-pass.bench.js [-- --posts 50000]
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { loadAppConfig } from '../src/config/app-config.js';
import { boot } from '../src/bootstrap/boot.js';
import { IngestService } from '../src/ingestion/ingest.service.js';
import { DetectionEngine } from '../src/issues/detection-engine.service.js';
import type { IngestPostPayload } from '../src/ingestion/ingest-post.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const TOTAL = Number(args.get('posts') ?? 50_000);
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUCKET = 15 * 60_000;

let seed = 42;
const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const CHATTER = [
  'Macet panjang di simpang Jalan Pahlawan pagi ini',
  'Harga telur di pasar Segiri naik lagi',
  'Nonton bola bareng di warung kopi',
  'Cuaca cerah, enak buat jalan pagi',
  'Pelayanan puskesmas cepat dan ramah',
  'Lampu jalan di gang kami mati sudah seminggu',
  'Antre SIM di Satlantas lumayan lama',
  'Kerja bakti membersihkan selokan di RT kami',
  'Kuliner malam di Citra Niaga ramai',
  'Jalan berlubang di depan sekolah belum diperbaiki',
  'Sampah menumpuk di pinggir jalan',
  'Harga cabai turun minggu ini',
];
const WORDS = [
  'warga',
  'kota',
  'pagi',
  'sore',
  'ramai',
  'sepi',
  'bagus',
  'parah',
  'tolong',
  'mantap',
  'kemarin',
  'besok',
];
const FLOOD = [
  'Banjir lagi di Sungai Kunjang',
  'Sungai Kunjang banjir parah',
  'Warga Sungai Kunjang kebanjiran, air sepinggang',
];

function stream(start: number): IngestPostPayload[] {
  const posts: IngestPostPayload[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const at = start + Math.floor(rnd() * 24 * 3600_000);
    const text = `${pick(CHATTER)} ${pick(WORDS)} ${pick(WORDS)} ${Math.floor(rnd() * 1000)}`;
    posts.push({
      externalId: `b-${i}`,
      text,
      createdAt: new Date(at).toISOString(),
      author: `akun${Math.floor(rnd() * 20_000)}`,
    });
  }
  for (let i = 0; i < 200; i++) {
    const at = start + 23 * 3600_000 + Math.floor((i / 200) * 3600_000);
    posts.push({
      externalId: `f-${i}`,
      text: `${pick(FLOOD)}, ${pick(WORDS)} ${pick(WORDS)}`,
      createdAt: new Date(at).toISOString(),
      author: `korban${i}`,
    });
  }
  return posts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

async function main(): Promise<void> {
  const name = `issues_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(BASE_URL);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const config = loadAppConfig(
    {
      DATABASE_URL: url.toString(),
      PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      PANTAU_ADMIN_PASSWORD: 'bench-admin-password',
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_DATA_DIR: `.pantau-bench/${name}`,
      PORT: '0',
      PANTAU_ROLE: 'api', // no scheduled passes: the bench drives the engine itself
    },
    [],
  );
  const system = await boot(config);
  try {
    const ingest = system.app.get(IngestService);
    const engine = system.app.get(DetectionEngine);
    const source = await ingest.findOrCreatePushSource('bench');
    const start = Math.floor((Date.now() - 26 * 3600_000) / BUCKET) * BUCKET;
    const posts = stream(start);
    const t0 = Date.now();
    for (let i = 0; i < posts.length; i += 1000) {
      await ingest.processBatch(`bench-${i}`, source.id, posts.slice(i, i + 1000));
    }
    const ingestMs = Date.now() - t0;
    const newest = Date.parse(posts[posts.length - 1].createdAt);
    const cold = await engine.pass(newest);
    const extra = stream(start + 24 * 3600_000)
      .slice(0, Math.round(TOTAL / 96))
      .map((p, i) => ({
        ...p,
        externalId: `x-${i}`,
        createdAt: new Date(newest + 60_000 + (i % 600) * 1000).toISOString(),
      }));
    await ingest.processBatch('bench-extra', source.id, extra);
    const warm = await engine.pass(newest + 2 * BUCKET);
    console.log(
      `posts: ${posts.length} over 24 h (+${extra.length} in the next bucket); ingest with counting: ${ingestMs} ms (${Math.round((posts.length / ingestMs) * 1000)} posts/s, one process)`,
    );
    console.log(
      '| pass | posts fed | buckets | restore ms | feed ms | detector ms | persist ms | total ms | new | updated |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const [label, s] of [
      ['cold (restore + 24 h)', cold],
      ['next bucket', warm],
    ] as const) {
      const t = s.timings;
      console.log(
        `| ${label} | ${s.postsIngested} | ${s.bucketsProcessed} | ${t.restoreMs} | ${t.ingestMs} | ${t.passMs} | ${t.persistMs} | ${t.totalMs} | ${s.created.length} | ${s.updated.length} |`,
      );
    }
    console.log('new issues:', cold.created.map((c) => `${c.label} [${c.category}, ${c.postCount}]`).join('; '));
  } finally {
    await system.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
