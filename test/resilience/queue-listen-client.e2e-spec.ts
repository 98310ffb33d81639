import pg from 'pg';
import { createSupervisedPostgresBackend } from '../../src/queue/supervised-postgres-backend.js';
import { createTestDatabase, TestDatabase } from '../support/test-database.js';
import { waitUntil } from '../support/wait.js';

/** Blocks the event loop (nothing is read from any socket meanwhile). */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * When a PostgreSQL server dies, every backend process sends its client a FATAL 57P01 ("terminating connection due
 * to unexpected postmaster exit") as it notices, at its own moment. The supervised queue backend retires the
 * connection of a lost server on the first error; BullMQ's close() removes every listener of the LISTEN client and
 * then ends it, so a FATAL that arrives in between was emitted with no listener: an uncaught exception that failed
 * the chaos suite and embedded-postgres-crash after their assertions had passed. Made deterministic here: the
 * server's FATAL waits in the socket while the backend is closed, and is read after.
 */
describe('the queue backend closed while its LISTEN connection receives a FATAL', () => {
  let database: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new pg.Client(database.url);
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });

  it('should not throw the error nobody listens to any more', async () => {
    const queueName = `listen-fatal-${process.pid}`;
    const backend = createSupervisedPostgresBackend(
      queueName,
      { connection: { connectionString: database.url, migrate: true, max: 2 } },
      { withBlockingConnection: true },
    );
    await backend.waitUntilReady();
    const [{ pid }] = (
      await waitUntil(
        () => admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [queueName]),
        (result) => result.rows.length === 1,
        { what: 'the LISTEN connection named after the queue' },
      )
    ).rows;

    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      blockFor(1500); // the FATAL reaches the LISTEN socket; this process reads nothing meanwhile
      const closing = backend.close(); // BullMQ removes the LISTEN client's listeners before its first await
      await closing.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('uncaughtException', record);
    }
    expect(uncaught).toEqual([]);
    const left = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [
      queueName,
    ]);
    expect(left.rows[0].n).toBe(0);
  });
});
