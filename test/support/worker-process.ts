import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestSystem } from './test-system.js';

const ENTRY = resolve('dist/src/main.js');

/**
 * A real worker process (`node dist/src/main.js --role=worker`) against a test system's database
 * and queue, as in a scaled-out deployment. Needs the build (`npm test` builds first).
 */
export function spawnWorkerProcess(running: TestSystem, env: Record<string, string> = {}): ChildProcess {
  return spawnAppProcess(running, 'worker', env);
}

/** A real process of the given role against the test system's database and queue. */
export function spawnAppProcess(
  running: TestSystem,
  role: 'api' | 'worker',
  env: Record<string, string> = {},
): ChildProcess {
  if (!existsSync(ENTRY)) {
    throw new Error(`${ENTRY} is missing: run \`npm run build\` before the integration tests`);
  }
  const config = running.config;
  const child = spawn(process.execPath, [ENTRY, `--role=${role}`], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: config.databaseUrl ?? '',
      ...(config.redisUrl ? { REDIS_URL: config.redisUrl } : {}),
      PANTAU_QUEUE_PREFIX: config.queuePrefix,
      PANTAU_SECRET: config.secret,
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_LOG_JSON: 'true',
      PANTAU_DATA_DIR: config.dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

export function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
  });
}
