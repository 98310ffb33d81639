import { itHandlesCommonFailures, fetchError } from '../../../test/sources/connectors/connector-failures.js';
import {
  fixtureJson,
  fixtureText,
  json,
  LocalPlatformServer,
} from '../../../test/sources/connectors/local-platform-server.js';
import { createSourceHttpClient } from '../http/source-http-client.js';
import type { SourceCursor } from './connector.types.js';
import { redditConnector } from './reddit.connector.js';

const http = createSourceHttpClient({ allowPrivate: true, userAgent: 'PantauIsuTest/1.0' });
const now = new Date('2024-05-14T12:00:00Z');
const SECRET = 'reddit-client-secret-xyz';

describe('redditConnector', () => {
  const server = new LocalPlatformServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const run = (raw: Record<string, unknown>, cursor: SourceCursor = {}, limits?: { maxPages?: number }) => {
    const { config, credentials } = redditConnector.parseConfig({ baseUrl: server.baseUrl, ...raw });
    return redditConnector.fetch({ config, credentials, cursor, http, now, limits });
  };
  const listing = (request: { url: URL }) =>
    json(fixtureJson('reddit', request.url.searchParams.get('after') ? 'new-page-2.json' : 'new-page-1.json'), 200, {
      'x-ratelimit-remaining': '95.0',
      'x-ratelimit-used': '5',
      'x-ratelimit-reset': '300',
    });

  it('should read /r/<sub>/new.json anonymously, paging with after, reporting the quota', async () => {
    server.reset(listing);
    const result = await run({ subreddit: 'r/indonesia' });
    expect(result.posts.map((post) => post.externalId)).toEqual(['t3_vf7ldv', 't3_vf7ldu', 't3_vf7ldt', 't3_vf7lds']);
    expect(result.posts[0]).toMatchObject({
      text: 'Banjir di Samarinda lagi\nSempaja tergenang',
      author: 'warga_kaltim',
      url: 'https://www.reddit.com/r/indonesia/comments/vf7ldv/post/',
      createdAt: '2024-05-14T09:46:43.000Z',
      metrics: { likes: 10, replies: 4 },
    });
    expect(result.cursor).toEqual({ newestId: 'vf7ldv' });
    expect(result.quota).toEqual({ remaining: 95, resetAt: '2024-05-14T12:05:00.000Z' });
    expect(server.requests[0].url.pathname).toBe('/r/indonesia/new.json');
    expect(server.requests[0].url.searchParams.get('limit')).toBe('100');
    expect(server.requests[1].url.searchParams.get('after')).toBe('t3_vf7ldt');
  });

  it('should return only posts newer than the stored mark after a restart', async () => {
    server.reset(() => json(fixtureJson('reddit', 'new-after-cursor.json')));
    const result = await run({ subreddit: 'indonesia' }, { newestId: 'vf7ldv' });
    expect(result.posts.map((post) => post.externalId)).toEqual(['t3_vf7ldx', 't3_vf7ldw']);
    expect(result.cursor).toEqual({ newestId: 'vf7ldx' });
    expect(server.requests).toHaveLength(1);
  });

  it('should resume an interrupted walk without skipping or repeating', async () => {
    server.reset(listing);
    const first = await run({ subreddit: 'indonesia' }, { newestId: 'vf7ldr' }, { maxPages: 1 });
    expect(first.hasMore).toBe(true);
    expect(first.cursor).toEqual({ newestId: 'vf7ldr', pending: { after: 't3_vf7ldt', newestId: 'vf7ldv' } });
    const second = await run({ subreddit: 'indonesia' }, first.cursor, { maxPages: 1 });
    expect(second.posts.map((post) => post.externalId)).toEqual(['t3_vf7lds']);
    expect(second.cursor).toEqual({ newestId: 'vf7ldv' });
  });

  it('should get an app token with client credentials and call the API with it', async () => {
    server.reset((request) =>
      request.url.pathname === '/api/v1/access_token'
        ? json(fixtureJson('reddit', 'access-token.json'))
        : listing(request),
    );
    const result = await run({ query: 'banjir samarinda', clientId: 'app-id', clientSecret: SECRET });
    expect(result.posts).toHaveLength(4);
    const [tokenRequest, search] = server.requests;
    expect(tokenRequest.method).toBe('POST');
    expect(tokenRequest.body).toBe('grant_type=client_credentials');
    expect(tokenRequest.headers.authorization).toBe(`Basic ${Buffer.from(`app-id:${SECRET}`).toString('base64')}`);
    expect(search.url.pathname).toBe('/search');
    expect(search.url.searchParams.get('sort')).toBe('new');
    expect(search.url.searchParams.get('q')).toBe('banjir samarinda');
    expect(search.headers.authorization).toMatch(/^Bearer eyJ/);
  });

  it('should accept an empty listing', async () => {
    server.reset(() => json({ kind: 'Listing', data: { after: null, before: null, children: [] } }));
    expect((await run({ subreddit: 'indonesia' }, { newestId: 'abc' })).posts).toEqual([]);
  });

  it('should wait X-Ratelimit-Reset seconds on 429', async () => {
    server.reset(() =>
      json({ message: 'Too Many Requests', error: 429 }, 429, {
        'x-ratelimit-reset': '42',
        'x-ratelimit-remaining': '0',
      }),
    );
    expect((await fetchError(run({ subreddit: 'indonesia' }))).options.retryAfterMs).toBe(42_000);
  });

  it('should refuse JSON that is not a Listing', async () => {
    server.reset(() => json({ kind: 't5', data: {} }));
    expect((await fetchError(run({ subreddit: 'indonesia' }))).message).toContain(
      'tidak berbentuk seperti yang diharapkan (Listing',
    );
  });

  describe('failures', () => {
    itHandlesCommonFailures(
      'Reddit',
      server,
      () => run({ subreddit: 'indonesia' }),
      [SECRET],
      () => fixtureText('reddit', 'new-page-1.json'),
    );
  });
});
