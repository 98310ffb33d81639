import { itHandlesCommonFailures, fetchError } from '../../../test/sources/connectors/connector-failures.js';
import {
  fixtureJson,
  fixtureText,
  json,
  LocalPlatformServer,
} from '../../../test/sources/connectors/local-platform-server.js';
import { createSourceHttpClient } from '../http/source-http-client.js';
import type { SourceCursor } from './connector.types.js';
import { xConnector } from './x.connector.js';

const http = createSourceHttpClient({ allowPrivate: true, userAgent: 'PantauIsuTest/1.0' });
const now = new Date('2024-05-14T12:00:00Z');
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAsecretbearer';

describe('xConnector', () => {
  const server = new LocalPlatformServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const run = (cursor: SourceCursor = {}, limits?: { maxPages?: number }) => {
    const { config, credentials } = xConnector.parseConfig({
      baseUrl: server.baseUrl,
      bearerToken: TOKEN,
      query: 'banjir samarinda -is:retweet',
    });
    return xConnector.fetch({ config, credentials, cursor, http, now, limits });
  };

  it('should search with the bearer token, expansions and fields, paging with next_token', async () => {
    server.reset((request) =>
      json(fixtureJson('x', request.url.searchParams.get('next_token') ? 'recent-page-2.json' : 'recent-page-1.json')),
    );
    const result = await run();
    expect(result.posts.map((post) => post.externalId)).toEqual([
      '1790000000000000030',
      '1790000000000000029',
      '1790000000000000028',
      '1790000000000000027',
      '1790000000000000026',
    ]);
    expect(result.posts[0]).toMatchObject({
      author: 'infokaltim',
      url: 'https://x.com/infokaltim/status/1790000000000000030',
      lang: 'in',
      metrics: { likes: 30, replies: 2, reposts: 1, views: 130 },
    });
    expect(result.cursor).toEqual({ sinceId: '1790000000000000030' });
    const first = server.requests[0];
    expect(first.url.pathname).toBe('/2/tweets/search/recent');
    expect(first.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(Object.fromEntries(first.url.searchParams)).toEqual({
      query: 'banjir samarinda -is:retweet',
      max_results: '100',
      'tweet.fields': 'created_at,public_metrics,lang,author_id',
      expansions: 'author_id',
      'user.fields': 'username',
    });
    expect(server.requests[1].url.searchParams.get('next_token')).toBe('b26v89c19zqg8o3fr5');
  });

  it('should continue from since_id after a restart and return only new posts', async () => {
    server.reset((request) =>
      json(
        fixtureJson(
          'x',
          request.url.searchParams.get('since_id') === '1790000000000000030'
            ? 'recent-newer.json'
            : 'recent-page-1.json',
        ),
      ),
    );
    const result = await run({ sinceId: '1790000000000000030' });
    expect(result.posts.map((post) => post.externalId)).toEqual(['1790000000000000031']);
    expect(result.cursor).toEqual({ sinceId: '1790000000000000031' });
  });

  it('should stop at the page cap, resume from next_token, then move the mark', async () => {
    server.reset((request) =>
      json(fixtureJson('x', request.url.searchParams.get('next_token') ? 'recent-page-2.json' : 'recent-page-1.json')),
    );
    const first = await run({ sinceId: '1790000000000000001' }, { maxPages: 1 });
    expect(first.hasMore).toBe(true);
    expect(first.posts).toHaveLength(3);
    expect(first.cursor).toEqual({
      sinceId: '1790000000000000001',
      pending: { nextToken: 'b26v89c19zqg8o3fr5', newestId: '1790000000000000030' },
    });
    const second = await run(first.cursor, { maxPages: 1 });
    expect(second.posts.map((post) => post.externalId)).toEqual(['1790000000000000027', '1790000000000000026']);
    expect(second.cursor).toEqual({ sinceId: '1790000000000000030' });
    expect(second.hasMore).toBeFalsy();
  });

  it('should accept an empty result', async () => {
    server.reset(() => json(fixtureJson('x', 'recent-empty.json')));
    const result = await run({ sinceId: '1790000000000000031' });
    expect(result.posts).toEqual([]);
    expect(result.cursor).toEqual({ sinceId: '1790000000000000031' });
  });

  it('should wait until x-rate-limit-reset on 429 and report the quota', async () => {
    const reset = Math.floor(now.getTime() / 1000) + 600;
    server.reset(() =>
      json({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, 429, {
        'x-rate-limit-reset': String(reset),
        'x-rate-limit-remaining': '0',
      }),
    );
    const error = await fetchError(run());
    expect(error.options.retryAfterMs).toBe(600_000);
  });

  it('should explain a rejected bearer token without revealing it', async () => {
    server.reset(() => json(fixtureJson('x', 'unauthorized.json'), 401));
    const error = await fetchError(run());
    expect(error.message).toBe(
      'Autentikasi X ditolak (HTTP 401); periksa token atau kredensial sumber ini: Unauthorized',
    );
    expect(error.options.permanent).toBe(true);
  });

  it('should require a bearer token and a query', () => {
    expect(() => xConnector.parseConfig({ query: 'x' })).toThrow(/Bearer token X wajib diisi/);
    expect(xConnector.parseConfig({ bearerToken: 't', query: 'q' }).config).toEqual({
      baseUrl: 'https://api.x.com',
      query: 'q',
    });
  });

  describe('failures', () => {
    itHandlesCommonFailures(
      'X',
      server,
      () => run(),
      [TOKEN],
      () => fixtureText('x', 'recent-page-1.json'),
    );
  });
});
