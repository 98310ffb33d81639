import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
// Jest loads global setup as CommonJS, outside the ESM test runtime: import by .ts path and only
// modules without relative `.js` imports. Migrations run later, in the test processes (test-database.ts).
import { EmbeddedPostgresServer } from '../../src/database/embedded-postgres.server.ts';

/**
 * Integration tests run against a real PostgreSQL: TEST_DATABASE_URL (CI: the machine's server),
 * or else an embedded one started here. The first suite migrates a template database for this run;
 * every suite clones it (`CREATE DATABASE … TEMPLATE …`), which takes milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  process.env.PANTAU_TEST_TEMPLATE = `pantau_tpl_${process.pid}_${Date.now()}`;
  if (process.env.TEST_DATABASE_URL) {
    return;
  }
  const dataDir = resolve('.pantau-test');
  rmSync(dataDir, { recursive: true, force: true });
  const server = new EmbeddedPostgresServer(dataDir);
  const appUrl = new URL(await server.start());
  appUrl.pathname = '/postgres';
  process.env.TEST_DATABASE_URL = appUrl.toString();
  (globalThis as { __embeddedPostgres?: EmbeddedPostgresServer }).__embeddedPostgres = server;
}
