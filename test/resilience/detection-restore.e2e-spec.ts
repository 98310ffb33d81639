import pg from 'pg';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { DetectionEngine, type PassChange, type PassSummary } from '../../src/issues/detection-engine.service.js';
import { WorkStopped } from '../../src/issues/work-slices.js';
import { createTestDatabase, TestDatabase } from '../support/test-database.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { BUCKET_MS, floodContinues, floodStream } from '../issues/issue-stream.js';

/**
 * Issue 14, defect 3: in the single-process default the API and the detector share one event loop, and the detector's
 * restore after a restart (stored counts imported, 12 hours of posts replayed) used to hold it for minutes. The restore
 * now works in slices that yield: /health answers while it runs, a shutdown stops it at its next slice, and the detector
 * it builds is the one the blocking restore builds (same issues written by the next pass).
 *
 * The systems run with the API role (no scheduled passes) and the test drives the engine in the same process, so that
 * the pass under observation is the one that restores.
 */
describe('Resilience: the detector restores without freezing the API', () => {
  /** Background posts (many copies of the same chatter: near-duplicate groups, the replay's heavy case) and a flood. */
  const VOLUME_STREAMS = 15;
  const end = Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS - BUCKET_MS;
  const start = end - 12 * 3600_000;
  let database: TestDatabase;
  let clone: TestDatabase | null = null;
  /** Copies with the snapshot the first system's pass saved: restored from it, and (snapshot dropped) by a replay. */
  let withSnapshot: TestDatabase | null = null;
  let replayed: TestDatabase | null = null;
  let beforePasses: TestDatabase | null = null;
  let running: TestSystem | null = null;

  const ingestAll = async (system: TestSystem, posts: IngestPostPayload[]) => {
    const ingest = system.system.app.get(IngestService);
    const source = await ingest.findOrCreatePushSource('uji-restore');
    for (let i = 0; i < posts.length; i += 1000) {
      await ingest.processBatch(`restore-${posts[i].externalId}`, source.id, posts.slice(i, i + 1000));
    }
  };

  /** The 12 hours before the restart. */
  const firstPosts = (): IngestPostPayload[] => {
    const posts: IngestPostPayload[] = floodStream(start, { prefix: 'awal' }).posts;
    for (let s = 0; s < VOLUME_STREAMS; s++) {
      posts.push(...floodStream(start, { prefix: `latar${s}`, seed: 100 + s, floodPerBucket: [] }).posts);
    }
    return posts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  };

  /** What a pass wrote, without row ids (compared across databases, whose issue rows have random ids). */
  const withoutIds = (s: PassSummary) => {
    const strip = (xs: PassChange[]) =>
      xs
        .map(({ id: _id, ...rest }) => rest)
        .sort((a, b) => `${a.label}|${a.postCount}`.localeCompare(`${b.label}|${b.postCount}`));
    return { created: strip(s.created), updated: strip(s.updated) };
  };

  const passAt = (system: TestSystem, now: number): Promise<PassSummary> =>
    system.system.app.get(DetectionEngine).pass(now);

  /** The issues a pass wrote: rows found again by id; new rows (random ids) by what they hold. */
  const issuesOf = (s: PassSummary): (PassChange | Omit<PassChange, 'id'>)[] => [
    ...[...s.updated].sort((a, b) => a.id.localeCompare(b.id)),
    ...s.created
      .map(({ id: _id, ...rest }) => rest)
      .sort((a, b) => `${a.label}|${a.postCount}`.localeCompare(`${b.label}|${b.postCount}`)),
  ];

  const dropSnapshots = async (db: TestDatabase): Promise<number> => {
    const client = new pg.Client(db.url);
    await client.connect();
    const { rowCount } = await client.query(`DELETE FROM detection_snapshots`);
    await client.end();
    return rowCount ?? 0;
  };

  /** A copy of `source` (no connection may be open to it). */
  const cloneDatabase = async (source: TestDatabase, suffix = 'c'): Promise<TestDatabase> => {
    const adminUrl = process.env.TEST_DATABASE_URL as string;
    const name = `${source.name}_${suffix}`;
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    // A stopped system's connections close asynchronously: wait for them (and say whose, if one stays).
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${source.name}`);
        break;
      } catch (err) {
        if (attempt >= 30) {
          const { rows } = await admin.query(
            `SELECT application_name, state, left(query, 80) AS query FROM pg_stat_activity WHERE datname = $1`,
            [source.name],
          );
          throw new Error(`${String(err)}; still connected: ${JSON.stringify(rows)}`);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      name,
      url: url.toString(),
      async drop() {
        const c = new pg.Client(adminUrl);
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // Before the restart: 12 hours of posts, passes through them (baselines saved), then a stop.
    const first = await startTestSystem({ database, role: 'api' });
    try {
      await ingestAll(first, firstPosts());
    } finally {
      await first.stop();
    }
    // The stored posts before any pass (a run that never restarts starts from them: same posts, same ids).
    beforePasses = await cloneDatabase(database, 'p');
    const again = await startTestSystem({ database, role: 'api' });
    try {
      const before = await passAt(again, end);
      expect(before.created.length).toBeGreaterThan(0);
      await again.system.app.get(DetectionEngine).saveBaselines();
    } finally {
      await again.stop();
    }
    // The story goes on after the restart (so that the next pass has something to write).
    clone = await cloneDatabase(database);
    withSnapshot = await cloneDatabase(database, 's');
    replayed = await cloneDatabase(database, 'r');
    // The first two cases restore by the replay of the stored window (what a start without a snapshot does).
    for (const db of [database, clone, replayed]) {
      await dropSnapshots(db);
    }
  }, 900_000);

  afterAll(async () => {
    await running?.stop();
    await withSnapshot?.drop();
    await beforePasses?.drop();
    await replayed?.drop();
    await clone?.drop();
    await database?.drop();
  }, 120_000);

  it('should answer /health during the restore, keep the event loop free, and restore what a blocking restore does', async () => {
    const more = floodContinues(end, [12, 20, 26], 'lanjut');
    const passNow = end + 4 * BUCKET_MS;

    // The blocking restore (one turn, as before the fix) on a copy of the same data: the reference.
    running = await startTestSystem({
      database: clone as TestDatabase,
      role: 'api',
      env: { PANTAU_DETECTION_SLICE_MS: '0' },
    });
    await ingestAll(running, more);
    const blockingLoop = monitorEventLoopDelay({ resolution: 10 });
    blockingLoop.enable();
    const reference = await passAt(running, passNow);
    blockingLoop.disable();
    await running.stop();
    running = null;

    // The sliced restore, with /health polled meanwhile.
    running = await startTestSystem({ database, role: 'api' });
    await ingestAll(running, more);
    const url = running.url;
    const answers: { at: number; status: number; ms: number }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t = performance.now();
        const status = await fetch(`${url}/health`)
          .then((r) => r.status)
          .catch(() => 0);
        answers.push({ at: performance.now(), status, ms: performance.now() - t });
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const passStarted = performance.now();
    const sliced = await passAt(running, passNow);
    const passEnded = performance.now();
    loop.disable();
    polling = false;
    await poller;

    const during = answers.filter((a) => a.at < passEnded && a.at - a.ms > passStarted);
    console.log(
      `restore of ${reference.timings.restoreMs} ms blocking (max event-loop delay ${Math.round(blockingLoop.max / 1e6)} ms), ` +
        `${sliced.timings.restoreMs} ms sliced (max delay ${Math.round(loop.max / 1e6)} ms, ${during.length} /health answers during the pass, ` +
        `slowest ${Math.round(Math.max(0, ...answers.map((a) => a.ms)))} ms)`,
    );
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((a) => a.status === 200)).toBe(true);
    // Generous: on 2 shared cores at load average 25 one stall reached 2.1 s (the blocking restore: 97 s). What is
    // not yet sliced: parsing a page of 5,000 stored posts, and the detector's pass itself.
    expect(loop.max / 1e6).toBeLessThan(5000);
    // The same detector: the pass after the restore writes the same issues (ids, labels, states, severity, posts).
    expect(issuesOf(sliced).length).toBeGreaterThan(0);
    expect(issuesOf(sliced)).toEqual(issuesOf(reference));
    expect(sliced.postsIngested).toBe(reference.postsIngested);
    expect(sliced.bucketsProcessed).toBe(reference.bucketsProcessed);
    await running.stop();
    running = null;
  }, 900_000);

  it('should restore from the snapshot, feed only the posts stored after it, and go on as if never restarted', async () => {
    // The story goes on, and a few posts arrive late: created 3 hours before the snapshot, stored after it (below its
    // watermark by time, after it by ingest position: they are in the delta).
    const late = floodContinues(end, [6], 'telat', 12).map((p) => ({
      ...p,
      createdAt: new Date(new Date(p.createdAt).getTime() - 3 * 3600_000).toISOString(),
    }));
    const more = [...floodContinues(end, [12, 20, 26], 'lanjut'), ...late];
    const passNow = end + 4 * BUCKET_MS;

    // The reference: the same posts and passes in one process that never restarts.
    running = await startTestSystem({ database: beforePasses as TestDatabase, role: 'api' });
    await passAt(running, end);
    await ingestAll(running, more);
    const reference = await passAt(running, passNow);
    await running.stop();
    running = null;

    // The full replay of the window (no snapshot), for the record: the approximation a start without one makes.
    running = await startTestSystem({ database: replayed as TestDatabase, role: 'api' });
    await ingestAll(running, more);
    const replay = await passAt(running, passNow);
    await running.stop();
    running = null;

    running = await startTestSystem({ database: withSnapshot as TestDatabase, role: 'api' });
    await ingestAll(running, more);
    const restored = await passAt(running, passNow);
    await running.stop();
    running = null;

    console.log(
      `full replay: ${replay.restore?.postsReplayed} posts replayed + ${replay.postsIngested} fed, ` +
        `restore ${replay.timings.restoreMs} ms; snapshot (${restored.restore?.snapshotBytes} bytes): ` +
        `${restored.restore?.postsReplayed} replayed + ${restored.postsIngested} fed, restore ${restored.timings.restoreMs} ms`,
    );
    console.log(
      `issues written after the restart: uninterrupted ${JSON.stringify(withoutIds(reference))}; ` +
        `snapshot ${JSON.stringify(withoutIds(restored))}; full replay ${JSON.stringify(withoutIds(replay))}`,
    );
    expect(replay.restore).toMatchObject({ from: 'replay', fallback: 'no snapshot' });
    expect(replay.restore?.postsReplayed).toBeGreaterThan(10 * more.length);
    // Only the delta: the posts stored after the snapshot's watermark, none of the 12 hours before it.
    expect(restored.restore).toMatchObject({ from: 'snapshot', postsReplayed: 0 });
    expect(restored.postsIngested).toBe(more.length);
    // The same issues written as by the detector that never stopped (labels, states, severity, posts).
    expect(withoutIds(restored).updated.length).toBeGreaterThan(0);
    expect(withoutIds(restored)).toEqual(withoutIds(reference));
    expect(restored.bucketsProcessed).toBe(reference.bucketsProcessed);
    expect(restored.burstingKeys).toBe(reference.burstingKeys);
  }, 900_000);

  it('should stop a restore under way promptly when the application shuts down', async () => {
    await dropSnapshots(database); // the first case's pass saved one: this case times a replay
    running = await startTestSystem({ database, role: 'api' });
    const system = running;
    running = null;
    const restoring = passAt(system, end + 5 * BUCKET_MS).then(
      () => 'completed',
      (err: unknown) => err,
    );
    // Asked for 0.5 s into the restore (on a quiet machine the whole sliced restore takes about 2 s, so 2 s in
    // found it completed): a blocked event loop would run this timer (like a SIGTERM handler) only when free again,
    // so the time is counted from when the stop was due, not from when the timer ran.
    const dueAt = performance.now() + 500;
    await new Promise((r) => setTimeout(r, 500));
    await system.stop();
    const stopMs = performance.now() - dueAt;
    const outcome = await restoring;
    console.log(`shutdown due 0.5 s into a restore, done ${Math.round(stopMs)} ms later`);
    expect(outcome).toBeInstanceOf(WorkStopped);
    expect(stopMs).toBeLessThan(10_000);
  }, 300_000);
});
