import { ChildProcess } from 'node:child_process';
import request from 'supertest';
import { Role } from '../../src/auth/roles.decorator.js';
import { freePort } from '../../src/database/embedded-postgres.server.js';
import { createUser, login } from '../support/auth.js';
import { makePosts } from '../support/factories.js';
import { queueBackendsUnderTest, startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';
import { spawnAppProcess, waitForExit } from '../support/worker-process.js';

/**
 * The production topology without Docker: an API process and a worker process, started
 * separately (as docker-compose.yml does) against the same PostgreSQL and queue backend.
 * The in-process system only prepares the database and users; it runs no workers.
 */
describe.each(queueBackendsUnderTest())(
  'Ingest over HTTP, API and worker as separate processes (queue on %s)',
  (backend) => {
    let setup: TestSystem;
    let api: ChildProcess;
    let worker: ChildProcess;
    let url: string;
    let adminToken: string;

    beforeAll(async () => {
      setup = await startTestSystem({ backend, role: 'api' });
      const admin = await createUser(setup, { role: Role.Admin });
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      api = spawnAppProcess(setup, 'api', { PORT: String(port) });
      worker = spawnAppProcess(setup, 'worker');
      await waitUntil(
        () =>
          fetch(`${url}/health`).then(
            (r) => r.status,
            () => 0,
          ),
        (status) => status === 200,
        { what: 'the API process', timeoutMs: 60_000, intervalMs: 250 },
      );
      adminToken = (
        await request(url).post('/api/auth/login').send({ username: admin.username, password: admin.password })
      ).body.accessToken;
    });

    afterAll(async () => {
      api.kill('SIGTERM');
      worker.kill('SIGTERM');
      await Promise.all([waitForExit(api), waitForExit(worker)]);
      await setup.stop();
    });

    const jobDone = (jobId: string) =>
      waitUntil(
        async () => (await request(url).get(`/api/ingest/${jobId}`).set('Authorization', `Bearer ${adminToken}`)).body,
        (body: { state?: string }) => body.state === 'completed' || body.state === 'failed',
        { what: `ingest job ${jobId}`, timeoutMs: 60_000 },
      );

    it('should accept a batch with 202, store it through the worker and read it back', async () => {
      const posts = makePosts(250, { prefix: 'http' });
      const accepted = await request(url)
        .post('/api/ingest')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ source: 'portal-berita-uji', posts })
        .expect(202);
      expect(accepted.body).toEqual({ jobId: expect.any(String), accepted: 250 });
      expect(await jobDone(accepted.body.jobId)).toEqual({ state: 'completed', stored: 250, duplicates: 0 });

      const page = await request(url)
        .get('/api/posts')
        .query({ source: 'portal-berita-uji', limit: 100 })
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(page.body.total).toBe(250);
      expect(page.body.items).toHaveLength(100);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      expect(page.body.items[0]).toMatchObject({ source: 'portal-berita-uji', sourceType: 'push', analyzed: true });

      const next = await request(url)
        .get('/api/posts')
        .query({ source: 'portal-berita-uji', limit: 100, cursor: page.body.nextCursor })
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      const ids = new Set([...page.body.items, ...next.body.items].map((p: { id: string }) => p.id));
      expect(ids.size).toBe(200);
    });

    it('should count a resubmitted batch as duplicates', async () => {
      const posts = makePosts(40, { prefix: 'dup' });
      const send = () =>
        request(url)
          .post('/api/ingest')
          .set('Authorization', `Bearer ${adminToken}`)
          .send({ source: 'dup-uji', posts });
      expect(await jobDone((await send()).body.jobId)).toMatchObject({ stored: 40, duplicates: 0 });
      expect(await jobDone((await send()).body.jobId)).toMatchObject({ stored: 0, duplicates: 40 });
    });

    it('should search text and filter by time', async () => {
      const now = Date.now();
      const posts = [
        {
          externalId: 's-1',
          text: 'Genangan air di jalan Juanda tidak surut',
          createdAt: new Date(now - 3600_000).toISOString(),
        },
        { externalId: 's-2', text: 'Lomba perahu naga meriah', createdAt: new Date(now - 7200_000).toISOString() },
      ];
      const { body } = await request(url)
        .post('/api/ingest')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ source: 'cari-uji', posts });
      await jobDone(body.jobId);
      const found = await request(url)
        .get('/api/posts')
        .query({ source: 'cari-uji', q: 'genangan juanda' })
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(found.body.items.map((p: { externalId: string }) => p.externalId)).toEqual(['s-1']);
      const window = await request(url)
        .get('/api/posts')
        .query({ source: 'cari-uji', from: new Date(now - 5400_000).toISOString(), to: new Date(now).toISOString() })
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(window.body.total).toBe(1);
    });

    describe('bad input', () => {
      const post = (body: unknown, contentType = 'application/json') =>
        request(url)
          .post('/api/ingest')
          .set('Authorization', `Bearer ${adminToken}`)
          .set('Content-Type', contentType)
          .send(typeof body === 'string' ? body : JSON.stringify(body));

      it.each([
        ['malformed JSON', '{"source": "x", "posts": [', /JSON/],
        ['an unknown field', { source: 'x', posts: makePosts(1), extra: 1 }, /extra/],
        [
          'an unknown field inside a post',
          { source: 'x', posts: [{ ...makePosts(1)[0], mood: 'x' }] },
          /posts\.0\.mood/,
        ],
        ['a wrong type', { source: 'x', posts: [{ ...makePosts(1)[0], text: 42 }] }, /posts\.0\.text/],
        [
          'an oversize text',
          { source: 'x', posts: [{ ...makePosts(1)[0], text: 'a'.repeat(100_001) }] },
          /posts\.0\.text/,
        ],
        ['1,001 posts', { source: 'x', posts: makePosts(1001) }, /posts/],
        ['no posts', { source: 'x', posts: [] }, /posts/],
        [
          'an invalid time',
          { source: 'x', posts: [makePosts(3)[0], { ...makePosts(3)[1], createdAt: '2026-13-45' }] },
          /posts\.1\.createdAt/,
        ],
        [
          'a time in the future',
          { source: 'x', posts: [{ ...makePosts(1)[0], createdAt: new Date(Date.now() + 3600_000).toISOString() }] },
          /posts\.0\.createdAt/,
        ],
      ])('should answer 400 naming the field for %s, storing nothing', async (_case, body, field) => {
        const response = await post(body);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ statusCode: 400, error: expect.any(String) });
        expect(JSON.stringify(response.body.message)).toMatch(field);
        expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js:\d+/);
      });

      it('should store nothing from a batch that has one invalid post', async () => {
        const posts = makePosts(10, { prefix: 'half' });
        posts[7] = { ...posts[7], createdAt: 'kemarin' };
        await post({ source: 'separuh-uji', posts }).expect(400);
        const list = await request(url)
          .get('/api/posts')
          .query({ source: 'separuh-uji' })
          .set('Authorization', `Bearer ${adminToken}`);
        expect(list.body.total).toBe(0);
      });

      it('should refuse anonymous and non-admin ingest', async () => {
        await request(url)
          .post('/api/ingest')
          .send({ source: 'x', posts: makePosts(1) })
          .expect(401);
        const analyst = await createUser(setup, { role: Role.Analyst });
        const token = await login({ ...setup, url }, analyst.username, analyst.password);
        await request(url)
          .post('/api/ingest')
          .set('Authorization', `Bearer ${token}`)
          .send({ source: 'x', posts: makePosts(1) })
          .expect(403);
      });
    });
  },
);
