import { Logger } from '@nestjs/common';
import pg from 'pg';
import { Redis } from 'ioredis';

const logger = new Logger('Boot');

/**
 * Waits for a service that is down at boot, with a clear message and a capped backoff, instead of
 * crashing (and crash-looping under a supervisor). `describe` must not reveal credentials.
 */
async function waitFor(
  what: string,
  probe: () => Promise<void>,
  maxWaitMs: number,
  cancelled: () => boolean,
): Promise<void> {
  const started = Date.now();
  let delay = 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await probe();
      if (attempt > 1) {
        logger.log(`${what} is reachable again`);
      }
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (cancelled()) {
        throw new Error(`gave up waiting for ${what}: shutting down`);
      }
      if (Date.now() - started > maxWaitMs) {
        throw new Error(`${what} is unreachable after ${Math.round(maxWaitMs / 1000)} s: ${reason}`);
      }
      logger.warn(`${what} is unreachable (${reason}); retrying in ${Math.round(delay / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  }
}

export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.hostname}:${parsed.port || 'default'}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

export function waitForDatabase(
  url: string,
  cancelled: () => boolean = () => false,
  maxWaitMs = 10 * 60_000,
): Promise<void> {
  return waitFor(
    `PostgreSQL at ${describeUrl(url)}`,
    async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    maxWaitMs,
    cancelled,
  );
}

export function waitForRedis(
  url: string,
  cancelled: () => boolean = () => false,
  maxWaitMs = 10 * 60_000,
): Promise<void> {
  return waitFor(
    `Redis at ${describeUrl(url)}`,
    async () => {
      const client = new Redis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        connectTimeout: 5000,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
      } finally {
        client.disconnect();
      }
    },
    maxWaitMs,
    cancelled,
  );
}
