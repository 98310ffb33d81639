import pg from 'pg';
import { DEMO_HISTORY_MINUTES } from '../../src/sources/demo/index.js';
import { createTestDatabase, TestDatabase } from '../support/test-database.js';
import { startTestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

describe('Demo stream', () => {
  let database: TestDatabase;
  let db: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client(database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  const demoSource = async () =>
    (await db.query(`SELECT id, status, demo, state, type FROM sources WHERE demo`)).rows as {
      id: string;
      status: string;
      demo: boolean;
      state: { startedAt: string; historyLoaded: boolean; liveCursor: number; pausedByConfig?: boolean };
      type: string;
    }[];
  const counts = async (startedAt: string) =>
    (
      await db.query(
        `SELECT count(*) FILTER (WHERE created_at < $1)::int AS history, count(*) FILTER (WHERE created_at >= $1)::int AS live,
                count(*) FILTER (WHERE NOT demo)::int AS not_demo, min(created_at) AS oldest
           FROM posts`,
        [startedAt],
      )
    ).rows[0] as { history: number; live: number; not_demo: number; oldest: Date };

  it('should load three days of history on first start, then stream live posts, all marked demo', async () => {
    const running = await startTestSystem({ database, env: { PANTAU_DEMO: 'true' } });
    try {
      const [source] = await demoSource();
      expect(source).toMatchObject({ status: 'active', demo: true, type: 'demo' });
      expect(source.state.historyLoaded).toBe(true);
      const startedAt = source.state.startedAt;
      const seen = await waitUntil(
        () => counts(startedAt),
        (c) => c.history >= 1000 && c.live > 0,
        { what: 'history and the first live posts', timeoutMs: 60_000, intervalMs: 500 },
      );
      expect(seen.not_demo).toBe(0);
      expect(new Date(startedAt).getTime() - seen.oldest.getTime()).toBeLessThanOrEqual(DEMO_HISTORY_MINUTES * 60_000);
    } finally {
      await running.system.stop();
    }
  });

  it('should not load the history twice after a restart, and resume the replay where it was', async () => {
    const [before] = await demoSource();
    const history = (await counts(before.state.startedAt)).history;
    const running = await startTestSystem({ database, env: { PANTAU_DEMO: 'true' } });
    try {
      const [after] = await demoSource();
      expect(after.id).toBe(before.id);
      expect(after.state.startedAt).toBe(before.state.startedAt);
      expect(after.state.liveCursor).toBeGreaterThanOrEqual(before.state.liveCursor);
      await waitUntil(
        async () => (await demoSource())[0].state.liveCursor,
        (cursor) => cursor > before.state.liveCursor,
        { what: 'the replay to move on', timeoutMs: 60_000, intervalMs: 500 },
      );
      expect((await counts(before.state.startedAt)).history).toBe(history);
      const batches = (await db.query(`SELECT count(*)::int AS n FROM sources WHERE demo`)).rows[0].n;
      expect(batches).toBe(1);
    } finally {
      await running.system.stop();
    }
  });

  it('should pause the demo source when PANTAU_DEMO=false', async () => {
    const running = await startTestSystem({ database, env: { PANTAU_DEMO: 'false' } });
    try {
      const [source] = await demoSource();
      expect(source.status).toBe('paused');
      expect(source.state.pausedByConfig).toBe(true);
    } finally {
      await running.system.stop();
    }
  });
});
