import {
  fixtureBytes,
  fixtureText,
  htmlErrorPage,
  LocalPlatformServer,
} from '../../../test/sources/connectors/local-platform-server.js';
import { createSourceHttpClient } from '../http/source-http-client.js';
import { ConnectorConfigError, ConnectorFetchError, type SourceCursor } from './connector.types.js';
import { rssConnector } from './rss.connector.js';

const http = createSourceHttpClient({ allowPrivate: true, userAgent: 'PantauIsuTest/1.0' });
const now = new Date('2024-05-14T12:00:00Z');
const xml = (body: string | Buffer, headers: Record<string, string> = {}) => ({
  status: 200,
  headers: { 'content-type': 'application/rss+xml; charset=utf-8', ...headers },
  body,
});

describe('rssConnector', () => {
  const server = new LocalPlatformServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  function run(cursor: SourceCursor = {}, path = '/feed/') {
    const { config, credentials } = rssConnector.parseConfig({ url: `${server.baseUrl}${path}` });
    return rssConnector.fetch({ config, credentials, cursor, http, now });
  }

  async function expectFetchError(promise: Promise<unknown>): Promise<ConnectorFetchError> {
    const error = await promise.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ConnectorFetchError);
    return error as ConnectorFetchError;
  }

  describe('parseConfig', () => {
    it('should require an http(s) url', () => {
      expect(() => rssConnector.parseConfig({})).toThrow(ConnectorConfigError);
      expect(() => rssConnector.parseConfig({ url: 'ftp://example.com/feed' })).toThrow(/http/);
      expect(rssConnector.parseConfig({ url: ' https://example.com/feed ' }).config.url).toBe(
        'https://example.com/feed',
      );
    });
  });

  describe('fetch', () => {
    it('should read RSS 2.0 items with ids, dates, plain text, authors and language', async () => {
      server.reset(() => xml(fixtureText('rss', 'kaltim-news.rss.xml'), { etag: '"v1"' }));
      const result = await run();
      expect(result.posts).toHaveLength(3);
      const [flood, water, fee] = result.posts;
      expect(flood.externalId).toBe('https://kabarsamarinda.example/?p=48211');
      expect(flood.createdAt).toBe('2024-05-14T01:45:00.000Z');
      expect(flood.text.startsWith('Banjir Rendam Jalan D.I. Panjaitan')).toBe(true);
      expect(flood.text).toContain('drainase & gorong-gorong');
      expect(flood.text).not.toMatch(/<p>|<a /);
      expect(flood.author).toBe('Redaksi Kabar Samarinda');
      expect(flood.url).toBe('https://kabarsamarinda.example/2024/05/14/banjir-rendam-jalan-di-panjaitan/');
      expect(flood.lang).toBe('id');
      expect(water.createdAt).toBe('2024-05-13T23:30:00.000Z'); // WITA = +08:00
      expect(water.text).toContain('“mobil tangki”');
      expect(fee.author).toBe('Dimas Prasetyo');
      expect(fee.raw).toMatchObject({ guid: { '#text': 'https://kabarsamarinda.example/?p=48190' } });
      expect(result.cursor).toMatchObject({ etag: '"v1"' });
      expect(server.requests[0].headers['user-agent']).toBe('PantauIsuTest/1.0');
    });

    it('should send conditional headers and return nothing on 304', async () => {
      server.reset((request) =>
        request.headers['if-none-match'] === '"v1"' &&
        request.headers['if-modified-since'] === 'Tue, 14 May 2024 09:12:44 GMT'
          ? { status: 304 }
          : xml(fixtureText('rss', 'kaltim-news.rss.xml')),
      );
      const cursor = { etag: '"v1"', lastModified: 'Tue, 14 May 2024 09:12:44 GMT', seen: ['x'] };
      const result = await run(cursor);
      expect(result.posts).toEqual([]);
      expect(result.cursor).toEqual(cursor);
    });

    it('should return only new items on the next run, also from a fresh connector with the stored cursor', async () => {
      server.reset(() => xml(fixtureText('rss', 'kaltim-news.rss.xml')));
      const first = await run();
      const stored = JSON.parse(JSON.stringify(first.cursor)) as SourceCursor;
      server.reset(() => xml(fixtureText('rss', 'kaltim-news-updated.rss.xml')));
      const second = await run(stored);
      expect(second.posts.map((post) => post.externalId)).toEqual(['https://kabarsamarinda.example/?p=48230']);
      const third = await run(JSON.parse(JSON.stringify(second.cursor)) as SourceCursor);
      expect(third.posts).toEqual([]);
      // the item that left the window is still remembered
      expect(third.cursor.seen).toContain('https://kabarsamarinda.example/?p=48190');
    });

    it('should read Atom entries (published, xml:lang, html titles, xhtml content)', async () => {
      server.reset(() =>
        xml(fixtureText('rss', 'pemkot-siaran-pers.atom.xml'), { 'content-type': 'application/atom+xml' }),
      );
      const { posts } = await run();
      expect(posts).toHaveLength(2);
      expect(posts[0]).toMatchObject({
        externalId: 'tag:samarindakota.example,2024-05-14:/siaran-pers/1187',
        createdAt: '2024-05-14T01:30:00.000Z',
        author: 'Diskominfo Samarinda',
        url: 'https://samarindakota.example/siaran-pers/2024/05/bantuan-banjir',
        lang: 'id',
      });
      expect(posts[0].text).toBe(
        'Pemkot Salurkan Bantuan bagi Warga Terdampak Banjir & Longsor\nBantuan logistik disalurkan ke 4 kelurahan.',
      );
      expect(posts[1].createdAt).toBe('2024-05-13T16:00:00.000Z');
      expect(posts[1].text).toContain('Pemeliharaan berlangsung');
    });

    it('should read RSS 1.0 (RDF) items', async () => {
      server.reset(() => xml(fixtureText('rss', 'bappeda.rdf.xml')));
      const { posts } = await run();
      expect(posts).toEqual([
        expect.objectContaining({
          externalId: 'https://bappeda.example/pengumuman/77',
          createdAt: '2024-05-10T00:00:00.000Z',
          author: 'Humas Bappeda',
          lang: 'id',
        }),
      ]);
    });

    it('should read a Google News search feed without repeating the title', async () => {
      server.reset(() => xml(fixtureText('rss', 'google-news-search.rss.xml')));
      const { posts } = await run();
      expect(posts).toHaveLength(1);
      expect(posts[0].externalId).toBe('CBMiZmh0dHBzOi8va2FsdGltLnRyaWJ1bm5ld3MuY29tLzIwMjQvMDUvMTQvYmFuamlyP29jPTU');
      expect(posts[0].text).toBe(
        'Banjir Samarinda meluas ke 5 kecamatan - Tribun Kaltim\nBanjir Samarinda meluas ke 5 kecamatan Tribun Kaltim',
      );
    });

    it('should decode ISO-8859-1 feeds declared in the XML prolog', async () => {
      server.reset(() => ({
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: fixtureBytes('rss', 'portal-desa.iso-8859-1.rss.xml'),
      }));
      const { posts } = await run();
      expect(posts[0].text).toBe(
        'Café baru di Tenggarong » resmi dibuka\nPemilik café menyebut omzet naik 20° à la carte.',
      );
    });

    it('should decode undeclared windows-1252 bytes instead of producing replacement characters', async () => {
      server.reset(() => ({
        status: 200,
        headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
        body: fixtureBytes('rss', 'warta-kukar.windows-1252-undeclared.rss.xml'),
      }));
      const { posts } = await run();
      expect(posts[0].text).toBe('Warga: “Jalan rusak sudah setahun”\nKeluhan warga Loa Kulu – jalan berlubang.');
    });

    it('should accept an empty feed', async () => {
      server.reset(() =>
        xml(
          '<?xml version="1.0"?><rss version="2.0"><channel><title>Kosong</title><link>https://x.example</link></channel></rss>',
        ),
      );
      const result = await run({ seen: ['a'] });
      expect(result.posts).toEqual([]);
      expect(result.cursor.seen).toEqual(['a']);
    });

    it('should repair bare ampersands rather than reject the feed', async () => {
      server.reset(() =>
        xml(
          '<rss version="2.0"><channel><item><guid>g1</guid><title>Air & listrik padam</title></item></channel></rss>',
        ),
      );
      const { posts } = await run();
      expect(posts[0].text).toBe('Air & listrik padam');
    });

    it('should reject broken XML with a readable Indonesian error', async () => {
      server.reset(() => xml(fixtureText('rss', 'broken-truncated.rss.xml')));
      const error = await expectFetchError(run());
      expect(error.message).toMatch(
        /^Respons feed RSS\/Atom bukan XML yang valid \(HTTP 200, application\/rss\+xml; baris \d+/,
      );
    });

    it('should reject an HTML page served instead of a feed', async () => {
      server.reset(() => ({
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html><head><title>Portal</title></head><body><p>Selamat datang</p></body></html>',
      }));
      const error = await expectFetchError(run());
      expect(error.message).toBe('Respons bukan feed RSS/Atom (elemen akar <html>, HTTP 200, text/html).');
    });

    it('should turn 429 with Retry-After (seconds or HTTP date) into a wait', async () => {
      server.reset(() => ({ status: 429, headers: { 'retry-after': '120' }, body: '' }));
      let error = await expectFetchError(run());
      expect(error.options.retryAfterMs).toBe(120_000);
      expect(error.message).toContain('dicoba lagi setelah 2 menit');
      server.reset(() => ({ status: 429, headers: { 'retry-after': 'Tue, 14 May 2024 12:30:00 GMT' }, body: '' }));
      error = await expectFetchError(run());
      expect(error.options.retryAfterMs).toBe(30 * 60_000);
    });

    it('should report server errors and missing feeds', async () => {
      server.reset(() => htmlErrorPage(503));
      let error = await expectFetchError(run());
      expect(error.message).toBe('Server feed RSS/Atom sedang bermasalah (HTTP 503).');
      expect(error.options.status).toBe(503);
      server.reset(() => ({ status: 404, body: 'not found' }));
      error = await expectFetchError(run());
      expect(error.options).toMatchObject({ status: 404, permanent: true });
    });

    it('should follow redirects to the feed', async () => {
      server.reset((request) =>
        request.url.pathname === '/old-feed'
          ? { status: 301, headers: { location: '/feed/' } }
          : xml(fixtureText('rss', 'bappeda.rdf.xml')),
      );
      const { posts } = await run({}, '/old-feed');
      expect(posts).toHaveLength(1);
      expect(server.requests.map((request) => request.url.pathname)).toEqual(['/old-feed', '/feed/']);
    });
  });
});
