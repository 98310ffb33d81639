import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// Loaded as CommonJS outside the ESM test runtime (as test/setup/global-setup.ts): import by .ts path, no src modules.
import { freePort } from '../../bench/browser.ts';
import globalTeardown from './global-teardown.ts';
import { seed } from './seed.ts';
import { ADMIN_PASSWORD, type BrowserRun, SCREENSHOT_DIR } from './run-info.ts';

async function waitForHealth(url: string, child: { exitCode: number | null }, log: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited (${child.exitCode}) before it answered:\n${log()}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`The server did not answer ${url}/health within 3 minutes:\n${log()}`);
}

/**
 * One server for the whole browser run: `node dist/src/main.js` in the embedded default (its own PostgreSQL under a
 * temporary data directory, the queue in it, no demo), on a free port; then seeded through the API (seed.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const entry = resolve('dist/src/main.js');
  if (!existsSync(entry) || !existsSync(resolve('dist/dashboard/index.html'))) {
    throw new Error('Build first: npm run test:browser runs `npm run build` before jest');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-browser-'));
  // Run as root, the embedded PostgreSQL runs as the postgres user, which must reach its folder inside.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dataDir,
      TZ: 'UTC',
      PORT: String(port),
      PANTAU_DATA_DIR: dataDir,
      PANTAU_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PANTAU_DEMO: 'false',
      PANTAU_HOME_REGION: '64.72',
      // The daily report's period ends a minute before the start (WITA): the seeded stream falls into the report that
      // is due, so the report pages show the seeded (hostile) issue.
      PANTAU_REPORT_TIME: new Date(Date.now() + 8 * 3600_000 - 60_000).toISOString().slice(11, 16),
      PANTAU_PUBLIC_URL: url,
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_LOG_JSON: 'true',
      // Alert e-mails go nowhere (nothing listens there); the rule only needs a channel to exist.
      PANTAU_SMTP_URL: 'smtp://127.0.0.1:9',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  (globalThis as { __pantauServer?: unknown }).__pantauServer = { child, dataDir };
  try {
    await waitForHealth(url, child, () => output);
    rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const run: BrowserRun = { url, ...(await seed(url)) };
    process.env.PANTAU_BROWSER_RUN = JSON.stringify(run);
  } catch (error) {
    // jest runs no teardown when the setup fails: stop the server here.
    await globalTeardown();
    throw error;
  }
  console.log(`\nBrowser tests against ${url}; screenshots in ${SCREENSHOT_DIR}`);
}
