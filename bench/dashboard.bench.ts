/**
 * Dashboard benchmark in a real browser: Ringkasan (the overview) against a database of 1,000,000 posts.
 *
 * The database (bench/stats-database.ts: the posts rows and their rollups) is kept on the PostgreSQL server of
 * BENCH_DATABASE_URL by size and seed and reused by the next run (moved forward to the current hour); the first run
 * builds it. The API (`node dist/src/main.js --role=api`, the built dashboard) runs as its own process on it. Each
 * load is cold: a new Chromium process (/usr/bin/chromium, the browser tests' flags) with an empty profile, signed in
 * through `POST /api/auth/login`, then `/` opened and the app's `overview-ready` performance mark awaited (its
 * startTime = milliseconds from navigation start). 5 loads unthrottled, then 5 with the network throttled through
 * the DevTools protocol (Network.emulateNetworkConditions: 1.6 Mbps down, 750 kbps up, 150 ms latency). Printed:
 * the median and every load, the main thread's busy time (Performance.getMetrics), the time and bytes of each
 * request before the mark (median over the loads), and the load average before and after.
 *
 *   npm run bench:dashboard     (BENCH_POSTS, BENCH_SEED, BENCH_LOADS; PANTAU_CHROMIUM for another browser)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, freePort } from './browser.js';
import { openStatsDatabase } from './stats-database.js';

const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 20261202);
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const PASSWORD = 'bench-admin-password';
const THROTTLED = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: (750e3 / 8) | 0,
};

interface Load {
  ready: number;
  /** Main-thread busy time of the page (DevTools Performance.getMetrics TaskDuration), ms. */
  task: number;
  script: number;
  requests: { name: string; start: number; duration: number; bytes: number }[];
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-dashboard-'));
  const child = spawn(process.execPath, [resolve('dist/src/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dataDir,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
      PANTAU_ADMIN_PASSWORD: PASSWORD,
      PANTAU_ROLE: 'api',
      PANTAU_DEMO: 'false',
      PANTAU_HOME_REGION: '64.72',
      PANTAU_DATA_DIR: dataDir,
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_LOG_JSON: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with ${child.exitCode}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return { url, child, dataDir };
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error('The server did not answer /health within 5 minutes');
}

async function coldLoad(url: string, throttle: boolean): Promise<Load> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const login = await context.request.post(`${url}/api/auth/login`, {
      data: { username: 'admin', password: PASSWORD },
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    if (!login.ok()) {
      throw new Error(`Login: ${login.status()} ${await login.text()}`);
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (throttle) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', THROTTLED);
    }
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/`);
    await page.waitForFunction(() => performance.getEntriesByName('overview-ready').length > 0, null, {
      timeout: 120_000,
      polling: 50,
    });
    const measured = await page.evaluate(() => {
      const ready = performance.getEntriesByName('overview-ready')[0].startTime;
      // Runs in the page (DOM timing entries; the bench compiles with Node's types only).
      type Timing = { name: string; startTime: number; responseEnd: number; transferSize: number };
      const byType = (type: string) => (performance.getEntriesByType as (type: string) => unknown[])(type) as Timing[];
      const entries = [...byType('navigation'), ...byType('resource')];
      return {
        ready,
        requests: entries
          .filter((entry) => entry.startTime < ready)
          .map((entry) => {
            const path = new URL(entry.name).pathname;
            return {
              // Hashed chunk names differ between builds only in the hash; keep the readable part.
              name: path.replace(/-[\w-]{8}\.(js|css)$/, '.$1'),
              query: new URL(entry.name).search,
              start: entry.startTime,
              duration: entry.responseEnd - entry.startTime,
              bytes: entry.transferSize,
            };
          }),
      };
    });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    if (errors.length > 0) {
      throw new Error(`The page failed: ${errors.join('; ')}`);
    }
    return {
      ready: measured.ready,
      task: metric('TaskDuration'),
      script: metric('ScriptDuration'),
      requests: measured.requests.map((r) => ({
        name: r.name.startsWith('/api/') ? `${r.name}${r.query.replace(/from=[^&]*&?|to=[^&]*&?/g, '')}` : r.name,
        start: r.start,
        duration: r.duration,
        bytes: r.bytes,
      })),
    };
  } finally {
    await browser.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function report(title: string, loads: Load[]): void {
  console.log(`\n${title}: overview-ready median ${median(loads.map((l) => l.ready)).toFixed(0)} ms`);
  console.log(`  loads (ms): ${loads.map((l) => l.ready.toFixed(0)).join(', ')}`);
  console.log(
    `  main thread busy (median): ${median(loads.map((l) => l.task)).toFixed(0)} ms, of which script ` +
      `${median(loads.map((l) => l.script)).toFixed(0)} ms`,
  );
  const names = [...new Set(loads.flatMap((l) => l.requests.map((r) => r.name)))];
  console.table(
    names.map((name) => {
      const seen = loads.map((l) => l.requests.find((r) => r.name === name)).filter((r) => r !== undefined);
      return {
        request: name.length > 70 ? `${name.slice(0, 67)}…` : name,
        'start ms': median(seen.map((r) => r.start)).toFixed(0),
        'duration ms': median(seen.map((r) => r.duration)).toFixed(0),
        'bytes on the wire': median(seen.map((r) => r.bytes)).toFixed(0),
      };
    }),
  );
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const database = await openStatsDatabase({ posts: POSTS, days: 30, seed: SEED, withPosts: true, cache: true });
  const server = await startServer(database.url);
  try {
    // One load to let the server warm its pools and plans (not counted: each counted load is cold in the browser).
    await coldLoad(server.url, false);
    const before = loadAverage();
    const plain: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      plain.push(await coldLoad(server.url, false));
    }
    const throttled: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      throttled.push(await coldLoad(server.url, true));
    }
    console.log(`\n${database.name}: ${POSTS.toLocaleString('en')} posts. Load average before: ${before}`);
    report('Unthrottled', plain);
    report('Throttled (1.6 Mbps down, 750 kbps up, 150 ms latency)', throttled);
    console.log(`\nLoad average after: ${loadAverage()}`);
  } finally {
    if (server.child.exitCode === null) {
      const exited = new Promise((done) => server.child.once('exit', done));
      server.child.kill('SIGTERM');
      await exited;
    }
    rmSync(server.dataDir, { recursive: true, force: true });
    await database.release();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
