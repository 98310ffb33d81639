import { jest } from '@jest/globals';
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

  it('should not trust X-Forwarded-For on a direct connection (no PANTAU_TRUSTED_PROXIES)', async () => {
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
