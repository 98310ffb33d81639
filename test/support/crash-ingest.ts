import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { makePosts } from './factories.js';
import { waitUntil } from './wait.js';

/**
 * An ingest of `batches × perBatch` posts through the real queue, and the figures a crash test judges it by: how
 * many posts of the ingest are missing from `posts` (lost), how many are stored more than once (duplicated).
 */
export class CrashIngest {
  readonly jobIds: string[] = [];
  sourceId = '';

  constructor(
    private readonly ingest: IngestService,
    readonly name: string,
    readonly batches: number,
    readonly perBatch: number,
  ) {}

  get total(): number {
    return this.batches * this.perBatch;
  }

  async enqueue(): Promise<void> {
    this.sourceId = (await this.ingest.findOrCreatePushSource(this.name)).id;
    for (let batch = 0; batch < this.batches; batch++) {
      const posts = makePosts(this.perBatch, { prefix: `${this.name}-${batch}` });
      this.jobIds.push(await this.ingest.enqueueBatch(this.sourceId, posts));
    }
  }

  /** Waits (the queue may be unreachable for a while: errors count as "not yet") until every job completed. */
  async waitForCompletion(timeoutMs: number): Promise<void> {
    const pending = new Set(this.jobIds);
    await waitUntil(
      async () => {
        for (const jobId of [...pending]) {
          const status = await this.ingest.jobStatus(jobId).catch(() => undefined);
          if (status?.state === 'completed') {
            pending.delete(jobId);
          } else if (status?.state === 'failed') {
            throw new Error(`ingest job ${jobId} failed: ${JSON.stringify(status)}`);
          }
        }
        return pending.size;
      },
      (left) => left === 0,
      { what: `every ingest job of ${this.name} to complete`, timeoutMs, intervalMs: 500 },
    );
  }

  /** Lost and duplicated posts of this ingest, counted in the database itself. */
  async tally(databaseUrl: string): Promise<{ stored: number; lost: number; duplicated: number }> {
    const client = new pg.Client(databaseUrl);
    await client.connect();
    try {
      const { rows } = await client.query<{ rows: number; distinct: number }>(
        `SELECT count(*)::int AS rows, count(DISTINCT external_id)::int AS distinct FROM posts WHERE source_id = $1`,
        [this.sourceId],
      );
      const { rows: count, distinct } = rows[0];
      return { stored: distinct, lost: this.total - distinct, duplicated: count - distinct };
    } finally {
      await client.end();
    }
  }

  /** The jobs a worker holds now (their batches are what a fault interrupts). */
  async activeJobs(): Promise<string[]> {
    const states = await Promise.all(
      this.jobIds.map((jobId) => this.ingest.jobStatus(jobId).then((status) => status.state)),
    );
    return this.jobIds.filter((_, index) => states[index] === 'active');
  }

  /** Whether every one of `jobIds` has committed its batch (read in the database, not the queue). */
  async committed(databaseUrl: string, jobIds: string[]): Promise<boolean> {
    if (jobIds.length === 0) {
      return true;
    }
    const client = new pg.Client(databaseUrl);
    try {
      await client.connect();
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM ingest_batches WHERE job_id = ANY($1::text[])',
        [jobIds],
      );
      return rows[0].n === jobIds.length;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async storedSoFar(databaseUrl: string): Promise<number> {
    return (await this.tally(databaseUrl).catch(() => ({ stored: 0 }))).stored;
  }
}

export const healthStatus = (url: string): Promise<number> =>
  request(url)
    .get('/health')
    .timeout(10_000)
    .then(
      (response) => response.status,
      () => 0,
    );

/** Seconds from `since` until /health answers 200 (polled every 250 ms), or a thrown timeout. */
export async function secondsUntilHealthy(url: string, since: number, timeoutMs: number): Promise<number> {
  await waitUntil(
    () => healthStatus(url),
    (status) => status === 200,
    { what: '/health to answer 200 again', timeoutMs, intervalMs: 250 },
  );
  return (Date.now() - since) / 1000;
}

/** The process id of the postmaster serving a cluster directory (its postmaster.pid). */
export function postmasterPid(clusterDir: string): number {
  return Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}
