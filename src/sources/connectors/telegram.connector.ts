import type { IngestPostPayload } from '../../ingestion/ingest-post.js';
import {
  ConnectorConfigError,
  ConnectorFetchError,
  type Connector,
  type SourceHttpResponse,
} from './connector.types.js';
import {
  asCount,
  asRecord,
  asString,
  excerpt,
  guardFetch,
  isRecord,
  parseJson,
  parseRetryAfter,
  rateLimitError,
  readBaseUrl,
  requiredString,
  send,
  shapeError,
  statusError,
  toIsoDate,
  tryParseJson,
  withQuery,
} from './connector-support.js';

/**
 * Telegram Bot API long-polling (getUpdates, no wait): messages of groups and posts of channels the
 * bot was added to. The bot must not have a webhook set. Updates older than the offset are
 * confirmed (deleted) by Telegram, so the offset is the whole cursor.
 */
export type TelegramConfig = { baseUrl: string };
export type TelegramCredentials = { botToken: string };

const PLATFORM = 'Telegram';
const PAGE_SIZE = 100;

function failure(response: SourceHttpResponse, now: Date): Error {
  const body = asRecord(tryParseJson(response));
  const detail = excerpt(body.description) || undefined;
  const code = asCount(body.error_code) ?? response.status;
  if (code === 429) {
    const retryAfter = asCount(asRecord(body.parameters).retry_after);
    return rateLimitError(
      PLATFORM,
      retryAfter !== undefined ? retryAfter * 1000 : parseRetryAfter(response.headers['retry-after'], now),
      detail,
    );
  }
  if (code === 401 || code === 404) {
    // Telegram answers 404 "Not Found" to an unknown bot token.
    return new ConnectorFetchError(`Token bot Telegram ditolak (HTTP ${code}); periksa botToken.`, {
      permanent: true,
      status: code,
    });
  }
  if (code === 409) {
    return new ConnectorFetchError(
      `Telegram menolak getUpdates karena bot masih memakai webhook atau dipakai proses lain (HTTP 409)${detail ? `: ${detail}` : '.'}`,
      { status: code },
    );
  }
  return statusError(PLATFORM, { status: code, headers: response.headers }, now, detail);
}

function toPost(update: Record<string, unknown>): IngestPostPayload | null {
  const message = asRecord(update.message ?? update.channel_post);
  const chat = asRecord(message.chat);
  const messageId = asCount(message.message_id);
  const chatId = asString(chat.id);
  const text = (asString(message.text) ?? asString(message.caption))?.trim();
  const date = toIsoDate(asCount(message.date));
  if (messageId === undefined || !chatId || !text || !date) {
    return null;
  }
  const from = asRecord(message.from);
  const username = asString(chat.username);
  return {
    externalId: `${chatId}:${messageId}`,
    text,
    createdAt: date,
    author:
      asString(from.username) ??
      asString(message.author_signature) ??
      asString(asRecord(message.sender_chat).title) ??
      asString(chat.title),
    url: username ? `https://t.me/${username}/${messageId}` : undefined,
    raw: update,
  };
}

export const telegramConnector: Connector<TelegramConfig, TelegramCredentials> = {
  type: 'telegram',
  secretFields: ['botToken'],
  urlFields: ['baseUrl'],

  parseConfig(config) {
    const botToken = requiredString(config, 'botToken', 'Token bot Telegram');
    if (!/^\d+:[\w-]+$/.test(botToken)) {
      throw new ConnectorConfigError(
        'botToken',
        'Token bot Telegram tidak berbentuk <angka>:<kode> seperti dari @BotFather.',
      );
    }
    return {
      config: { baseUrl: readBaseUrl(config, 'baseUrl', 'https://api.telegram.org') },
      credentials: { botToken },
    };
  },

  fetch({ config, credentials, cursor, http, now }) {
    return guardFetch(PLATFORM, [credentials.botToken], async () => {
      // One page per fetch: getUpdates with offset N confirms (deletes) every update before N, so
      // the next page's request would confirm this page before its posts are queued. The next page
      // is read by the follow-up fetch, after this page's posts were enqueued and the cursor stored.
      let offset = asCount(cursor.offset);
      const posts: IngestPostPayload[] = [];
      const url = withQuery(`${config.baseUrl}/bot${credentials.botToken}/getUpdates`, {
        offset,
        limit: PAGE_SIZE,
        timeout: 0,
        allowed_updates: JSON.stringify(['message', 'channel_post']),
      });
      const response = await send(http, PLATFORM, url, { headers: { accept: 'application/json' } });
      if (response.status !== 200) {
        throw failure(response, now);
      }
      const body = asRecord(parseJson(PLATFORM, response));
      if (body.ok !== true) {
        throw failure(response, now);
      }
      if (!Array.isArray(body.result)) {
        throw shapeError(PLATFORM, response, 'result');
      }
      const updates = body.result.filter(isRecord);
      for (const update of updates) {
        const updateId = asCount(update.update_id);
        if (updateId === undefined || (offset !== undefined && updateId < offset)) {
          continue;
        }
        offset = updateId + 1;
        const post = toPost(update);
        if (post) {
          posts.push(post);
        }
      }
      const hasMore = updates.length >= PAGE_SIZE;
      return { posts, cursor: offset === undefined ? { ...cursor } : { offset }, hasMore };
    });
  },
};
