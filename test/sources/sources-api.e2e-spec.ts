import request from 'supertest';
import pg from 'pg';
import { loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem, uniqueName } from '../support/test-system.js';

const TOKEN = 'mastodon-token-abcdefgh-9876';

describe('Sources API', () => {
  let running: TestSystem;
  let admin: string;
  let analyst: string;
  let db: pg.Client;

  beforeAll(async () => {
    // API role only: no worker consumes the fetch jobs, so nothing here reaches any network.
    running = await startTestSystem({ role: 'api' });
    admin = await loginAs(running, 'admin');
    analyst = await loginAs(running, 'analyst');
    db = new pg.Client(running.database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  const api = () => request(running.url);

  async function createMastodon(name = uniqueName('mastodon')) {
    // A literal public address: no DNS lookup; nothing is fetched in this suite (API role, no workers).
    const response = await api()
      .post('/api/sources')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        type: 'mastodon',
        name,
        config: { baseUrl: 'https://93.184.215.14', hashtag: 'samarinda', accessToken: TOKEN },
        intervalSeconds: 600,
      })
      .expect(201);
    await api().post(`/api/sources/${response.body.id}/pause`).set('Authorization', `Bearer ${admin}`).expect(200);
    return response.body;
  }

  describe('POST /api/sources', () => {
    it('should store the secret encrypted and never return it in clear', async () => {
      const created = await createMastodon();
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.config).toEqual({
        baseUrl: 'https://93.184.215.14',
        hashtag: 'samarinda',
        accessToken: '••••9876',
      });
      expect(JSON.stringify(created)).not.toContain(TOKEN);

      const list = await api().get('/api/sources').set('Authorization', `Bearer ${analyst}`).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(TOKEN);
      const item = list.body.items.find((source: { id: string }) => source.id === created.id);
      expect(item.health).toMatchObject({ status: 'paused', postsFetched: 0, lastError: null });

      const [row] = (await db.query('SELECT config, credentials_encrypted FROM sources WHERE id = $1', [created.id]))
        .rows;
      expect(JSON.stringify(row.config)).not.toContain(TOKEN);
      expect(row.credentials_encrypted).toMatch(/^v1\./);
      expect(row.credentials_encrypted).not.toContain(TOKEN);
    });

    it('should refuse an invalid config naming the field in Indonesian', async () => {
      const response = await api()
        .post('/api/sources')
        .set('Authorization', `Bearer ${admin}`)
        .send({ type: 'mastodon', name: uniqueName('bad'), config: { baseUrl: 'https://93.184.215.14' } })
        .expect(400);
      expect(response.body.message).toContain('config.hashtag');
      expect(response.body.message).toContain('hashtag atau query');
    });

    it('should refuse credentials in a feed URL, and mask them in a source stored before', async () => {
      const refused = await api()
        .post('/api/sources')
        .set('Authorization', `Bearer ${admin}`)
        .send({
          type: 'rss',
          name: uniqueName('creds'),
          config: { url: 'https://budi:rahasia-feed@93.184.215.14/rss' },
        })
        .expect(400);
      expect(refused.body.message).toMatch(/^config\.url: alamat tidak boleh memuat nama pengguna atau kata sandi/);
      expect(JSON.stringify(refused.body)).not.toContain('rahasia-feed');
      // A row written before the refusal existed.
      const legacy = await createMastodon();
      await db.query(`UPDATE sources SET config = jsonb_set(config, '{baseUrl}', to_jsonb($2::text)) WHERE id = $1`, [
        legacy.id,
        'https://budi:rahasia-feed@93.184.215.14',
      ]);
      const shown = await api().get(`/api/sources/${legacy.id}`).set('Authorization', `Bearer ${analyst}`).expect(200);
      expect(JSON.stringify(shown.body)).not.toContain('rahasia-feed');
      expect(shown.body.config.baseUrl).toBe('https://••••@93.184.215.14/');
    });

    it('should refuse a feed on a private or loopback address without PANTAU_ALLOW_PRIVATE_SOURCES', async () => {
      for (const url of ['http://127.0.0.1:8080/feed.xml', 'http://10.1.2.3/rss', 'http://[::1]/feed']) {
        const response = await api()
          .post('/api/sources')
          .set('Authorization', `Bearer ${admin}`)
          .send({ type: 'rss', name: uniqueName('ssrf'), config: { url } })
          .expect(400);
        expect(String(response.body.message)).toMatch(/^config\.url: /);
      }
      const count = (await db.query(`SELECT count(*)::int AS n FROM sources WHERE name LIKE 'ssrf-%'`)).rows[0].n;
      expect(count).toBe(0);
    });

    it('should refuse a duplicate name and an unknown type', async () => {
      const created = await createMastodon();
      const duplicate = await api()
        .post('/api/sources')
        .set('Authorization', `Bearer ${admin}`)
        .send({ type: 'rss', name: created.name.toUpperCase(), config: { url: 'https://93.184.215.14/feed' } })
        .expect(409);
      expect(duplicate.body.message).toContain('name');
      const unknown = await api()
        .post('/api/sources')
        .set('Authorization', `Bearer ${admin}`)
        .send({ type: 'friendster', name: uniqueName('x') })
        .expect(400);
      expect(JSON.stringify(unknown.body.message)).toContain('type');
    });

    it('should let only admins change sources', async () => {
      await api()
        .post('/api/sources')
        .set('Authorization', `Bearer ${analyst}`)
        .send({ type: 'push', name: uniqueName('push') })
        .expect(403);
      await api().get('/api/sources').expect(401);
    });
  });

  describe('PATCH /api/sources/:id', () => {
    it('should keep a secret sent back masked, and replace one sent in clear', async () => {
      const created = await createMastodon();
      const renamed = await api()
        .patch(`/api/sources/${created.id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ name: `${created.name}-baru`, config: { ...created.config, hashtag: 'banjir' }, intervalSeconds: 900 })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: `${created.name}-baru`, intervalSeconds: 900 });
      expect(renamed.body.config).toMatchObject({ hashtag: 'banjir', accessToken: '••••9876' });

      const replaced = await api()
        .patch(`/api/sources/${created.id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({
          config: { baseUrl: 'https://93.184.215.14', hashtag: 'banjir', accessToken: 'another-token-000011112222' },
        })
        .expect(200);
      expect(replaced.body.config.accessToken).toBe('••••2222');
    });
  });

  describe('DELETE /api/sources/:id', () => {
    it('should hide the source, keep its row and free its name', async () => {
      const created = await createMastodon();
      await api().delete(`/api/sources/${created.id}`).set('Authorization', `Bearer ${admin}`).expect(204);
      const list = await api().get('/api/sources').set('Authorization', `Bearer ${admin}`).expect(200);
      expect(list.body.items.map((source: { id: string }) => source.id)).not.toContain(created.id);
      const one = await api().get(`/api/sources/${created.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
      expect(one.body).toMatchObject({ status: 'deleted', health: { status: 'deleted' } });
      await api().post(`/api/sources/${created.id}/resume`).set('Authorization', `Bearer ${admin}`).expect(404);
      await createMastodon(created.name);
    });
  });

  describe('push sources', () => {
    it('should issue an API key on creation and on request, each usable for ingest', async () => {
      const created = await api()
        .post('/api/sources')
        .set('Authorization', `Bearer ${admin}`)
        .send({ type: 'push', name: uniqueName('crawler') })
        .expect(201);
      expect(created.body.apiKey.key).toMatch(/^pik_/);
      expect(created.body.health.status).toBe('push');
      const second = await api()
        .post(`/api/sources/${created.body.id}/api-keys`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(201);
      expect(second.body.key).not.toBe(created.body.apiKey.key);
      for (const key of [created.body.apiKey.key, second.body.key]) {
        await api()
          .post('/api/ingest')
          .set('X-Api-Key', key)
          .send({
            source: created.body.name,
            posts: [{ externalId: `p-${key.slice(-6)}`, text: 'Jalan berlubang', createdAt: new Date().toISOString() }],
          })
          .expect(202);
      }
      const list = await api().get('/api/sources').set('Authorization', `Bearer ${admin}`).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(created.body.apiKey.key);
    });

    it('should refuse an API key for a scheduled source', async () => {
      const created = await createMastodon();
      await api().post(`/api/sources/${created.id}/api-keys`).set('Authorization', `Bearer ${admin}`).expect(400);
    });
  });
});
