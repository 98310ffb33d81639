/**
 * Telaahan staf: draft + DOCX (and PDF) for an issue of 10,000 posts, on PostgreSQL, through the services the API
 * uses; then the DOCX opened by LibreOffice headless (converted to PDF) with its page count. Prints tables.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:briefs [-- --posts 10000 --runs 7]
 *   (`--keep true` keeps the bench database for EXPLAIN; drop it afterwards)
 *
 * `--case report`: the daily report (build + DOCX) over a day of 1,000,000 posts (`--posts`, `--seed`, `--date`,
 * `--rebuild true`; data in bench/report-bench-data.ts, cached in a database of its own by seed), then its DOCX's
 * page count through LibreOffice.
 *
 * LibreOffice: apt-get install -y libreoffice-writer-nogui fonts-liberation2 (the check is skipped, and says so,
 * when `soffice` is missing).
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../src/config/app-config.js';
import { boot } from '../src/bootstrap/boot.js';
import { BriefExportService } from '../src/briefs/brief-export.service.js';
import { BriefsService } from '../src/briefs/briefs.service.js';
import { IngestService } from '../src/ingestion/ingest.service.js';
import { DetectionEngine } from '../src/issues/detection-engine.service.js';
import { IssuesRepository } from '../src/issues/issues.repository.js';
import type { IngestPostPayload } from '../src/ingestion/ingest-post.js';
import { libreOfficeCheck } from './libreoffice.js';
import { reportCase } from './report-bench.js';
import { printStepTable } from './step-table.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const POSTS = Number(args.get('posts') ?? 10_000);
const RUNS = Number(args.get('runs') ?? 7);
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let seed = 7;
const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const OPEN = ['Banjir lagi di Sungai Kunjang', 'Warga Sungai Kunjang kebanjiran', 'Sungai Kunjang banjir parah'];
const DETAIL = ['air sudah sepinggang', 'banyak warga mengungsi ke masjid', 'tolong BPBD segera kirim perahu'];
const CLOSE = ['Mohon perhatian pemkot.', 'Semoga cepat surut.', '#banjirsamarinda', ''];

const CHATTER = [
  'Macet panjang di simpang Jalan Pahlawan pagi ini',
  'Harga telur di pasar Segiri naik lagi',
  'Nonton bola bareng di warung kopi',
  'Pelayanan puskesmas cepat dan ramah',
  'Kerja bakti membersihkan selokan di RT kami',
  'Kuliner malam di Citra Niaga ramai',
];

/** 24 hours of background chatter, then POSTS flood posts over the last 4 hours. */
function stream(start: number): IngestPostPayload[] {
  const posts: IngestPostPayload[] = [];
  for (let i = 0; i < 5000; i++) {
    posts.push({
      externalId: `chatter-${i}`,
      text: `${pick(CHATTER)} ${Math.floor(rnd() * 1000)}`,
      createdAt: new Date(start + Math.floor(rnd() * 24 * 3600_000)).toISOString(),
      author: `akun${Math.floor(rnd() * 20_000)}`,
    });
  }
  for (let i = 0; i < POSTS; i++) {
    posts.push({
      externalId: `flood-${i}`,
      text: `${pick(OPEN)}, ${pick(DETAIL)} RT ${1 + Math.floor(rnd() * 40)}. ${pick(CLOSE)} ${i}`.trim(),
      createdAt: new Date(start + 20 * 3600_000 + Math.floor((i / POSTS) * 4 * 3600_000)).toISOString(),
      author: `warga${Math.floor(rnd() * 4000)}`,
      url: `https://example.org/flood/${i}`,
      lang: 'id',
      metrics: { likes: Math.floor(rnd() * 40), replies: Math.floor(rnd() * 6), reposts: Math.floor(rnd() * 4) },
    });
  }
  return posts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** `--sql true`: the time of every statement of the timed runs, summed by its first line (pg's Client.query). */
const sqlTimes = new Map<string, { n: number; ms: number }>();
let timingSql = false;
if (args.get('sql') === 'true') {
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
    const text = typeof a[0] === 'string' ? a[0] : ((a[0] as { text?: string } | undefined)?.text ?? '?');
    const result = query.apply(this, a);
    if (timingSql && result instanceof Promise) {
      const t0 = performance.now();
      const key = text.replace(/\s+/g, ' ').slice(0, 90);
      void result.then(
        () => {
          const e = sqlTimes.get(key) ?? { n: 0, ms: 0 };
          sqlTimes.set(key, { n: e.n + 1, ms: e.ms + performance.now() - t0 });
        },
        () => undefined,
      );
    }
    return result;
  } as typeof pg.Client.prototype.query;
}

async function main(): Promise<void> {
  if ((args.get('case') ?? 'telaahan') === 'report') {
    return reportCase({
      posts: Number(args.get('posts') ?? 1_000_000),
      runs: Number(args.get('runs') ?? 5),
      seed: Number(args.get('seed') ?? 20261203),
      reportDate: args.get('date') ?? '2026-11-30',
      rebuild: args.get('rebuild') === 'true',
      baseUrl: BASE_URL,
      out: args.get('out'),
    });
  }
  const name = `briefs_bench_${randomBytes(4).toString('hex')}`;
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
      PANTAU_HOME_REGION: '64.72',
      PANTAU_DATA_DIR: `.pantau-bench/${name}`,
      PORT: '0',
      PANTAU_ROLE: 'api',
    },
    [],
  );
  const system = await boot(config);
  try {
    const ingest = system.app.get(IngestService);
    const source = await ingest.findOrCreatePushSource('bench');
    const start = Math.floor((Date.now() - 25 * 3600_000) / 900_000) * 900_000;
    const posts = stream(start);
    // Detection finds the story from a fifth of the flood (a denser burst reads as one huge bucket); the rest is
    // ingested after the pass and every flood post attached to the issue, so the issue holds POSTS posts.
    const first = posts.filter((p) => !p.externalId.startsWith('flood-') || Number(p.externalId.slice(6)) % 5 === 0);
    const inFirst = new Set(first);
    const rest = posts.filter((p) => !inFirst.has(p));
    const ingestAll = async (batch: IngestPostPayload[], tag: string) => {
      for (let i = 0; i < batch.length; i += 1000) {
        await ingest.processBatch(`bench-${tag}-${i}`, source.id, batch.slice(i, i + 1000));
      }
    };
    await ingestAll(first, 'a');
    const pass = await system.app.get(DetectionEngine).pass(Date.parse(posts[posts.length - 1].createdAt) + 60_000);
    const issue = [...pass.created].sort((a, b) => b.postCount - a.postCount)[0];
    if (!issue) {
      throw new Error(`detection found no issue in the flood stream (${pass.bucketsProcessed} buckets)`);
    }
    await ingestAll(rest, 'b');
    const db = new pg.Client(url.toString());
    await db.connect();
    const { rows } = await db.query<{ id: string }>(`SELECT id::text FROM posts WHERE external_id LIKE 'flood-%'`);
    await db.end();
    await system.app.get(IssuesRepository).addPosts(
      system.app.get(DataSource).manager,
      issue.id,
      rows.map((r) => r.id),
    );
    const briefs = system.app.get(BriefsService);
    const exporter = system.app.get(BriefExportService);
    const timings: { draft: number; docx: number; pdf: number; cpu: number }[] = [];
    let lastDocx: Buffer = Buffer.alloc(0);
    let postCount = 0;
    for (let run = 0; run < RUNS; run++) {
      timingSql = run > 0;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const brief = await briefs.create(issue.id, undefined);
      const t1 = performance.now();
      const docx = await exporter.export(brief.id, 'docx');
      const t2 = performance.now();
      const cpu = process.cpuUsage(cpu0);
      timingSql = false;
      await exporter.export(brief.id, 'pdf');
      const t3 = performance.now();
      timings.push({ draft: t1 - t0, docx: t2 - t1, pdf: t3 - t2, cpu: (cpu.user + cpu.system) / 1000 });
      lastDocx = docx.data;
      postCount = brief.figures.posts;
    }
    const warm = timings.slice(1);
    console.log(
      `issue of ${postCount} posts; ${RUNS} runs (first one cold, left out below); load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    printStepTable([
      ['draft (figures + text, stored)', warm.map((t) => t.draft)],
      ['DOCX export (chart, render)', warm.map((t) => t.docx)],
      ['draft + DOCX (target ≤ 500)', warm.map((t) => t.draft + t.docx)],
      ['Node CPU of draft + DOCX', warm.map((t) => t.cpu)],
      ['PDF export', warm.map((t) => t.pdf)],
    ]);
    console.log(
      `cold first run: draft ${Math.round(timings[0].draft)} ms, DOCX ${Math.round(timings[0].docx)} ms, PDF ${Math.round(timings[0].pdf)} ms`,
    );
    console.log(`DOCX size ${lastDocx.length} bytes`);
    for (const [key, { n, ms }] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`SQL ${(ms / (RUNS - 1)).toFixed(1)} ms/run (${n / (RUNS - 1)}x) ${key}`);
    }
    console.log(libreOfficeCheck(lastDocx));
  } finally {
    await system.stop();
    if (args.get('keep') === 'true') {
      console.log(`database ${name} kept (--keep true): drop it yourself`);
    } else {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
