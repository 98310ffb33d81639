import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { AuditService } from '../../src/auth/audit.service.js';
import { Role } from '../../src/auth/roles.decorator.js';
import { createUser, login } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

// Booting the whole application takes several seconds on a busy 2-core machine.
jest.setTimeout(120_000);

interface AuditItem {
  id: string;
  action: string;
  address: string | null;
  actorUsername: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

async function allAuditPages(running: TestSystem, token: string, limit: number): Promise<AuditItem[]> {
  const items: AuditItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `limit=${limit}&cursor=${cursor}` : `limit=${limit}`;
    const page = await request(running.url)
      .get(`/api/audit?${query}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    items.push(...(page.body.items as AuditItem[]));
    cursor = page.body.nextCursor as string | null;
  } while (cursor);
  return items;
}

describe('the audit log and the client address', () => {
  let running: TestSystem;
  let admin: string;

  beforeAll(async () => {
    running = await startTestSystem();
    const user = await createUser(running, { role: Role.Admin });
    admin = await login(running, user.username, user.password);
  });

  afterAll(async () => {
    await running.stop();
  });

  const api = () => request(running.url);

  it('should page through every entry exactly once, newest first, across ids of different lengths', async () => {
    const audit = running.system.app.get(AuditService);
    for (let i = 0; i < 148; i++) {
      await audit.record({ actor: null, action: 'test.entry', targetType: 'test', targetId: String(i) });
    }
    const items = await allAuditPages(running, admin, 10);
    const ids = items.map((item) => Number(item.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const entries = items.filter((item) => item.action === 'test.entry').map((item) => Number(item.targetId));
    expect(entries.sort((a, b) => a - b)).toEqual(Array.from({ length: 148 }, (_, i) => i));
  });

  it('should record logins, failures, lockouts and logouts with the address', async () => {
    const user = await createUser(running, { role: Role.Analyst });
    const token = await login(running, user.username, user.password);
    await api().post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    for (let i = 0; i < 5; i++) {
      await api()
        .post('/api/auth/login')
        .send({ username: user.username, password: `salah-${i}-xxxxx` })
        .expect(401);
    }
    const mine = (await allAuditPages(running, admin, 200)).filter((item) => item.targetId === user.id).reverse();
    expect(mine.map((item) => item.action)).toEqual([
      'auth.login',
      'auth.logout',
      ...Array.from({ length: 5 }, () => 'auth.login-failed'),
      'auth.lockout',
    ]);
    for (const item of mine) {
      expect(item.address).toMatch(/127\.0\.0\.1$/);
    }
    expect(JSON.stringify(mine)).not.toMatch(/salah-/);
  });

  it('should record the address of admin actions of any module, and push sources created by ingest', async () => {
    await api()
      .post('/api/topics')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Banjir audit', query: 'banjir' })
      .expect(201);
    await api()
      .post('/api/ingest')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        source: 'kanal-baru-audit',
        posts: [{ externalId: '1', text: 'halo', createdAt: new Date().toISOString() }],
      })
      .expect(202);
    const items = await allAuditPages(running, admin, 200);
    const topic = items.find((item) => item.action === 'topic.create');
    expect(topic?.address).toMatch(/127\.0\.0\.1$/);
    const push = items.find((item) => item.action === 'source.create-push');
    expect(push).toMatchObject({ details: { name: 'kanal-baru-audit', via: 'ingest' } });
    expect(push?.address).toMatch(/127\.0\.0\.1$/);
  });

  it('should not trust X-Forwarded-For on a direct connection (no PANTAU_TRUSTED_PROXIES)', async () => {
    // The failures of the tests above came from this address too.
    const db = new pg.Client(running.database.url);
    await db.connect();
    await db.query('DELETE FROM login_attempts');
    await db.end();
    for (let i = 0; i < 20; i++) {
      await api()
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ username: `palsu-${i}`, password: 'salah-sekali-xx' })
        .expect(401);
    }
    const limited = await api()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.99')
      .send({ username: 'palsu-lagi', password: 'salah-sekali-xx' })
      .expect(429);
    expect(limited.body.message).toMatch(/dari alamat ini/);
  });
});

describe('a deployment behind a trusted proxy (PANTAU_TRUSTED_PROXIES)', () => {
  let running: TestSystem;

  beforeAll(async () => {
    running = await startTestSystem({ env: { PANTAU_TRUSTED_PROXIES: 'loopback' } });
  });

  afterAll(async () => {
    await running.stop();
  });

  it('should record the forwarded client address in the audit log', async () => {
    const user = await createUser(running, { role: Role.Admin });
    const response = await request(running.url)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.7')
      .send({ username: user.username, password: user.password })
      .expect(200);
    const page = await request(running.url)
      .get('/api/audit?limit=200')
      .set('Authorization', `Bearer ${response.body.accessToken}`)
      .expect(200);
    const entry = (page.body.items as AuditItem[]).find(
      (item) => item.action === 'auth.login' && item.targetId === user.id,
    );
    expect(entry?.address).toBe('198.51.100.7');
  });

  it('should count failures per forwarded client address', async () => {
    for (let i = 0; i < 21; i++) {
      await request(running.url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ username: `palsu-${i}`, password: 'salah-sekali-xx' })
        .expect(401);
    }
  });
});
