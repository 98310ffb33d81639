import { itHandlesCommonFailures, fetchError } from '../../../test/sources/connectors/connector-failures.js';
import {
  fixtureJson,
  fixtureText,
  json,
  LocalPlatformServer,
} from '../../../test/sources/connectors/local-platform-server.js';
import { createSourceHttpClient } from '../http/source-http-client.js';
import { blueskyConnector, blueskyPostUrl } from './bluesky.connector.js';
import type { SourceCursor } from './connector.types.js';

const http = createSourceHttpClient({ allowPrivate: true, userAgent: 'PantauIsuTest/1.0' });
const now = new Date('2024-05-14T12:00:00Z');
const PASSWORD = 'abcd-efgh-ijkl-mnop';

describe('blueskyConnector', () => {
  const server = new LocalPlatformServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const run = (raw: Record<string, unknown> = {}, cursor: SourceCursor = {}, limits?: { maxPages?: number }) => {
    const { config, credentials } = blueskyConnector.parseConfig({
      baseUrl: server.baseUrl,
      query: 'banjir samarinda',
      ...raw,
    });
    return blueskyConnector.fetch({ config, credentials, cursor, http, now, limits });
  };
  const pages = (request: { url: URL }) =>
    json(fixtureJson('bluesky', request.url.searchParams.get('cursor') ? 'search-page-2.json' : 'search-page-1.json'));

  it('should search latest posts page by page and build bsky.app links', async () => {
    server.reset(pages);
    const result = await run();
    expect(result.posts).toHaveLength(30);
    expect(result.posts[0]).toMatchObject({
      externalId: 'at://did:plc:abc0xyz/app.bsky.feed.post/3ksz00030abc2',
      text: 'Banjir Samarinda laporan 30',
      author: 'warga.bsky.social',
      url: 'https://bsky.app/profile/warga.bsky.social/post/3ksz00030abc2',
      createdAt: '2024-05-14T10:30:00.000Z',
      lang: 'id',
      metrics: { likes: 30, replies: 1, reposts: 3 },
    });
    expect(Object.fromEntries(server.requests[0].url.searchParams)).toEqual({
      q: 'banjir samarinda',
      sort: 'latest',
      limit: '100',
    });
    expect(server.requests[0].url.pathname).toBe('/xrpc/app.bsky.feed.searchPosts');
    expect(server.requests[1].url.searchParams.get('cursor')).toBe('25');
    expect(result.cursor).toEqual({
      since: '2024-05-14T10:30:00.000Z',
      seen: ['at://did:plc:abc0xyz/app.bsky.feed.post/3ksz00030abc2'],
    });
  });

  it('should pass since and skip the boundary post already taken', async () => {
    server.reset(() => json(fixtureJson('bluesky', 'search-newer.json')));
    const cursor = {
      since: '2024-05-14T10:30:00.000Z',
      seen: ['at://did:plc:abc0xyz/app.bsky.feed.post/3ksz00030abc2'],
    };
    const result = await run({}, cursor);
    expect(result.posts.map((post) => post.text)).toEqual(['Banjir surut di Sempaja']);
    expect(server.requests[0].url.searchParams.get('since')).toBe('2024-05-14T10:30:00.000Z');
    expect(result.cursor.since).toBe('2024-05-14T11:00:00.000Z');
  });

  it('should resume an interrupted walk from the page cursor', async () => {
    server.reset(pages);
    const first = await run({}, { since: '2024-05-14T10:00:00.000Z', seen: [] }, { maxPages: 1 });
    expect(first.hasMore).toBe(true);
    expect(first.posts).toHaveLength(25);
    const second = await run({}, first.cursor, { maxPages: 1 });
    expect(second.posts.map((post) => post.text)).toEqual([
      'Banjir Samarinda laporan 5',
      'Banjir Samarinda laporan 4',
      'Banjir Samarinda laporan 3',
      'Banjir Samarinda laporan 2',
      'Banjir Samarinda laporan 1',
    ]);
    expect(second.cursor.since).toBe('2024-05-14T10:30:00.000Z');
    expect(second.cursor.pending).toBeUndefined();
  });

  it('should log in with an app password and send the access JWT', async () => {
    server.reset((request) =>
      request.url.pathname === '/xrpc/com.atproto.server.createSession'
        ? json(fixtureJson('bluesky', 'create-session.json'))
        : json(fixtureJson('bluesky', 'search-page-2.json')),
    );
    await run({ identifier: 'diskominfo.bsky.social', appPassword: PASSWORD });
    const [login, search] = server.requests;
    expect(login.method).toBe('POST');
    expect(JSON.parse(login.body)).toEqual({ identifier: 'diskominfo.bsky.social', password: PASSWORD });
    expect(search.headers.authorization).toBe('Bearer eyJhbGciOiJFUzI1NksifQ.access.sig');
  });

  it('should report a refused login without the password', async () => {
    server.reset(() => json({ error: 'AuthenticationRequired', message: 'Invalid identifier or password' }, 401));
    const error = await fetchError(run({ identifier: 'salah.bsky.social', appPassword: PASSWORD }));
    expect(error.message).toContain('Login Bluesky gagal');
    expect(error.message).not.toContain(PASSWORD);
  });

  it('should accept empty results', async () => {
    server.reset(() => json({ posts: [] }));
    expect((await run({}, { since: '2024-05-14T10:30:00.000Z', seen: ['a'] })).cursor).toEqual({
      since: '2024-05-14T10:30:00.000Z',
      seen: ['a'],
    });
  });

  it('should map at:// uris to bsky.app links', () => {
    expect(blueskyPostUrl('at://did:plc:x/app.bsky.feed.post/3k', undefined)).toBe(
      'https://bsky.app/profile/did:plc:x/post/3k',
    );
  });

  describe('failures', () => {
    itHandlesCommonFailures(
      'Bluesky',
      server,
      () => run(),
      [PASSWORD],
      () => fixtureText('bluesky', 'search-page-1.json'),
    );
  });
});
