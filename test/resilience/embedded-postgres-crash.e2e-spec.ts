import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSystem } from '../../src/bootstrap/boot.js';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { CrashIngest, healthStatus, postmasterPid, secondsUntilHealthy } from '../support/crash-ingest.js';
import { bootEmbeddedSystem } from '../support/embedded-system.js';
import { waitUntil } from '../support/wait.js';

/**
 * Defect 2 of issue 14: the embedded default's PostgreSQL killed (SIGKILL of its postmaster) in the middle of an
 * ingest. The process must notice, start the server again on the same data directory (crash recovery replays the
 * WAL), answer /health with 200 within 60 s and finish the ingest with nothing lost or duplicated.
 */
describe('Embedded PostgreSQL killed mid-ingest (embedded default, queue on postgres)', () => {
  let dir: string;
  let running: RunningSystem;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pantau-embedded-crash-'));
    chmodSync(dir, 0o711);
    running = await bootEmbeddedSystem(dir, { PANTAU_JOB_LOCK_SECONDS: '3' });
  }, 180_000);

  afterAll(async () => {
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('should restart its server, be healthy within 60 s and lose nothing', async () => {
    const url = running.url as string;
    const databaseUrl = running.config.databaseUrl as string;
    expect(await healthStatus(url)).toBe(200);
    const ingest = new CrashIngest(running.app.get(IngestService), 'embedded-crash', 10, 200);
    await ingest.enqueue();
    await waitUntil(
      () => ingest.storedSoFar(databaseUrl),
      (stored) => stored > 0,
      { what: 'the first batch to be stored', timeoutMs: 120_000, intervalMs: 100 },
    );

    const killedAt = Date.now();
    process.kill(postmasterPid(join(dir, 'postgres')), 'SIGKILL');
    await waitUntil(
      () => healthStatus(url),
      (status) => status !== 200,
      { what: '/health to notice the dead database', timeoutMs: 30_000, intervalMs: 100 },
    ).catch(() => undefined); // a restart faster than the probe is fine too
    const recovery = await secondsUntilHealthy(url, killedAt, 60_000);

    await ingest.waitForCompletion(180_000);
    const tally = await ingest.tally(databaseUrl);
    console.log(`embedded PostgreSQL kill -9: recovery ${recovery.toFixed(1)} s, ${JSON.stringify(tally)}`);
    expect(recovery).toBeLessThanOrEqual(60);
    expect(tally).toEqual({ stored: ingest.total, lost: 0, duplicated: 0 });
  }, 420_000);
});
