import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ConnectorConfigError, ConnectorFetchError } from '../connectors/connector.types.js';
import { decodeBody } from './charset-decoder.js';
import { isNonPublicAddress } from './private-address.js';
import { assertPublicUrl, createSourceHttpClient } from './source-http-client.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

describe('isNonPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1',
    '2002:c0a8:0101::1',
    'fe80::1%eth0',
  ])('should refuse %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '2a03:2880::1',
  ])('should allow public %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

describe('decodeBody', () => {
  it('should prefer the Content-Type charset, then the XML prolog, then UTF-8 with a windows-1252 fallback', () => {
    const latin = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\u00e9</a>', 'latin1');
    expect(decodeBody(latin, 'text/xml')).toContain('café');
    expect(decodeBody(Buffer.from('café', 'utf8'), 'text/plain; charset=UTF-8')).toBe('café');
    expect(decodeBody(Buffer.from([0x93, 0x6f, 0x6b, 0x94]), undefined)).toBe('“ok”');
    expect(decodeBody(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), 'application/json')).toBe('{}');
    expect(decodeBody(Buffer.from('ok'), 'text/plain; charset=no-such-charset')).toBe('ok');
  });
});

describe('createSourceHttpClient', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? '-'}`);
      if (req.url === '/redirect-loop') {
        res.writeHead(302, { location: '/redirect-loop' }).end();
      } else if (req.url === '/to-metadata') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      } else if (req.url === '/see-other') {
        res.writeHead(303, { location: '/echo' }).end();
      } else if (req.url === '/echo') {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`${req.method}:${body}`));
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(Buffer.alloc(4096, 97));
      } else if (req.url === '/gzip') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync(JSON.stringify({ ok: true })));
      } else if (req.url === '/gzip-bomb') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
        res.end(gzipSync(Buffer.alloc(1024 * 1024, 0)));
      } else if (req.url === '/slow') {
        const timer = setTimeout(() => res.writeHead(200).end('late'), 2000);
        res.on('close', () => clearTimeout(timer));
      } else {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-multi': 'a' }).end('halo');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  });

  describe('with allowPrivate false', () => {
    const guarded = createSourceHttpClient({ allowPrivate: false, userAgent: 'PantauIsuTest/1.0' });

    it.each([
      'http://127.0.0.1:9/feed',
      'http://10.0.0.1/feed',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:9/feed',
      'http://[::ffff:127.0.0.1]:9/',
      'http://localhost:9/feed',
    ])('should refuse %s before connecting', async (url) => {
      const error = await rejection(guarded.request(url));
      expect(error).toBeInstanceOf(ConnectorFetchError);
      expect(error.message).toMatch(/jaringan privat atau internal/);
      expect((error as ConnectorFetchError).options.permanent).toBe(true);
    });

    it('should refuse the local test server itself (so the guard is what stops it)', async () => {
      const before = hits.length;
      await expect(guarded.request(`${base}/`)).rejects.toThrow(/jaringan privat/);
      expect(hits.length).toBe(before);
    });

    it('should refuse other schemes', async () => {
      await expect(guarded.request('file:///etc/passwd')).rejects.toThrow(
        'Hanya alamat http:// dan https:// yang diizinkan.',
      );
    });
  });

  describe('assertPublicUrl', () => {
    it('should throw a config error naming the field for private addresses', async () => {
      const error = await rejection(assertPublicUrl('http://192.168.0.10/rss', false, 'url'));
      expect(error).toBeInstanceOf(ConnectorConfigError);
      expect((error as ConnectorConfigError).field).toBe('url');
      await expect(assertPublicUrl('http://[fd00::1]/', false, 'baseUrl')).rejects.toThrow(/privat/);
      await expect(assertPublicUrl('gopher://example.com/', false)).rejects.toThrow(ConnectorConfigError);
    });

    it('should accept private addresses when allowed, and public literals always', async () => {
      await expect(assertPublicUrl('http://127.0.0.1:8080/feed', true)).resolves.toBeUndefined();
      await expect(assertPublicUrl('https://8.8.8.8/feed', false)).resolves.toBeUndefined();
    });
  });

  describe('with allowPrivate true', () => {
    const client = createSourceHttpClient({
      allowPrivate: true,
      userAgent: 'PantauIsuTest/1.0',
      maxBytes: 1024,
      timeoutMs: 500,
    });

    it('should return status, lower-case headers and decoded text', async () => {
      const response = await client.request(`${base}/`);
      expect(response.status).toBe(200);
      expect(response.headers['x-multi']).toBe('a');
      expect(response.text).toBe('halo');
      expect(response.bytes.toString()).toBe('halo');
    });

    it('should decompress gzip bodies', async () => {
      expect((await client.request(`${base}/gzip`)).text).toBe('{"ok":true}');
    });

    it('should stop at the size limit, also after decompression', async () => {
      await expect(client.request(`${base}/big`)).rejects.toThrow('melebihi batas ukuran 1024 byte');
      await expect(client.request(`${base}/gzip-bomb`)).rejects.toThrow('melebihi batas ukuran');
    });

    it('should stop after 5 redirects', async () => {
      await expect(client.request(`${base}/redirect-loop`)).rejects.toThrow('lebih dari 5');
    });

    it('should turn a POST into a GET after 303 and keep a same-origin Authorization header', async () => {
      const response = await client.request(`${base}/see-other`, {
        method: 'POST',
        body: 'a=1',
        headers: { authorization: 'Bearer t' },
      });
      expect(response.text).toBe('GET:');
      expect(hits.at(-1)).toBe('GET /echo auth=Bearer t');
    });

    it('should time out', async () => {
      await expect(client.request(`${base}/slow`)).rejects.toThrow('Waktu tunggu habis saat menghubungi 127.0.0.1.');
    });
  });

  it('should re-check every redirect target against the guard', async () => {
    // The first hop (the loopback test server) is explicitly allowed; the redirect to the cloud
    // metadata address must be refused before any connection is made to it.
    const client = createSourceHttpClient({
      allowPrivate: false,
      allowAddresses: ['127.0.0.1'],
      userAgent: 'PantauIsuTest/1.0',
    });
    const before = hits.length;
    await expect(client.request(`${base}/to-metadata`)).rejects.toThrow(
      'Alamat 169.254.169.254 mengarah ke jaringan privat atau internal (169.254.169.254)',
    );
    expect(hits.slice(before)).toEqual(['GET /to-metadata auth=-']);
  });
});
