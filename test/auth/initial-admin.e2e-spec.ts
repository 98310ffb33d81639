import { jest } from '@jest/globals';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { InitialAdminService } from '../../src/auth/initial-admin.service.js';
import { createTestDatabase } from '../support/test-database.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

// Booting the whole application takes several seconds on a busy 2-core machine.
jest.setTimeout(60_000);

/** Everything the process writes to stdout and stderr while `run` runs. */
async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write };
  const tap = (original: typeof process.stdout.write) =>
    function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      chunks.push(String(chunk));
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof process.stdout.write;
  process.stdout.write = tap(originals.out);
  process.stderr.write = tap(originals.err);
  try {
    const result = await run();
    return { result, output: chunks.join('') };
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  }
}

describe('the first-start admin account', () => {
  // One system at a time: the machine's PostgreSQL is shared by every engineer's tests.
  let running: TestSystem | undefined;
  afterEach(async () => {
    if (running) {
      rmSync(running.config.dataDir, { recursive: true, force: true });
      await running.stop();
      running = undefined;
    }
  });

  it('should use PANTAU_ADMIN_PASSWORD when it is set, without a pending change and without a file', async () => {
    running = await startTestSystem({ env: { PANTAU_ADMIN_PASSWORD: 'sandi-admin-dari-env' } });
    const response = await request(running.url)
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'sandi-admin-dari-env' })
      .expect(200);
    expect(response.body.mustChangePassword).toBe(false);
    expect(existsSync(join(running.config.dataDir, 'initial-admin-password'))).toBe(false);
  });

  it('should otherwise write a generated password to a mode-600 file, log only its path, and require a change', async () => {
    const captured = await captureOutput(() =>
      startTestSystem({ env: { PANTAU_ADMIN_PASSWORD: '', PANTAU_LOG_LEVEL: 'log' } }),
    );
    running = captured.result;
    const output = captured.output;
    const file = join(running.config.dataDir, 'initial-admin-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(output).toContain(file);
    expect(output).not.toContain(password);

    const response = await request(running.url)
      .post('/api/auth/login')
      .send({ username: 'admin', password })
      .expect(200);
    expect(response.body.mustChangePassword).toBe(true);
    const auth = { Authorization: `Bearer ${response.body.accessToken}` };
    await request(running.url).get('/api/users').set(auth).expect(403);
    await request(running.url)
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: password, newPassword: 'sandi-baru-admin-kominfo' })
      .expect(204);
    await request(running.url).get('/api/users').set(auth).expect(200);
  });

  it('should create exactly one admin when several processes race on an empty users table', async () => {
    running = await startTestSystem({ env: { PANTAU_ADMIN_PASSWORD: '' } });
    const db = new pg.Client(running.database.url);
    await db.connect();
    try {
      await db.query(`DELETE FROM users`);
      const service = running.system.app.get(InitialAdminService);
      const outcomes = await Promise.all([service.ensureAdmin(), service.ensureAdmin(), service.ensureAdmin()]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const { rows } = await db.query(`SELECT username, must_change_password FROM users WHERE role = 'admin'`);
      expect(rows).toEqual([{ username: 'admin', must_change_password: true }]);
      // The file holds the password of the account that won.
      const password = readFileSync(join(running.config.dataDir, 'initial-admin-password'), 'utf8').trim();
      await request(running.url).post('/api/auth/login').send({ username: 'admin', password }).expect(200);
    } finally {
      await db.end();
    }
  });

  it('should not create the admin in a worker process', async () => {
    const database = await createTestDatabase();
    const worker = await startTestSystem({ role: 'worker', database });
    const db = new pg.Client(database.url);
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM users`);
      expect(rows[0].n).toBe(0);
    } finally {
      await db.end();
      await worker.stop();
      await database.drop();
    }
  });
});
