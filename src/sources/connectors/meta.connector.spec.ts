import { itHandlesCommonFailures, fetchError } from '../../../test/sources/connectors/connector-failures.js';
import {
  fixtureJson,
  fixtureText,
  json,
  LocalPlatformServer,
} from '../../../test/sources/connectors/local-platform-server.js';
import { createSourceHttpClient } from '../http/source-http-client.js';
import type { SourceCursor } from './connector.types.js';
import { metaConnector } from './meta.connector.js';

const http = createSourceHttpClient({ allowPrivate: true, userAgent: 'PantauIsuTest/1.0' });
const now = new Date('2024-05-14T12:00:00Z');
const TOKEN = 'EAAGsecretPageAccessToken123';

describe('metaConnector', () => {
  const server = new LocalPlatformServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const run = (raw: Record<string, unknown>, cursor: SourceCursor = {}) => {
    const { config, credentials } = metaConnector.parseConfig({
      baseUrl: `${server.baseUrl}/v21.0`,
      accessToken: TOKEN,
      ...raw,
    });
    return metaConnector.fetch({ config, credentials, cursor, http, now });
  };

  it('should read Page posts and their comments with the documented fields', async () => {
    server.reset(() => json(fixtureJson('meta', 'page-feed.json')));
    const result = await run({ pageId: '104857600000001' });
    expect(result.posts.map((post) => post.externalId)).toEqual([
      '104857600000001_998877001',
      '998877001_5001',
      '998877001_5002',
      '104857600000001_998877000',
    ]);
    expect(result.posts[1]).toMatchObject({
      text: 'Bantuan belum sampai ke RT 12 Sempaja',
      createdAt: '2024-05-14T04:00:00.000Z',
      author: 'Siti Aminah',
      url: 'https://www.facebook.com/104857600000001/posts/998877001',
      metrics: { likes: 5 },
    });
    expect(result.posts[0].raw).not.toHaveProperty('comments');
    const request = server.requests[0].url;
    expect(request.pathname).toBe('/v21.0/104857600000001/feed');
    expect(request.searchParams.get('fields')).toBe(
      'id,message,created_time,permalink_url,comments.limit(100){id,message,created_time,from,like_count}',
    );
    expect(request.searchParams.get('access_token')).toBe(TOKEN);
    expect(result.cursor).toEqual({ since: '2024-05-14T04:30:00.000Z', seen: ['998877001_5002'] });
  });

  it('should return nothing already taken on the next run', async () => {
    server.reset(() => json(fixtureJson('meta', 'page-feed.json')));
    const first = await run({ pageId: '104857600000001' });
    const second = await run({ pageId: '104857600000001' }, JSON.parse(JSON.stringify(first.cursor)) as SourceCursor);
    expect(second.posts).toEqual([]);
    expect(second.cursor).toEqual(first.cursor);
  });

  it('should follow paging.next on the same host', async () => {
    server.reset((request) =>
      request.url.searchParams.get('after')
        ? json({
            data: [{ id: '1_2', message: 'Halaman kedua', created_time: '2024-05-12T01:00:00+0000' }],
            paging: {},
          })
        : json({
            ...fixtureJson<Record<string, unknown>>('meta', 'page-feed.json'),
            paging: { next: `${server.baseUrl}/v21.0/104857600000001/feed?after=QVFIUmyy&access_token=${TOKEN}` },
          }),
    );
    const result = await run({ pageId: '104857600000001' });
    expect(result.posts.at(-1)?.text).toBe('Halaman kedua');
  });

  it('should read Instagram media captions and comments', async () => {
    server.reset(() => json(fixtureJson('meta', 'ig-media.json')));
    const result = await run({ igUserId: '17841400000000001' });
    expect(result.posts).toEqual([
      expect.objectContaining({
        externalId: '17895695668004550',
        author: 'pemkotsamarinda',
        url: 'https://www.instagram.com/p/C6xyz/',
      }),
      expect.objectContaining({
        externalId: '17858893269000001',
        text: 'Di Loa Bakung belum dibersihkan',
        author: 'warga_lb',
      }),
    ]);
    expect(server.requests[0].url.pathname).toBe('/v21.0/17841400000000001/media');
  });

  it('should wait on Graph rate-limit codes, using the business-use-case estimate', async () => {
    server.reset(() =>
      json(fixtureJson('meta', 'rate-limited.json'), 403, {
        'x-business-use-case-usage':
          '{"104857600000001":[{"type":"pages","call_count":100,"total_cputime":10,"total_time":10,"estimated_time_to_regain_access":7}]}',
      }),
    );
    const error = await fetchError(run({ pageId: '104857600000001' }));
    expect(error.options.retryAfterMs).toBe(7 * 60_000);
    expect(error.message).toContain('kode 4');
  });

  it('should report an expired token without the token', async () => {
    server.reset(() => json(fixtureJson('meta', 'token-expired.json'), 400));
    const error = await fetchError(run({ pageId: '104857600000001' }));
    expect(error.message).toContain('Token akses Meta tidak berlaku atau kedaluwarsa (kode 190)');
    expect(error.options.permanent).toBe(true);
    expect(error.message).not.toContain(TOKEN);
  });

  it('should accept an empty feed', async () => {
    server.reset(() => json({ data: [] }));
    expect(await run({ pageId: '104857600000001' })).toEqual({ posts: [], cursor: {} });
  });

  describe('failures', () => {
    itHandlesCommonFailures(
      'Meta Graph API',
      server,
      () => run({ pageId: '104857600000001' }),
      [TOKEN],
      () => fixtureText('meta', 'page-feed.json'),
    );
  });
});
