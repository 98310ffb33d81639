/**
 * Telaahan staf: draft + DOCX (and PDF) for an issue of 10,000 posts, on PostgreSQL, through the services the API
 * uses; then the DOCX opened by LibreOffice headless (converted to PDF) with its page count. Prints tables.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:briefs [-- --posts 10000 --runs 7]
 *
 * LibreOffice: apt-get install -y libreoffice-writer-nogui fonts-liberation2 (the check is skipped, and says so,
 * when `soffice` is missing).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../src/config/app-config.js';
import { boot } from '../src/bootstrap/boot.js';
import { BriefExportService } from '../src/briefs/brief-export.service.js';
import { BriefsService } from '../src/briefs/briefs.service.js';
import { IngestService } from '../src/ingestion/ingest.service.js';
import { DetectionEngine } from '../src/issues/detection-engine.service.js';
import { IssuesRepository } from '../src/issues/issues.repository.js';
import type { IngestPostPayload } from '../src/queue/job-payloads.js';

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

function floodPosts(start: number): IngestPostPayload[] {
  return Array.from({ length: POSTS }, (_, i) => ({
    externalId: `flood-${i}`,
    text: `${pick(OPEN)}, ${pick(DETAIL)} RT ${1 + Math.floor(rnd() * 40)}. ${pick(CLOSE)} ${i}`.trim(),
    createdAt: new Date(start + Math.floor((i / POSTS) * 30 * 3600_000 + rnd() * 60_000)).toISOString(),
    author: `warga${Math.floor(rnd() * 4000)}`,
    url: `https://example.org/flood/${i}`,
    lang: 'id',
    metrics: { likes: Math.floor(rnd() * 40), replies: Math.floor(rnd() * 6), reposts: Math.floor(rnd() * 4) },
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function libreOfficeCheck(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefs-lo-'));
  try {
    const file = join(dir, 'telaahan.docx');
    writeFileSync(file, docx);
    try {
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
        { stdio: 'pipe', timeout: 180_000 },
      );
    } catch (error) {
      return `LibreOffice: not run (${(error as Error).message.split('\n')[0]})`;
    }
    const pdf = readFileSync(join(dir, 'telaahan.pdf'));
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/gu) ?? []).length;
    return `LibreOffice ${execFileSync('soffice', ['--version']).toString().trim()}: opened the DOCX, converted to PDF (${pdf.length} bytes), ${pages} pages`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
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
    const start = Date.now() - 32 * 3600_000;
    const posts = floodPosts(start);
    for (let i = 0; i < posts.length; i += 1000) {
      await ingest.processBatch(`bench-${i}`, source.id, posts.slice(i, i + 1000));
    }
    const pass = await system.app.get(DetectionEngine).pass(Date.parse(posts[posts.length - 1].createdAt) + 60_000);
    const issue = [...pass.created].sort((a, b) => b.postCount - a.postCount)[0];
    if (!issue) {
      throw new Error('detection found no issue in the flood stream');
    }
    // The benchmark wants an issue of exactly POSTS posts: attach every flood post to the detected issue.
    const db = new pg.Client(url.toString());
    await db.connect();
    const { rows } = await db.query<{ id: string }>(`SELECT id::text FROM posts`);
    await db.end();
    await system.app.get(IssuesRepository).addPosts(
      system.app.get(DataSource).manager,
      issue.id,
      rows.map((r) => r.id),
    );
    const briefs = system.app.get(BriefsService);
    const exporter = system.app.get(BriefExportService);
    const timings: { draft: number; docx: number; pdf: number }[] = [];
    let lastDocx: Buffer = Buffer.alloc(0);
    let postCount = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const brief = await briefs.create(issue.id, undefined);
      const t1 = performance.now();
      const docx = await exporter.export(brief.id, 'docx');
      const t2 = performance.now();
      await exporter.export(brief.id, 'pdf');
      const t3 = performance.now();
      timings.push({ draft: t1 - t0, docx: t2 - t1, pdf: t3 - t2 });
      lastDocx = docx.data;
      postCount = brief.figures.posts;
    }
    const warm = timings.slice(1);
    const row = (label: string, xs: number[]) =>
      `| ${label} | ${Math.round(median(xs))} | ${Math.round(Math.min(...xs))} | ${Math.round(Math.max(...xs))} |`;
    console.log(
      `issue of ${postCount} posts; ${RUNS} runs (first one cold, left out below); load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log('| step | median ms | min ms | max ms |');
    console.log('|---|---|---|---|');
    console.log(
      row(
        'draft (figures + text, stored)',
        warm.map((t) => t.draft),
      ),
    );
    console.log(
      row(
        'DOCX export (chart, render)',
        warm.map((t) => t.docx),
      ),
    );
    console.log(
      row(
        'draft + DOCX (target ≤ 500)',
        warm.map((t) => t.draft + t.docx),
      ),
    );
    console.log(
      row(
        'PDF export',
        warm.map((t) => t.pdf),
      ),
    );
    console.log(
      `cold first run: draft ${Math.round(timings[0].draft)} ms, DOCX ${Math.round(timings[0].docx)} ms, PDF ${Math.round(timings[0].pdf)} ms`,
    );
    console.log(`DOCX size ${lastDocx.length} bytes`);
    console.log(libreOfficeCheck(lastDocx));
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
