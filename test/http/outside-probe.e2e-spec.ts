import { existsSync, readdirSync } from 'node:fs';
import { get } from 'node:http';
import { resolve } from 'node:path';
import { jest } from '@jest/globals';
import request from 'supertest';
import { RATE_LIMITS } from '../../src/auth/rate-limit.js';
import { Role } from '../../src/auth/roles.decorator.js';
import { STREAMS_PER_CALLER } from '../../src/auth/stream-slots.js';
import { createUser } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

jest.setTimeout(300_000);

interface Operation {
  parameters?: { name: string; in: string; schema?: { type?: string; enum?: unknown[] } }[];
  security?: unknown[];
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const STATE_CHANGING = ['post', 'put', 'patch', 'delete'];

/**
 * What a prober from outside tries next against a government system, on the running application: security
 * headers on every kind of answer, CSRF on every state-changing route (cookie sessions, login included), session
 * fixation and logout, and oversized or repeated query parameters on every GET route.
 */
describe('outside probe', () => {
  let running: TestSystem;
  let doc: OpenApiDocument;
  let bearer: string;
  let cookie: string;

  beforeAll(async () => {
    running = await startTestSystem();
    const admin = await createUser(running, { role: Role.Admin });
    const login = await request(running.url)
      .post('/api/auth/login')
      .send({ username: admin.username, password: admin.password })
      .expect(200);
    bearer = login.body.accessToken as string;
    cookie = String(login.headers['set-cookie']).split(';')[0];
    doc = (await request(running.url).get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });

  afterAll(async () => {
    await running?.stop();
  });

  const api = () => request(running.url);

  describe('security headers', () => {
    const answers: [string, () => request.Test][] = [
      ['an API answer', () => api().get('/api/posts?limit=1').set('Authorization', `Bearer ${bearer}`)],
      ['a 401', () => api().get('/api/auth/me')],
      ['a 404 of an unknown route', () => api().get('/api/tidak-ada')],
      ['a 400 for NUL in the path (refused before any route)', () => api().get('/api/posts%00')],
      [
        'a 400 for JSON nested too deep (refused by the body parser)',
        () =>
          api()
            .post('/api/auth/login')
            .set('Content-Type', 'application/json')
            .send(`${'['.repeat(100)}${']'.repeat(100)}`),
      ],
      ['/health', () => api().get('/health')],
    ];

    it.each(answers)('should send the security headers with %s, and forbid caching API answers', async (_, call) => {
      const response = await call();
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': expect.stringContaining('max-age='),
      });
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(response.headers['cache-control']).toMatch(/no-store/);
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('should send them with the dashboard page too (which may be cached only as revalidated)', async () => {
      const response = await api().get('/');
      expect(response.status).toBe(200);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });
  });

  describe('CSRF', () => {
    it('should refuse every state-changing route called with the session cookie and no X-Requested-With', async () => {
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((method) => STATE_CHANGING.includes(method))
          .map((method) => ({ method, path: path.replace(/\{[^}]+\}/gu, UNKNOWN_ID) })),
      );
      expect(routes.length).toBeGreaterThan(40);
      const passed: string[] = [];
      for (const route of routes) {
        if (route.path === '/api/auth/login' || route.path === '/api/auth/login/two-factor') {
          continue; // no session yet: below
        }
        const agent = api() as unknown as Record<string, (url: string) => request.Test>;
        const response = await agent[route.method](route.path).set('Cookie', cookie).send({});
        if (response.status !== 403 || !String(response.body.message).includes('X-Requested-With')) {
          passed.push(`${route.method.toUpperCase()} ${route.path}: ${response.status}`);
        }
      }
      expect(passed).toEqual([]);
    });

    it('should refuse a login posted as a cross-site form would (login CSRF), and take it as JSON', async () => {
      const user = await createUser(running, { role: Role.Analyst });
      const form = `username=${encodeURIComponent(user.username)}&password=${encodeURIComponent(user.password)}`;
      for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
        const response = await api().post('/api/auth/login').set('Content-Type', type).send(form);
        expect({ type, status: response.status, cookie: response.headers['set-cookie'] }).toEqual({
          type,
          status: 403,
          cookie: undefined,
        });
      }
      const code = await api()
        .post('/api/auth/login/two-factor')
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ challengeToken: 'x', code: '123456' }));
      expect(code.status).toBe(403);
      await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
    });
  });

  describe('sessions', () => {
    it('should issue a fresh session at login whatever cookie the browser brought, and end it at logout', async () => {
      const user = await createUser(running, { role: Role.Pimpinan });
      const planted = 'pantau_session=attacker-chosen-value';
      const first = await api()
        .post('/api/auth/login')
        .set('Cookie', planted)
        .send({ username: user.username, password: user.password })
        .expect(200);
      const second = await api()
        .post('/api/auth/login')
        .send({ username: user.username, password: user.password })
        .expect(200);
      const firstCookie = String(first.headers['set-cookie']).split(';')[0];
      expect(firstCookie).not.toBe(planted);
      expect(first.body.accessToken).not.toBe(second.body.accessToken);

      await api().post('/api/auth/logout').set('Cookie', firstCookie).set('X-Requested-With', 'probe').expect(204);
      await api().get('/api/auth/me').set('Cookie', firstCookie).expect(401);
      await api().get('/api/auth/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(401);
      // The other session of the same user is untouched.
      await api().get('/api/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
    });
  });

  describe('rate limits on expensive routes', () => {
    it('should answer 429 with Retry-After once a user spent the search budget, and leave plain lists and others alone', async () => {
      const user = await createUser(running, { role: Role.Analyst });
      const token = (
        await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200)
      ).body.accessToken as string;
      const search = () => api().get('/api/posts?q=banjir&limit=1').set('Authorization', `Bearer ${token}`);
      for (let i = 0; i < RATE_LIMITS.search.perMinute; i++) {
        await search().expect(200);
      }
      const refused = await search().expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.message).toMatch(/Terlalu banyak permintaan/);
      await api().get('/api/posts?limit=1').set('Authorization', `Bearer ${token}`).expect(200);
      await api().get('/api/posts?q=banjir&limit=1').set('Authorization', `Bearer ${bearer}`).expect(200);
    });

    it('should share one export budget across briefs, reports and personal data', async () => {
      const user = await createUser(running, { role: Role.Admin });
      const token = (
        await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200)
      ).body.accessToken as string;
      const exports = [
        () => api().get(`/api/briefs/${UNKNOWN_ID}/export?format=docx`),
        () => api().get(`/api/reports/${UNKNOWN_ID}/export?format=docx`),
      ];
      const statuses: number[] = [];
      for (let i = 0; i < RATE_LIMITS.export.perMinute; i++) {
        statuses.push((await exports[i % 2]().set('Authorization', `Bearer ${token}`)).status);
      }
      expect(statuses.filter((status) => status === 429)).toEqual([]);
      const refused = await api()
        .post('/api/admin/personal-data/export')
        .set('Authorization', `Bearer ${token}`)
        .send({ source: 'tidak-ada', handle: 'budi' });
      expect(refused.status).toBe(429);
    });
  });

  describe('event streams', () => {
    /** Opens GET /api/events and resolves with its status once the head arrived; the stream stays open. */
    function openStream(token: string): Promise<{ status: number; close: () => void }> {
      return new Promise((resolve, reject) => {
        const req = get(
          `${running.url}/api/events`,
          { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` } },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
          },
        );
        req.on('error', reject);
      });
    }

    it('should let one user hold a bounded number of streams, and give a slot back when one closes', async () => {
      const user = await createUser(running, { role: Role.Pimpinan });
      const token = (
        await api().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200)
      ).body.accessToken as string;
      const streams = [];
      for (let i = 0; i < STREAMS_PER_CALLER; i++) {
        streams.push(await openStream(token));
      }
      expect(streams.map((stream) => stream.status)).toEqual(Array(STREAMS_PER_CALLER).fill(200));
      const extra = await openStream(token);
      extra.close();
      const other = await openStream(bearer);
      other.close();
      streams.pop()?.close();
      await new Promise((done) => setTimeout(done, 500));
      const again = await openStream(token);
      again.close();
      streams.forEach((stream) => stream.close());
      expect({ extra: extra.status, otherUser: other.status, afterOneClosed: again.status }).toEqual({
        extra: 429,
        otherUser: 200,
        afterOneClosed: 200,
      });
    });
  });

  describe('upload names', () => {
    it('should store an import under its own id whatever path its names carry, and refuse a path as format', async () => {
      const importsDir = resolve(running.config.dataDir, 'imports');
      const traversal = '../../../../tmp/pantau-probe-owned';
      const started = await api()
        .post(
          `/api/sources/import?source=${encodeURIComponent(traversal)}&fileName=${encodeURIComponent(traversal)}.csv`,
        )
        .set('Authorization', `Bearer ${bearer}`)
        .set('X-Requested-With', 'probe')
        .set('Content-Type', 'text/csv')
        .send('text,createdAt\nJalan rusak di Sempaja,2026-12-01T01:00:00Z\n')
        .expect(202);
      expect(readdirSync(importsDir).filter((name) => !/^[0-9a-f-]{36}\.(csv|jsonl)$/u.test(name))).toEqual([]);
      expect(existsSync('/tmp/pantau-probe-owned.csv')).toBe(false);
      const view = await api()
        .get(`/api/sources/import/${started.body.id}`)
        .set('Authorization', `Bearer ${bearer}`)
        .expect(200);
      expect(view.body.fileName).toBe(`${traversal}.csv`); // recorded as text, never used as a path
      await api()
        .post(`/api/sources/import?source=x&format=${encodeURIComponent('../csv')}`)
        .set('Authorization', `Bearer ${bearer}`)
        .set('X-Requested-With', 'probe')
        .set('Content-Type', 'text/csv')
        .send('text\nx\n')
        .expect(400);
    });
  });

  describe('query parameters', () => {
    it('should answer every GET route with 4xx or 2xx, never 5xx, to oversized, repeated and odd query values', async () => {
      const failures: string[] = [];
      const values = ['x'.repeat(6000), '%F0%9F%98%80'.repeat(300), '-1e400', '[object Object]', '__proto__'];
      for (const [path, ops] of Object.entries(doc.paths)) {
        const op = ops.get;
        if (!op || path.includes('/events')) {
          continue;
        }
        const url = path.replace(/\{[^}]+\}/gu, UNKNOWN_ID);
        const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        for (const name of names) {
          const queries = [
            ...values.map((value) => `${name}=${value}`),
            `${name}=1&${name}=2`, // repeated: an array where a string is expected
            `${name}[a]=1`,
          ];
          for (const query of queries) {
            const response = await api().get(`${url}?${query}`).set('Authorization', `Bearer ${bearer}`);
            if (response.status >= 500) {
              failures.push(`GET ${url}?${query.slice(0, 40)} → ${response.status}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });
});
