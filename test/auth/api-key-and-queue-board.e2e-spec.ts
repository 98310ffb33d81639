import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { Role } from '../../src/auth/roles.decorator.js';
import { createUser, loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

// Booting the whole application takes several seconds on a busy 2-core machine.
jest.setTimeout(60_000);

describe('push-source API keys and the admin queue view', () => {
  let running: TestSystem;
  let db: pg.Client;
  let sourceId: string;

  beforeAll(async () => {
    running = await startTestSystem();
    db = new pg.Client(running.database.url);
    await db.connect();
    const { rows } = await db.query(`INSERT INTO sources (name, type) VALUES ('kanal-aduan', 'push') RETURNING id`);
    sourceId = rows[0].id;
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  const api = () => request(running.url);
  const batch = (source: string) => ({
    source,
    posts: [{ externalId: 'a-1', text: 'Jalan berlubang di depan pasar', createdAt: new Date().toISOString() }],
  });

  it('should store only an HMAC of the key and accept the key on an api-key route', async () => {
    const keys = running.system.app.get(ApiKeyService);
    const issued = await keys.issue(sourceId);
    expect(issued.key).toMatch(/^pik_[A-Za-z0-9_-]{32}$/);
    const { rows } = await db.query(`SELECT key_hash, key_prefix FROM source_api_keys WHERE id = $1`, [issued.id]);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].key_hash).not.toContain(issued.key.slice(4));
    expect(await keys.verify(issued.key)).toEqual({ sourceId });

    const accepted = await api()
      .post('/api/ingest')
      .set('X-Api-Key', issued.key)
      .send(batch('kanal-aduan'))
      .expect(202);
    expect(accepted.body.accepted).toBe(1);
    // A key is not a session: routes that do not take keys refuse it.
    await api().get('/api/posts').set('X-Api-Key', issued.key).expect(401);
    await api().get('/api/auth/me').set('X-Api-Key', issued.key).expect(401);

    expect(await keys.revoke(issued.id)).toBe(true);
    expect(await keys.revoke(issued.id)).toBe(false);
    const revoked = await api().post('/api/ingest').set('X-Api-Key', issued.key).send(batch('kanal-aduan')).expect(401);
    expect(revoked.body.message).toBe('Kunci API tidak valid atau telah dicabut');
    expect(await keys.verify(issued.key)).toBeNull();
  });

  it('should refuse an unknown key and a key of a deleted source', async () => {
    await api()
      .post('/api/ingest')
      .set('X-Api-Key', 'pik_' + 'x'.repeat(32))
      .send(batch('kanal-aduan'))
      .expect(401);
    await api().post('/api/ingest').set('X-Api-Key', 'bukan-kunci').send(batch('kanal-aduan')).expect(401);
    const keys = running.system.app.get(ApiKeyService);
    const issued = await keys.issue(sourceId);
    await db.query(`UPDATE sources SET status = 'deleted' WHERE id = $1`, [sourceId]);
    try {
      expect(await keys.verify(issued.key)).toBeNull();
    } finally {
      await db.query(`UPDATE sources SET status = 'active' WHERE id = $1`, [sourceId]);
    }
  });

  it('should serve the queue view to admins only', async () => {
    await api().get('/api/admin/queues').expect(401);
    const analyst = await loginAs(running, Role.Analyst);
    await api().get('/api/admin/queues').set('Authorization', `Bearer ${analyst}`).expect(403);

    const admin = await createUser(running, { role: Role.Admin });
    const login = await api()
      .post('/api/auth/login')
      .send({ username: admin.username, password: admin.password })
      .expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const page = await api().get('/api/admin/queues').set('Cookie', cookie).expect(200);
    expect(page.text).toContain('/api/admin/queues/');
    const queues = await api().get('/api/admin/queues/api/queues').set('Cookie', cookie);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name)).toEqual(
      expect.arrayContaining(['ingest', 'maintenance']),
    );
  });
});
