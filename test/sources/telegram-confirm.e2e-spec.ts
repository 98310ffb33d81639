import { ChildProcess } from 'node:child_process';
import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { JobQueues } from '../../src/queue/job-queues.service.js';
import type { IngestBatchJob } from '../../src/queue/job-payloads.js';
import { QueueName } from '../../src/queue/queue-names.js';
import { loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem, uniqueName } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';
import { spawnWorkerProcess, waitForExit } from '../support/worker-process.js';
import { json, LocalPlatformServer, type RecordedRequest } from './connectors/local-platform-server.js';

// An API process and three worker processes boot on a busy 2-core machine.
jest.setTimeout(300_000);

const FIRST_UPDATE = 5000;
const UPDATES = 250;
const CHAT_ID = -1001234567890;

/**
 * Telegram's getUpdates as the Bot API documents it: a request with `offset` N confirms every update before N, and
 * Telegram forgets them for good; the answer is up to `limit` updates from N on (from the oldest unconfirmed one
 * without an offset). `onRequest` runs when a request arrives, after the confirmation and before the answer.
 */
class FakeTelegram extends LocalPlatformServer {
  pending: number[] = Array.from({ length: UPDATES }, (_, i) => FIRST_UPDATE + i);
  onRequest: (offset: number | undefined, confirmed: number[]) => Promise<void> | void = () => undefined;

  constructor() {
    super();
    this.handler = async (recorded: RecordedRequest) => {
      const offsetParam = recorded.url.searchParams.get('offset');
      const offset = offsetParam === null ? undefined : Number(offsetParam);
      const limit = Number(recorded.url.searchParams.get('limit') ?? 100);
      const confirmed = offset === undefined ? [] : this.pending.filter((id) => id < offset);
      this.pending = this.pending.filter((id) => !confirmed.includes(id));
      await this.onRequest(offset, confirmed);
      const minutesAgo = (id: number) => 1 + ((FIRST_UPDATE + UPDATES - id) % 120);
      return json({
        ok: true,
        result: this.pending.slice(0, limit).map((id) => ({
          update_id: id,
          message: {
            message_id: id,
            date: Math.floor(Date.now() / 1000) - minutesAgo(id) * 60,
            chat: { id: CHAT_ID, type: 'supergroup', title: 'Forum Warga Sempaja', username: 'forumsempaja' },
            from: { id: 42, is_bot: false, first_name: 'Budi', username: `warga_${id % 17}` },
            text: `Laporan warga nomor ${id}: jalan berlubang di Sempaja`,
          },
        })),
      });
    };
  }
}

/**
 * The Telegram connector confirms (advances the offset past) updates only once they are held durably: in the
 * ingest queue or committed as posts. Checked against a local server that forgets what it was told to confirm, on
 * real worker processes killed (kill -9) at the two moments that matter: after an answer was sent and before its
 * posts were stored, and when the next request confirms a page.
 */
describe('Telegram getUpdates: confirmed only after the posts are stored (queue on postgres)', () => {
  const telegram = new FakeTelegram();
  const lockEnv = { PANTAU_JOB_LOCK_SECONDS: '3', PANTAU_ALLOW_PRIVATE_SOURCES: 'true' };
  let api: TestSystem;
  let db: pg.Client;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    await telegram.start();
    api = await startTestSystem({ backend: 'postgres', role: 'api', env: lockEnv });
    db = new pg.Client(api.database.url);
    await db.connect();
  });

  afterAll(async () => {
    for (const worker of workers) {
      worker.kill('SIGTERM');
      await waitForExit(worker);
    }
    await db?.end();
    await api?.stop();
    await telegram.stop();
  });

  /** Update ids (from the external id `chat:message`) in the ingest queue's jobs or stored as posts of the source. */
  async function durablyHeld(sourceId: string): Promise<Set<number>> {
    const held = new Set<number>();
    const idOf = (externalId: string | undefined) => Number(String(externalId).split(':')[1]);
    // The queue first: a job that completes between the two reads has committed its posts before it left the queue.
    const jobs = await api.system.app
      .get(JobQueues)
      .queue(QueueName.Ingest)
      .getJobs(['waiting', 'active', 'delayed', 'prioritized', 'completed']);
    for (const job of jobs) {
      const data = job?.data as IngestBatchJob | undefined;
      if (data?.sourceId === sourceId) {
        data.posts.forEach((post) => held.add(idOf(post.externalId)));
      }
    }
    const stored = await db.query<{ external_id: string }>('SELECT external_id FROM posts WHERE source_id = $1', [
      sourceId,
    ]);
    stored.rows.forEach((row) => held.add(idOf(row.external_id)));
    return held;
  }

  it('should lose and duplicate nothing when workers are killed between fetch and store and while confirming', async () => {
    const admin = await loginAs(api, 'admin');
    let sourceId = '';
    const confirmedTooEarly: number[] = [];
    const requests: (number | 'none')[] = [];
    let killAfterAnswer: ChildProcess | undefined;
    let killOnConfirmOf: { offset: number; worker: ChildProcess } | undefined;

    telegram.onRequest = async (offset, confirmed) => {
      requests.push(offset ?? 'none');
      if (confirmed.length > 0) {
        const held = await durablyHeld(sourceId);
        confirmedTooEarly.push(...confirmed.filter((id) => !held.has(id)));
      }
      if (killOnConfirmOf && offset === killOnConfirmOf.offset) {
        // Telegram has already forgotten what this request confirmed; the worker dies before it sees the answer.
        killOnConfirmOf.worker.kill('SIGKILL');
        killOnConfirmOf = undefined;
      }
      if (killAfterAnswer) {
        // Dies right after this answer is sent, before it can queue or store its posts.
        const worker = killAfterAnswer;
        killAfterAnswer = undefined;
        setImmediate(() => worker.kill('SIGKILL'));
      }
    };

    const first = spawnWorkerProcess(api, lockEnv);
    workers.push(first);
    killAfterAnswer = first;
    const created = await request(api.url)
      .post('/api/sources')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        type: 'telegram',
        name: uniqueName('telegram'),
        config: { botToken: '7123456789:AAHsecretBotTokenValue_x-y', baseUrl: telegram.baseUrl },
        intervalSeconds: 10,
      })
      .expect(201);
    sourceId = created.body.id as string;

    await waitForExit(first);
    expect(requests).toEqual(['none']);

    // The second worker confirms the first page with its follow-up request (offset 5100) and dies when it asks
    // with offset 5200, which confirms the second page.
    const second = spawnWorkerProcess(api, lockEnv);
    workers.push(second);
    killOnConfirmOf = { offset: FIRST_UPDATE + 200, worker: second };
    await waitForExit(second);
    expect(confirmedTooEarly).toEqual([]);

    workers.push(spawnWorkerProcess(api, lockEnv));
    await waitUntil(
      async () => (await db.query('SELECT count(*)::int AS n FROM posts WHERE source_id = $1', [sourceId])).rows[0].n,
      (n: number) => n >= UPDATES,
      { what: `the ${UPDATES} updates stored`, timeoutMs: 150_000, intervalMs: 500 },
    );
    // The last page is confirmed by the next scheduled fetch.
    await waitUntil(
      async () => telegram.pending.length,
      (left) => left === 0,
      { what: 'every update confirmed', timeoutMs: 60_000, intervalMs: 500 },
    );

    const rows = await db.query<{ external_id: string; n: number }>(
      'SELECT external_id, count(*)::int AS n FROM posts WHERE source_id = $1 GROUP BY external_id',
      [sourceId],
    );
    expect(confirmedTooEarly).toEqual([]);
    expect(rows.rows.length).toBe(UPDATES);
    expect(rows.rows.filter((row) => row.n > 1)).toEqual([]);
    expect(requests).toContain(FIRST_UPDATE + 200);
  });
});
