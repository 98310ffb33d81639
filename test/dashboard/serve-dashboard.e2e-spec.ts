import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { dashboardDirectory } from '../../src/bootstrap/serve-dashboard.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

describe('Dashboard serving', () => {
  let running: TestSystem;

  beforeAll(async () => {
    if (!existsSync(join(dashboardDirectory(), 'index.html'))) {
      throw new Error('dist/dashboard is missing: npm test builds it (pretest)');
    }
    running = await startTestSystem({ backend: 'postgres' });
  });

  afterAll(async () => {
    await running.stop();
  });

  it('should serve the dashboard at / under a strict Content-Security-Policy', async () => {
    const response = await request(running.url).get('/').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('<div id="app"');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('should answer the dashboard routes with index.html (reload of /isu/… works)', async () => {
    const response = await request(running.url).get('/isu/123?x=1').set('Accept', 'text/html').expect(200);
    expect(response.text).toContain('<div id="app"');
  });

  it('should serve hashed assets with a long cache and 404 for a missing one', async () => {
    const index = await request(running.url).get('/').expect(200);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(script).toBeDefined();
    const asset = await request(running.url).get(script!).expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await request(running.url).get('/assets/missing-0000.js').expect(404);
  });

  it('should send the scripts and stylesheets gzipped (built ahead) to browsers that accept it', async () => {
    const index = await request(running.url).get('/').expect(200);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)![1];
    const style = /href="(\/assets\/[^"]+\.css)"/.exec(index.text)![1];
    const plain = await request(running.url).get(script).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    // supertest inflates the gzip body: it must be the same script, sent compressed and smaller.
    const zipped = await request(running.url).get(script).set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/javascript/);
    expect(zipped.headers['cache-control']).toContain('immutable');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.text).toBe(plain.text);
    expect(Number(zipped.headers['content-length'])).toBeLessThan(plain.text.length / 2);
    const css = await request(running.url).get(style).set('Accept-Encoding', 'gzip').expect(200);
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['content-type']).toMatch(/text\/css/);
  });

  it('should serve the boundary files of the map, gzipped to browsers that accept it', async () => {
    const zipped = await request(running.url).get('/geo/provinces.json').set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/application\/json/);
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    const topology = zipped.body as { type: string; objects: { provinces: { geometries: unknown[] } } };
    expect(topology.type).toBe('Topology');
    expect(topology.objects.provinces.geometries).toHaveLength(38);
    const plain = await request(running.url).get('/geo/regencies/64.json').set('Accept-Encoding', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const regencies = JSON.parse(plain.text) as { objects: { regencies: { geometries: unknown[] } } };
    expect(regencies.objects.regencies.geometries).toHaveLength(10);
    await request(running.url).get('/geo/regencies/99.json').set('Accept', 'application/json').expect(404);
  });

  it('should keep every API path under /api answering JSON, never the dashboard', async () => {
    const missing = await request(running.url).get('/api/no-such-route').set('Accept', 'text/html').expect(404);
    expect(missing.headers['content-type']).toMatch(/application\/json/);
    const anonymous = await request(running.url).get('/api/issues').set('Accept', 'text/html').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/application\/json/);
    await request(running.url).get('/health').expect(200);
  });
});
