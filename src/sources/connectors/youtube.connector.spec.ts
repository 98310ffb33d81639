import { itHandlesCommonFailures, fetchError } from '../../../test/sources/connectors/connector-failures.js';
import {
  fixtureJson,
  fixtureText,
  json,
  LocalPlatformServer,
} from '../../../test/sources/connectors/local-platform-server.js';
import { createSourceHttpClient } from '../http/source-http-client.js';
import type { SourceCursor } from './connector.types.js';
import { msUntilPacificMidnight, youtubeConnector } from './youtube.connector.js';

const http = createSourceHttpClient({ allowPrivate: true, userAgent: 'PantauIsuTest/1.0' });
const now = new Date('2024-05-14T12:00:00Z');
const KEY = 'AIzaSyDsecretYoutubeKey0000';

describe('youtubeConnector', () => {
  const server = new LocalPlatformServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const run = (raw: Record<string, unknown>, cursor: SourceCursor = {}) => {
    const { config, credentials } = youtubeConnector.parseConfig({ baseUrl: server.baseUrl, apiKey: KEY, ...raw });
    return youtubeConnector.fetch({ config, credentials, cursor, http, now });
  };
  const threads = (request: { url: URL }) =>
    json(
      fixtureJson('youtube', request.url.searchParams.get('pageToken') ? 'threads-page-2.json' : 'threads-page-1.json'),
    );

  it('should read comment threads of a video page by page with the API key', async () => {
    server.reset(threads);
    const result = await run({ videoIds: ['dQw4w9WgXcQ'] });
    expect(result.posts.map((post) => post.externalId)).toEqual([
      'UgzComment0009AaABAg',
      'UgzComment0008AaABAg',
      'UgzComment0007AaABAg',
      'UgzComment0006AaABAg',
      'UgzComment0005AaABAg',
    ]);
    expect(result.posts[0]).toMatchObject({
      text: 'Tolong perbaiki jalan di kelurahan 9',
      createdAt: '2024-05-14T09:00:00.000Z',
      author: '@warga9',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzComment0009AaABAg',
      metrics: { likes: 9, replies: 1 },
    });
    const first = server.requests[0].url;
    expect(first.pathname).toBe('/commentThreads');
    expect(Object.fromEntries(first.searchParams)).toMatchObject({
      part: 'snippet',
      videoId: 'dQw4w9WgXcQ',
      order: 'time',
      maxResults: '100',
      key: KEY,
    });
    expect(server.requests[1].url.searchParams.get('pageToken')).toBe('QURTSl9pM');
    expect(result.cursor).toEqual({
      streams: { 'video:dQw4w9WgXcQ': { since: '2024-05-14T09:00:00.000Z', seen: ['UgzComment0009AaABAg'] } },
    });
  });

  it('should stop at known comments on the next run and return only new ones', async () => {
    server.reset(() => json(fixtureJson('youtube', 'threads-newer.json')));
    const cursor = {
      streams: { 'video:dQw4w9WgXcQ': { since: '2024-05-14T09:00:00.000Z', seen: ['UgzComment0009AaABAg'] } },
    };
    const result = await run({ videoIds: 'dQw4w9WgXcQ' }, cursor);
    expect(result.posts.map((post) => post.externalId)).toEqual(['UgzComment0011AaABAg']);
    expect(server.requests).toHaveLength(1);
    expect(result.cursor).toEqual({
      streams: { 'video:dQw4w9WgXcQ': { since: '2024-05-14T11:00:00.000Z', seen: ['UgzComment0011AaABAg'] } },
    });
  });

  it('should read a whole channel with allThreadsRelatedToChannelId', async () => {
    server.reset(threads);
    await run({ channelId: 'UCpemkotsmd' });
    expect(server.requests[0].url.searchParams.get('allThreadsRelatedToChannelId')).toBe('UCpemkotsmd');
  });

  it('should search newest videos, then read their comments, skipping videos with comments disabled', async () => {
    server.reset((request) => {
      if (request.url.pathname === '/search') {
        return json(fixtureJson('youtube', 'search-videos.json'));
      }
      return request.url.searchParams.get('videoId') === 'vidBanjir02'
        ? json(fixtureJson('youtube', 'comments-disabled.json'), 403)
        : json(fixtureJson('youtube', 'threads-page-2.json'));
    });
    const result = await run({ query: 'banjir samarinda' });
    expect(result.posts).toHaveLength(2);
    expect(Object.fromEntries(server.requests[0].url.searchParams)).toMatchObject({
      part: 'snippet',
      type: 'video',
      q: 'banjir samarinda',
      order: 'date',
    });
    expect(Object.keys(result.cursor.streams as object)).toEqual(['video:vidBanjir01', 'video:vidBanjir02']);
  });

  it('should wait until midnight Pacific when the daily quota is exhausted', async () => {
    server.reset(() => json(fixtureJson('youtube', 'quota-exceeded.json'), 403));
    const error = await fetchError(run({ videoIds: ['dQw4w9WgXcQ'] }));
    // 12:00 UTC on 14 May 2024 is 05:00 PDT: 19 hours to midnight.
    expect(error.options.retryAfterMs).toBe(19 * 3_600_000);
    expect(error.message).toContain('Kuota harian YouTube Data API habis');
    expect(msUntilPacificMidnight(new Date('2024-01-10T07:30:00Z'))).toBe(30 * 60_000); // 23:30 PST
  });

  it('should accept a video without comments', async () => {
    server.reset(() =>
      json({
        kind: 'youtube#commentThreadListResponse',
        etag: 'x',
        pageInfo: { totalResults: 0, resultsPerPage: 100 },
        items: [],
      }),
    );
    expect((await run({ videoIds: ['dQw4w9WgXcQ'] })).posts).toEqual([]);
  });

  describe('failures', () => {
    itHandlesCommonFailures(
      'YouTube',
      server,
      () => run({ videoIds: ['dQw4w9WgXcQ'] }),
      [KEY],
      () => fixtureText('youtube', 'threads-page-1.json'),
    );
  });
});
