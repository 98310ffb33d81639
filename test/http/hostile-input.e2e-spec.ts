import { jest } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '../../src/auth/roles.decorator.js';
import { createUser, login } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

jest.setTimeout(180_000);

const NUL = 'a\\u0000b';
const LONE_SURROGATE = 'a\\ud800b';
const LONE_LOW_SURROGATE = 'a\\udc00b';
const PAIRED_SURROGATES = 'a\\ud83d\\ude00b';

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

/** Every operation of the OpenAPI document, with its path parameters filled in. */
async function operations(running: TestSystem): Promise<{ method: string; path: string }[]> {
  const doc = (await request(running.url).get('/api/docs-json').expect(200)).body as OpenApiDocument;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({
      method,
      path: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
    })),
  );
}

describe('hostile input: NUL bytes, lone surrogates, deep JSON, malformed values', () => {
  let running: TestSystem;
  let token: string;

  beforeAll(async () => {
    running = await startTestSystem();
    const admin = await createUser(running, { role: Role.Admin });
    token = await login(running, admin.username, admin.password);
  });

  afterAll(async () => {
    await running.stop();
  });

  const call = (method: string, path: string) => {
    const agent = request(running.url) as unknown as Record<string, (url: string) => request.Test>;
    return agent[method](path).set('Authorization', `Bearer ${token}`);
  };
  const postJson = (path: string, raw: string) => call('post', path).set('Content-Type', 'application/json').send(raw);

  it.each([
    ['a NUL byte', NUL],
    ['a lone high surrogate', LONE_SURROGATE],
    ['a lone low surrogate', LONE_LOW_SURROGATE],
  ])('should refuse %s in a JSON string with 400, on every route alike', async (_kind, value) => {
    const bodies: [string, string][] = [
      ['/api/auth/login', `{"username":"${value}","password":"apa-saja-xxxx"}`],
      ['/api/topics', `{"name":"${value}","query":"banjir"}`],
      ['/api/users', `{"username":"${value}","displayName":"x","role":"analyst"}`],
      [
        '/api/ingest',
        `{"source":"uji","posts":[{"externalId":"1","text":"${value}","createdAt":"2026-01-01T00:00:00Z"}]}`,
      ],
    ];
    for (const [path, raw] of bodies) {
      const response = await postJson(path, raw);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.message).toBe(
        'Teks dalam permintaan mengandung karakter yang tidak sah (NUL atau surrogate tunggal)',
      );
    }
  });

  it('should accept a properly paired surrogate (an emoji written as an escape)', async () => {
    const response = await postJson('/api/topics', `{"name":"${PAIRED_SURROGATES}","query":"banjir"}`);
    expect(response.status).toBe(201);
    expect(response.body.name).toBe('a😀b');
  });

  it('should refuse NUL in a query string or a path with 400', async () => {
    for (const path of ['/api/posts?q=a%00b', '/api/posts/a%00b', '/api/topics?status=%00', '/api/sources/%00']) {
      const response = await call('get', path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.message).toBe('Alamat permintaan mengandung karakter NUL');
    }
  });

  it('should refuse an import with a NUL in its names and leave no upload behind', async () => {
    const csv = 'id,text,created_at\n1,halo,2026-01-01T00:00:00Z\n';
    for (const query of ['source=uji%00nul&format=csv', 'source=uji-nul&format=csv&fileName=a%00b.csv']) {
      const response = await call('post', `/api/sources/import?${query}`).set('Content-Type', 'text/csv').send(csv);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    const uploads = join(running.config.dataDir, 'imports');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
    const empty = await call('post', '/api/sources/import?source=&format=csv')
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.message)).not.toMatch(/source: source:/);
  });

  it('should refuse JSON nested too deep with 400 on every JSON route', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const { method, path } of await operations(running)) {
      if (method === 'get' || method === 'delete') {
        continue;
      }
      const response = await call(method, path).set('Content-Type', 'application/json').send(`{"name":${deep}}`);
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 400 });
      expect(response.body.message).toBe('Badan permintaan JSON bersarang terlalu dalam (maksimal 64 tingkat)');
    }
  });

  it('should answer malformed and oversized bodies in Indonesian', async () => {
    const malformed = await postJson('/api/topics', '{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      statusCode: 400,
      error: 'Permintaan tidak valid',
      message: 'Badan permintaan bukan JSON yang valid',
    });
    const big = await postJson('/api/topics', `{"name":"${'x'.repeat(11 * 1024 * 1024)}"}`);
    expect(big.status).toBe(413);
    expect(big.body.message).toBe('Badan permintaan melebihi batas 10 MB');
  });

  it('should answer an unknown route in Indonesian', async () => {
    const response = await call('get', '/api/tidak-ada');
    expect(response.status).toBe(404);
    expect(response.body.message).toBe('Alamat tidak ditemukan: GET /api/tidak-ada');
  });

  it('should answer an invalid id with 400, a well-formed unknown one with 404', async () => {
    for (const [method, path] of [
      ['patch', '/api/users/bukan-uuid'],
      ['get', '/api/sources/bukan-uuid'],
      ['get', '/api/topics/bukan-uuid'],
      ['get', '/api/issues/bukan-uuid'],
      ['get', '/api/ingest/bukan-uuid'],
    ]) {
      const response = await call(method, path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(JSON.stringify(response.body.message)).toMatch(/tidak valid/);
    }
    await call('get', '/api/sources/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('should name a field once in a validation message, in Indonesian for nested defaults', async () => {
    const response = await postJson('/api/ingest', '{"source":"uji","posts":[1]}');
    expect(response.status).toBe(400);
    const messages = response.body.message as string[];
    for (const message of messages) {
      expect(message).not.toMatch(/^(\S+): \1:/);
      expect(message).not.toMatch(/must|should|nested property/);
    }
  });

  it('should refuse an empty post text and a javascript: URL', async () => {
    const post = (extra: string) =>
      postJson(
        '/api/ingest',
        `{"source":"uji","posts":[{"externalId":"1","createdAt":"2026-01-01T00:00:00Z",${extra}}]}`,
      );
    const empty = await post('"text":"   "');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.message)).toMatch(/posts\.0\.text: wajib diisi/);
    const script = await post('"text":"halo","url":"javascript:alert(1)"');
    expect(script.status).toBe(400);
    expect(JSON.stringify(script.body.message)).toMatch(/posts\.0\.url: harus alamat http atau https/);
  });

  it('should validate enum and boolean query values', async () => {
    const sentiment = await call('get', '/api/posts?sentiment=gembira');
    expect(sentiment.status).toBe(400);
    const status = await call('get', '/api/topics?status=apa');
    expect(status.status).toBe(400);
    expect(JSON.stringify(status.body.message)).toMatch(/status/);
    const reanalyze = await call('patch', '/api/categories/lainnya?reanalyze=mungkin').send({});
    expect(reanalyze.status).toBe(400);
    expect(JSON.stringify(reanalyze.body.message)).toMatch(/reanalyze/);
  });
});
