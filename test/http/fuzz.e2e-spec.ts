import { jest } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { Role } from '../../src/auth/roles.decorator.js';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { createUser, login } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

jest.setTimeout(600_000);

/** Fixed, so a failure found once is found again; bounded, so the suite stays within the test budget. */
const SEED = 20261202;
const RUNS_PER_ROUTE = 12;
const INGEST_RUNS = 60;

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  type?: string;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Routes whose success ends the session or the process under test: fuzzed bodies must not log the fuzzer out. */
const SKIPPED = new Set(['post /api/auth/logout', 'post /api/auth/password']);

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A JSON value of any shape, strings including control characters, NUL and lone surrogates. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'javascript:alert(1)', '<script>x</script>', '1e400', '-0'),
  fc.constantFrom(1e20, -1e20, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, 2 ** 31, true, null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
);

/** Objects with the property names of the route's schema (so validation goes past "unknown field"), values of any shape. */
function bodyFor(schema: Schema | undefined, components: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  const resolved = schema?.$ref ? components[schema.$ref.split('/').pop() as string] : schema;
  if (!resolved || depth > 2) {
    return anyJson;
  }
  if (resolved.type === 'array' || resolved.items) {
    return fc.oneof(fc.array(bodyFor(resolved.items, components, depth + 1), { maxLength: 3 }), anyJson);
  }
  if (!resolved.properties) {
    return anyJson;
  }
  const fields = Object.fromEntries(
    Object.entries(resolved.properties).map(([name, field]) => [
      name,
      fc.oneof(bodyFor(field, components, depth + 1), anyJson),
    ]),
  );
  return fc.oneof(fc.record(fields, { requiredKeys: [] }), anyJson);
}

/**
 * Property-based requests: every JSON route of the OpenAPI document gets bodies generated from its schema's field
 * names with values of any type and size, and the ingest route gets batches of such posts. Whatever the body, the
 * answer is never a 5xx: bad input is a 4xx that names what is wrong.
 */
describe('fuzzing every JSON route (fast-check, fixed seed)', () => {
  let running: TestSystem;
  let token: string;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    running = await startTestSystem();
    const admin = await createUser(running, { role: Role.Admin });
    token = await login(running, admin.username, admin.password);
    doc = (await request(running.url).get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });

  afterAll(async () => {
    await running?.stop();
  });

  it('should never answer 5xx to a generated body on any JSON route', async () => {
    const components = doc.components?.schemas ?? {};
    const failures: string[] = [];
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(
          ([method, op]) => ['post', 'put', 'patch'].includes(method) && op.requestBody?.content?.['application/json'],
        )
        .map(([method, op]) => ({
          method,
          path: path.replace(/\{[^}]+\}/gu, UNKNOWN_ID),
          schema: op.requestBody?.content?.['application/json']?.schema,
        })),
    );
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes.filter((r) => !SKIPPED.has(`${r.method} ${r.path}`))) {
      await fc
        .assert(
          fc.asyncProperty(bodyFor(route.schema, components), async (body) => {
            const agent = request(running.url) as unknown as Record<string, (url: string) => request.Test>;
            const res = await agent[route.method](route.path)
              .set('Authorization', `Bearer ${token}`)
              .set('X-Requested-With', 'XMLHttpRequest')
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body) ?? 'null');
            if (res.status >= 500) {
              failures.push(
                `${route.method.toUpperCase()} ${route.path} ${res.status} ${JSON.stringify(body).slice(0, 200)}`,
              );
              return false;
            }
            return true;
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  });

  it('should never answer 5xx to a generated ingest batch, and store every batch it accepted', async () => {
    /** Mostly well-formed values (so batches get accepted and stored), sometimes anything at all. */
    const mostly = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: anyJson, weight: 1 });
    const post = fc.record(
      {
        externalId: mostly(fc.string({ minLength: 1, maxLength: 40 })),
        text: mostly(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 })),
        createdAt: mostly(
          fc.date({ min: new Date('2020-01-01'), max: new Date(Date.now() - 60_000) }).map((d) => d.toISOString()),
        ),
        author: mostly(fc.string({ unit: 'grapheme', maxLength: 30 })),
        url: mostly(fc.webUrl({ withQueryParameters: true })),
        lang: mostly(fc.constantFrom('id', 'jv', 'en')),
        metrics: mostly(
          fc.record(
            { likes: mostly(fc.nat()), replies: mostly(fc.nat()), reposts: mostly(fc.nat()), views: mostly(fc.nat()) },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: ['externalId', 'text', 'createdAt'] },
    );
    const failures: string[] = [];
    const accepted: string[] = [];
    await fc
      .assert(
        fc.asyncProperty(
          mostly(
            fc.record({
              source: mostly(fc.constant('uji-fuzz')),
              posts: fc.array(post, { minLength: 1, maxLength: 5 }),
            }),
          ),
          async (body) => {
            const res = await request(running.url)
              .post('/api/ingest')
              .set('Authorization', `Bearer ${token}`)
              .set('X-Requested-With', 'XMLHttpRequest')
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body) ?? 'null');
            if (res.status >= 500) {
              failures.push(`${res.status} ${JSON.stringify(body).slice(0, 300)}`);
              return false;
            }
            if (res.status === 202) {
              accepted.push(res.body.jobId as string);
            }
            return true;
          },
        ),
        { seed: SEED, numRuns: INGEST_RUNS, endOnFailure: true },
      )
      .catch(() => undefined);
    expect(failures).toEqual([]);
    // The generator must reach the accepting path, or the property says nothing about what happens after 202.
    expect(accepted.length).toBeGreaterThan(INGEST_RUNS / 4);
    const ingest = running.system.app.get(IngestService);
    for (const jobId of accepted) {
      const status = await waitUntil(
        () => ingest.jobStatus(jobId),
        (s) => s.state === 'completed' || s.state === 'failed',
        { what: `ingest job ${jobId}` },
      );
      expect({ jobId, state: status.state }).toEqual({ jobId, state: 'completed' });
    }
  });
});
