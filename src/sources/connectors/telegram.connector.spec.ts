import { itHandlesCommonFailures, fetchError } from '../../../test/sources/connectors/connector-failures.js';
import {
  fixtureJson,
  fixtureText,
  json,
  LocalPlatformServer,
} from '../../../test/sources/connectors/local-platform-server.js';
import { createSourceHttpClient } from '../http/source-http-client.js';
import type { SourceCursor } from './connector.types.js';
import { telegramConnector } from './telegram.connector.js';

const http = createSourceHttpClient({ allowPrivate: true, userAgent: 'PantauIsuTest/1.0' });
const now = new Date('2024-05-14T12:00:00Z');
const TOKEN = '7123456789:AAHsecretBotTokenValue_x-y';

describe('telegramConnector', () => {
  const server = new LocalPlatformServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const run = (cursor: SourceCursor = {}) => {
    const { config, credentials } = telegramConnector.parseConfig({ baseUrl: server.baseUrl, botToken: TOKEN });
    return telegramConnector.fetch({ config, credentials, cursor, http, now });
  };

  it('should read group messages and channel posts, skipping updates without text', async () => {
    server.reset(() => json(fixtureJson('telegram', 'updates-1.json')));
    const result = await run();
    expect(result.posts).toEqual([
      expect.objectContaining({
        externalId: '-1001234567890:101',
        text: 'Air sudah setinggi lutut di Jl. Sempaja',
        createdAt: '2024-05-14T03:00:00.000Z',
        author: 'budi_smd',
        url: 'https://t.me/forumsempaja/101',
      }),
      expect.objectContaining({
        externalId: '-1009876543210:55',
        author: 'Info Banjir Samarinda',
        url: 'https://t.me/infobanjirsmd/55',
      }),
    ]);
    expect(result.cursor).toEqual({ offset: 800000004 });
    const request = server.requests[0];
    expect(request.url.pathname).toBe(`/bot${TOKEN}/getUpdates`);
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      limit: '100',
      timeout: '0',
      allowed_updates: '["message","channel_post"]',
    });
  });

  it('should confirm with offset = last update_id + 1 and return only new updates after a restart', async () => {
    server.reset((request) =>
      json(
        fixtureJson(
          'telegram',
          request.url.searchParams.get('offset') === '800000004' ? 'updates-2.json' : 'updates-1.json',
        ),
      ),
    );
    const result = await run({ offset: 800000004 });
    expect(result.posts.map((post) => post.externalId)).toEqual(['-1001234567890:103']);
    expect(result.cursor).toEqual({ offset: 800000005 });
  });

  it('should read one page per fetch, so no update is confirmed before the posts of its page were handed on', async () => {
    const page = (offset: number) => ({
      ok: true,
      result: Array.from({ length: 100 }, (_, i) => ({
        update_id: offset + i,
        message: {
          message_id: offset + i,
          date: 1715655600,
          text: `Pesan ${offset + i}`,
          chat: { id: -1001234567890, type: 'supergroup', title: 'Forum', username: 'forum' },
          from: { id: 1, is_bot: false, first_name: 'Budi', username: 'budi_smd' },
        },
      })),
    });
    server.reset((request) => json(page(Number(request.url.searchParams.get('offset') ?? '5000'))));
    const result = await run({ offset: 5000 });
    // getUpdates with offset N confirms (deletes) every update before N: a second request within this
    // fetch would confirm the first page while its posts are not yet queued. One request, at the stored offset.
    expect(server.requests.map((request) => request.url.searchParams.get('offset'))).toEqual(['5000']);
    expect(result.posts).toHaveLength(100);
    expect(result.cursor).toEqual({ offset: 5100 });
    expect(result.hasMore).toBe(true);
  });

  it('should keep the offset when there is nothing new', async () => {
    server.reset(() => json(fixtureJson('telegram', 'updates-empty.json')));
    expect(await run({ offset: 800000005 })).toEqual({ posts: [], cursor: { offset: 800000005 }, hasMore: false });
  });

  it('should wait parameters.retry_after on 429', async () => {
    server.reset(() => json(fixtureJson('telegram', 'too-many-requests.json'), 429));
    const error = await fetchError(run());
    expect(error.options.retryAfterMs).toBe(17_000);
    expect(error.message).toContain('Batas permintaan Telegram tercapai');
  });

  it('should report a rejected token without the token', async () => {
    server.reset(() => json(fixtureJson('telegram', 'unauthorized.json'), 401));
    const error = await fetchError(run());
    expect(error.message).toBe('Token bot Telegram ditolak (HTTP 401); periksa botToken.');
    expect(error.message).not.toContain(TOKEN);
  });

  it('should refuse a token not shaped like one from BotFather', () => {
    expect(() => telegramConnector.parseConfig({ botToken: 'abc' })).toThrow(/BotFather/);
  });

  describe('failures', () => {
    itHandlesCommonFailures(
      'Telegram',
      server,
      () => run(),
      [TOKEN],
      () => fixtureText('telegram', 'updates-1.json'),
    );
  });
});
