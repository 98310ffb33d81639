/**
 * `npm run bench:briefs -- --case report`: the daily report over a day of `--posts` posts (default 1,000,000; data
 * from bench/report-bench-data.ts, cached by seed). Times DailyReportBuilder.build (the content, as the schedule
 * builds it) and the DOCX export, wall and Node CPU time, `--runs` runs with the first (cold) left out, then counts
 * the DOCX's pages through LibreOffice headless. Prints the load average with the figures.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { boot } from '../src/bootstrap/boot.js';
import { loadAppConfig } from '../src/config/app-config.js';
import { DailyReportBuilder } from '../src/reports/daily-report.builder.js';
import { DailyReportExports } from '../src/reports/daily-report.exports.js';
import { periodOf } from '../src/reports/report-period.js';
import { libreOfficePages } from './libreoffice.js';
import { reportBenchData } from './report-bench-data.js';
import { printStepTable } from './step-table.js';

export interface ReportCaseOptions {
  posts: number;
  runs: number;
  seed: number;
  reportDate: string;
  rebuild: boolean;
  baseUrl: string;
  /** Where to keep the last DOCX (`--out`), for reading it. */
  out?: string;
}

const ZONE = 'Asia/Makassar';
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

export async function reportCase(options: ReportCaseOptions): Promise<void> {
  const period = periodOf(options.reportDate, { hour: 6, minute: 0 }, ZONE);
  console.log(`load before the data step: ${load()}`);
  const data = await reportBenchData(options.baseUrl, { ...options, period });
  console.log(
    data.built
      ? `built ${data.name} in ${Math.round(data.buildSeconds)} s`
      : `reusing ${data.name} (cached; --rebuild true to build again)`,
  );
  const config = loadAppConfig(
    {
      DATABASE_URL: data.url,
      PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      PANTAU_ADMIN_PASSWORD: 'bench-admin-password',
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_HOME_REGION: '64.72',
      PANTAU_REPORT_TIME: '06:00',
      PANTAU_DATA_DIR: `.pantau-bench/${data.name}`,
      PORT: '0',
      PANTAU_ROLE: 'api',
    },
    [],
  );
  const system = await boot(config);
  try {
    const builder = system.app.get(DailyReportBuilder);
    const exports = system.app.get(DailyReportExports);
    const timings: { build: number; docx: number; cpu: number }[] = [];
    let docx: Buffer = Buffer.alloc(0);
    let posts = 0;
    for (let run = 0; run < options.runs; run++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const content = await builder.build(period);
      const t1 = performance.now();
      const file = await exports.file(content, 'docx');
      const t2 = performance.now();
      const cpu = process.cpuUsage(cpu0);
      timings.push({ build: t1 - t0, docx: t2 - t1, cpu: (cpu.user + cpu.system) / 1000 });
      docx = file.content;
      posts = content.overview.posts.value;
    }
    const warm = timings.length > 1 ? timings.slice(1) : timings;
    console.log(
      `daily report ${options.reportDate} over ${posts.toLocaleString('en')} posts; ${options.runs} runs (first cold, left out); load ${load()}`,
    );
    printStepTable([
      ['report content (build)', warm.map((t) => t.build)],
      ['DOCX export (charts, render)', warm.map((t) => t.docx)],
      ['report + DOCX (target ≤ 5000)', warm.map((t) => t.build + t.docx)],
      ['Node CPU of report + DOCX', warm.map((t) => t.cpu)],
    ]);
    console.log(`cold first run: build ${Math.round(timings[0].build)} ms, DOCX ${Math.round(timings[0].docx)} ms`);
    console.log(`DOCX size ${docx.length} bytes`);
    if (options.out) {
      writeFileSync(options.out, docx);
      console.log(`DOCX written to ${options.out}`);
    }
    const pages = libreOfficePages(docx, 'laporan-harian');
    console.log(pages.text);
    console.log(`load after: ${load()}`);
  } finally {
    await system.stop();
  }
}
