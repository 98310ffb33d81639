import { jest } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase } from '../support/test-database.js';
import { queueBackendsUnderTest, startTestSystem } from '../support/test-system.js';

// Booting the whole application takes several seconds on a busy 2-core machine.
jest.setTimeout(180_000);

/**
 * A stopped system leaves nothing behind: no connection of it to its database outlives `stop()`. A connection that
 * does keeps the process alive (jest's forceExit hid such handles) and holds a slot of the server's max_connections.
 */
describe.each(queueBackendsUnderTest())('a stopped system (queue on %s)', (backend) => {
  it('should have closed every database connection it opened', async () => {
    const database = await createTestDatabase();
    const observer = new pg.Client({ connectionString: database.url });
    try {
      const running = await startTestSystem({ backend, database });
      await observer.connect();
      const open = async () =>
        (
          await observer.query<{ application_name: string; state: string }>(
            `SELECT application_name, state FROM pg_stat_activity
              WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'
              ORDER BY application_name`,
            [database.name],
          )
        ).rows;
      expect((await open()).length).toBeGreaterThan(0);
      await running.stop();
      // A connection started but not awaited before the stop shows up a little later: look twice.
      await new Promise((done) => setTimeout(done, 3000));
      expect(await open()).toEqual([]);
    } finally {
      await observer.end().catch(() => undefined);
      await database.drop();
    }
  });
});
