import { itHandlesCommonFailures, fetchError } from '../../../test/sources/connectors/connector-failures.js';
import {
  fixtureJson,
  fixtureText,
  json,
  LocalPlatformServer,
} from '../../../test/sources/connectors/local-platform-server.js';
import { createSourceHttpClient } from '../http/source-http-client.js';
import type { SourceCursor } from './connector.types.js';
import { mastodonConnector } from './mastodon.connector.js';

const http = createSourceHttpClient({ allowPrivate: true, userAgent: 'PantauIsuTest/1.0' });
const now = new Date('2024-05-14T12:00:00Z');
const TOKEN = 'mastodon-secret-token-123';

describe('mastodonConnector', () => {
  const server = new LocalPlatformServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const run = (raw: Record<string, unknown>, cursor: SourceCursor = {}) => {
    const { config, credentials } = mastodonConnector.parseConfig({ baseUrl: server.baseUrl, ...raw });
    return mastodonConnector.fetch({ config, credentials, cursor, http, now });
  };

  it('should read the hashtag timeline, strip HTML and follow the Link header to older pages', async () => {
    server.reset((request) =>
      request.url.searchParams.get('max_id')
        ? json(fixtureJson('mastodon', 'tag-timeline-older.json'))
        : json(fixtureJson('mastodon', 'tag-timeline-newest.json'), 200, {
            link: `<${server.baseUrl}/api/v1/timelines/tag/samarinda?max_id=112450000000000006>; rel="next", <${server.baseUrl}/api/v1/timelines/tag/samarinda?min_id=112450000000000045>; rel="prev"`,
          }),
    );
    const result = await run({ hashtag: '#samarinda' });
    expect(result.posts).toHaveLength(45);
    expect(result.posts[0]).toMatchObject({
      externalId: '112450000000000045',
      text: 'Jalan di Sempaja banjir lagi & macet parah (45) #samarinda',
      author: 'warga_smd',
      lang: 'id',
      url: 'https://mastodon.example/@warga_smd/112450000000000045',
      metrics: { likes: 45, replies: 0, reposts: 1 },
    });
    expect(result.cursor).toEqual({ sinceId: '112450000000000045' });
    expect(server.requests.map((request) => request.url.pathname + request.url.search)).toEqual([
      '/api/v1/timelines/tag/samarinda?limit=40',
      '/api/v1/timelines/tag/samarinda?limit=40&max_id=112450000000000006',
    ]);
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('should fetch forwards from the stored id (min_id) and return only new statuses', async () => {
    server.reset(() => json(fixtureJson('mastodon', 'tag-timeline-after-cursor.json')));
    const result = await run({ hashtag: 'samarinda' }, { sinceId: '112450000000000045' });
    expect(result.posts.map((post) => post.externalId)).toEqual([
      '112450000000000048',
      '112450000000000047',
      '112450000000000046',
    ]);
    expect(result.cursor).toEqual({ sinceId: '112450000000000048' });
    expect(server.requests[0].url.searchParams.get('min_id')).toBe('112450000000000045');
  });

  it('should search statuses with the access token', async () => {
    server.reset(() => json(fixtureJson('mastodon', 'search-statuses.json')));
    const result = await run({ query: 'banjir', accessToken: TOKEN });
    expect(result.posts[0].text).toBe('Keluhan banjir di Samarinda #samarinda');
    expect(server.requests[0].url.pathname).toBe('/api/v2/search');
    expect(server.requests[0].url.searchParams.get('type')).toBe('statuses');
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('should accept an empty timeline and keep the cursor', async () => {
    server.reset(() => json([]));
    expect(await run({ hashtag: 'samarinda' }, { sinceId: '5' })).toMatchObject({
      posts: [],
      cursor: { sinceId: '5' },
    });
  });

  it('should wait until X-RateLimit-Reset on 429', async () => {
    server.reset(() =>
      json({ error: 'Too many requests' }, 429, {
        'x-ratelimit-reset': '2024-05-14T12:05:00.000Z',
        'x-ratelimit-remaining': '0',
      }),
    );
    expect((await fetchError(run({ hashtag: 'samarinda' }))).options.retryAfterMs).toBe(300_000);
  });

  it('should report an invalid token', async () => {
    server.reset(() => json({ error: 'The access token is invalid' }, 401));
    const error = await fetchError(run({ query: 'banjir', accessToken: TOKEN }));
    expect(error.message).toContain('Autentikasi Mastodon ditolak (HTTP 401)');
    expect(error.message).toContain('The access token is invalid');
  });

  it('should validate the config', () => {
    expect(() => mastodonConnector.parseConfig({ query: 'banjir' })).toThrow(/memerlukan accessToken/);
    expect(() => mastodonConnector.parseConfig({ hashtag: 'a', query: 'b' })).toThrow(/tepat satu/);
    expect(mastodonConnector.parseConfig({ hashtag: 'samarinda' }).config.baseUrl).toBe('https://mastodon.social');
  });

  describe('failures', () => {
    itHandlesCommonFailures(
      'Mastodon',
      server,
      () => run({ query: 'banjir', accessToken: TOKEN }),
      [TOKEN],
      () => fixtureText('mastodon', 'search-statuses.json'),
    );
  });
});
