import { jest } from '@jest/globals';
import request from 'supertest';
import { RouteAccessRegistry } from '../../src/auth/route-access.registry.js';
import { ALL_ROLES, Role, RouteAccess } from '../../src/auth/roles.decorator.js';
import { SessionsService } from '../../src/auth/sessions.service.js';
import { createUser } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

// Booting the whole application takes several seconds on a busy 2-core machine.
jest.setTimeout(120_000);

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', ...ALL_ROLES];

/**
 * Key routes and who may call them, written out by hand: if a route's declared access drifts from
 * this table (or the route disappears), the test fails. Every other route is checked against its
 * own declaration.
 */
const EXPECTED: Record<string, 'public' | Role[]> = {
  'GET /health': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'POST /api/auth/logout': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'POST /api/auth/password': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/users': [Role.Admin],
  'POST /api/users': [Role.Admin],
  'PATCH /api/users/{id}': [Role.Admin],
  'POST /api/users/{id}/reset-password': [Role.Admin],
  'GET /api/audit': [Role.Admin],
  'POST /api/ingest': [Role.Admin],
  'GET /api/ingest/{jobId}': [Role.Admin],
  'GET /api/posts': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'POST /api/issues/{id}/briefs': [Role.Analyst, Role.Admin],
  'GET /api/briefs': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/briefs/{id}': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'PATCH /api/briefs/{id}': [Role.Analyst, Role.Admin],
  'GET /api/briefs/{id}/versions': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'POST /api/briefs/{id}/submit': [Role.Analyst, Role.Admin],
  'POST /api/briefs/{id}/approve': [Role.Pimpinan, Role.Admin],
  'POST /api/briefs/{id}/return': [Role.Pimpinan, Role.Admin],
  'POST /api/briefs/{id}/revisions': [Role.Analyst, Role.Admin],
  'GET /api/briefs/{id}/export': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/settings/brief-template': [Role.Admin],
  'PUT /api/settings/brief-template': [Role.Admin],
  // docs/sources.md: a posts route, open to pimpinan like GET /api/posts/{id}.
  'GET /api/posts/{id}/near-duplicates': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/stats/overview': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/stats/volume': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/stats/breakdown': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/stats/top-terms': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/stats/top-authors': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/events': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/account/profile': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'PATCH /api/account/profile': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/users/{id}/profile': [Role.Admin],
  'PATCH /api/users/{id}/profile': [Role.Admin],
  'GET /api/reports': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'GET /api/reports/{id}': [Role.Admin, Role.Analyst, Role.Pimpinan],
  'POST /api/reports/daily': [Role.Analyst, Role.Admin],
  'GET /api/reports/{id}/export': [Role.Admin, Role.Analyst, Role.Pimpinan],
  // docs/operations.md: requests of data subjects (UU PDP).
  'POST /api/admin/personal-data/export': [Role.Admin],
  'POST /api/admin/personal-data/erase': [Role.Admin],
};

interface Operation {
  key: string;
  method: string;
  path: string;
  operationId: string;
  access: RouteAccess;
}

function allowed(access: RouteAccess, caller: Caller): boolean {
  return access.kind === 'public' || (caller !== 'anonymous' && access.roles.includes(caller));
}

describe('every route × every role', () => {
  let running: TestSystem;
  let operations: Operation[];
  const userIds = {} as Record<Role, string>;

  beforeAll(async () => {
    running = await startTestSystem();
    for (const role of ALL_ROLES) {
      userIds[role] = (await createUser(running, { role })).id;
    }
    const declared = new Map(
      running.system.app
        .get(RouteAccessRegistry)
        .routes()
        .map((route) => [route.id, route]),
    );
    const document = (await request(running.url).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        const route = declared.get(operation.operationId);
        if (!route?.access) {
          throw new Error(`No declared access found for ${method.toUpperCase()} ${path} (${operation.operationId})`);
        }
        return {
          key: `${method.toUpperCase()} ${path}`,
          method,
          path,
          operationId: operation.operationId,
          access: route.access,
        };
      }),
    );
    // Nest's router and the OpenAPI document must agree: no route hides from this test.
    const documented = new Set(operations.map((operation) => operation.operationId));
    const undocumented = [...declared.keys()].filter((id) => !documented.has(id));
    expect(undocumented).toEqual([]);
  });

  afterAll(async () => {
    await running.stop();
  });

  /** A fresh session per request: a route such as logout must not spoil the next request. */
  async function headersFor(caller: Caller): Promise<Record<string, string>> {
    if (caller === 'anonymous') {
      return {};
    }
    const { token } = await running.system.app.get(SessionsService).create(userIds[caller]);
    return { Authorization: `Bearer ${token}` };
  }

  function send(operation: Operation, headers: Record<string, string>) {
    const url = operation.path.replace(/\{[^}]+\}/g, '7d1e2f3a-0000-4000-8000-000000000000');
    const agent = request(running.url) as unknown as Record<string, (url: string) => request.Test>;
    const call = agent[operation.method](url).set(headers);
    return ['post', 'put', 'patch'].includes(operation.method) ? call.send({}) : call;
  }

  it('should discover the routes of the whole application, key routes included', () => {
    expect(operations.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    const keys = operations.map((operation) => operation.key);
    expect(keys).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  it('should declare the expected roles on the key routes', () => {
    for (const [key, expected] of Object.entries(EXPECTED)) {
      const access = operations.find((operation) => operation.key === key)?.access;
      if (expected === 'public') {
        expect({ key, access }).toEqual({ key, access: { kind: 'public' } });
      } else {
        expect({ key, roles: access?.kind === 'roles' ? [...access.roles].sort() : access }).toEqual({
          key,
          roles: [...expected].sort(),
        });
      }
    }
  });

  it('should refuse and allow every route exactly as declared, for anonymous, admin, analyst and pimpinan', async () => {
    const mismatches: string[] = [];
    let refusedCount = 0;
    let allowedCount = 0;
    for (const operation of operations) {
      for (const caller of CALLERS) {
        const response = await send(operation, await headersFor(caller));
        const refused = response.status === 401 || response.status === 403;
        const expectAllowed = allowed(operation.access, caller);
        if (expectAllowed) {
          allowedCount++;
        } else {
          refusedCount++;
        }
        if (expectAllowed && refused) {
          mismatches.push(`${operation.key} as ${caller}: expected access, got ${response.status}`);
        }
        if (!expectAllowed && response.status !== (caller === 'anonymous' ? 401 : 403)) {
          mismatches.push(
            `${operation.key} as ${caller}: expected ${caller === 'anonymous' ? 401 : 403}, got ${response.status}`,
          );
        }
        if (response.status >= 500) {
          mismatches.push(`${operation.key} as ${caller}: server error ${response.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(refusedCount).toBeGreaterThan(0);
    expect(allowedCount).toBeGreaterThan(0);
  });

  it('should refuse a bad API key on every route that takes keys, and ignore keys elsewhere', async () => {
    for (const operation of operations) {
      if (operation.access.kind !== 'roles') {
        continue;
      }
      const response = await send(operation, { 'X-Api-Key': 'pik_' + 'z'.repeat(32) });
      expect({ route: operation.key, status: response.status }).toEqual({ route: operation.key, status: 401 });
    }
  });

  it('should guard the admin queue view (outside the OpenAPI document) the same way', async () => {
    const expected: Record<Caller, number> = { anonymous: 401, admin: 200, analyst: 403, pimpinan: 403 };
    for (const caller of CALLERS) {
      const response = await request(running.url)
        .get('/api/admin/queues')
        .set(await headersFor(caller));
      expect({ caller, status: response.status }).toEqual({ caller, status: expected[caller] });
    }
  });
});
