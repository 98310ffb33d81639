import type { IngestPostPayload } from '../../ingestion/ingest-post.js';
import { ConnectorConfigError, type Connector, type FetchResult, type SourceHttpResponse } from './connector.types.js';
import {
  asCount,
  asRecord,
  asString,
  compareDecimalIds,
  cursorString,
  excerpt,
  guardFetch,
  isRecord,
  maxDecimalId,
  optionalString,
  parseJson,
  rateLimitError,
  readBaseUrl,
  runLimits,
  send,
  shapeError,
  statusError,
  stripHtml,
  toIsoDate,
  tryParseJson,
  withQuery,
} from './connector-support.js';

/** Public hashtag timeline or status search on one Mastodon instance (REST API v1/v2). */
export type MastodonConfig = { baseUrl: string; hashtag?: string; query?: string };
export type MastodonCredentials = { accessToken?: string };

const PLATFORM = 'Mastodon';
const PAGE_SIZE = 40;

/** `Link: <…?max_id=1>; rel="next", <…?min_id=9>; rel="prev"` → the page parameters per relation. */
export function parseLinkHeader(header: string | undefined): Record<string, URLSearchParams> {
  const links: Record<string, URLSearchParams> = {};
  for (const match of (header ?? '').matchAll(/<([^>]+)>\s*;\s*rel="?([^";]+)"?/g)) {
    try {
      links[match[2]] = new URL(match[1]).searchParams;
    } catch {
      // ignore a malformed link
    }
  }
  return links;
}

function statusToPost(status: Record<string, unknown>, now: Date): IngestPostPayload | null {
  const id = asString(status.id);
  if (!id) {
    return null;
  }
  const account = asRecord(status.account);
  const warning = asString(status.spoiler_text)?.trim();
  const body = stripHtml(asString(status.content) ?? '');
  const text = warning ? `${warning}\n${body}` : body;
  if (!text) {
    return null;
  }
  return {
    externalId: id,
    text,
    createdAt: toIsoDate(status.created_at) ?? now.toISOString(),
    author: asString(account.acct) ?? asString(account.username),
    url: asString(status.url) ?? asString(status.uri),
    lang: asString(status.language) ?? undefined,
    metrics: {
      likes: asCount(status.favourites_count),
      replies: asCount(status.replies_count),
      reposts: asCount(status.reblogs_count),
    },
    raw: status,
  };
}

function quotaOf(response: SourceHttpResponse): FetchResult['quota'] {
  const remaining = asCount(response.headers['x-ratelimit-remaining']);
  const resetAt = toIsoDate(response.headers['x-ratelimit-reset']);
  return remaining === undefined && !resetAt ? undefined : { remaining, resetAt };
}

function failure(response: SourceHttpResponse, now: Date): Error {
  const body = asRecord(tryParseJson(response));
  const detail = excerpt(body.error) || undefined;
  if (response.status === 429) {
    const reset = toIsoDate(response.headers['x-ratelimit-reset']);
    const wait = reset ? Math.max(1000, Date.parse(reset) - now.getTime()) : undefined;
    const retryAfter = response.headers['retry-after'] ? undefined : wait;
    return retryAfter !== undefined
      ? rateLimitError(PLATFORM, retryAfter, detail)
      : statusError(PLATFORM, response, now, detail);
  }
  return statusError(PLATFORM, response, now, detail);
}

export const mastodonConnector: Connector<MastodonConfig, MastodonCredentials> = {
  type: 'mastodon',
  secretFields: ['accessToken'],
  urlFields: ['baseUrl'],

  parseConfig(config) {
    const baseUrl = readBaseUrl(config, 'baseUrl', 'https://mastodon.social');
    const hashtag = optionalString(config, 'hashtag')?.replace(/^#/, '');
    const query = optionalString(config, 'query');
    const accessToken = optionalString(config, 'accessToken');
    if ((hashtag ? 1 : 0) + (query ? 1 : 0) !== 1) {
      throw new ConnectorConfigError('hashtag', 'Isi tepat satu dari hashtag atau query untuk sumber Mastodon.');
    }
    if (hashtag && !/^[\p{L}\p{N}_]+$/u.test(hashtag)) {
      throw new ConnectorConfigError('hashtag', 'Hashtag Mastodon hanya boleh berisi huruf, angka dan garis bawah.');
    }
    if (query && !accessToken) {
      throw new ConnectorConfigError(
        'accessToken',
        'Pencarian status Mastodon (query) memerlukan accessToken; tanpa token, gunakan hashtag.',
      );
    }
    return {
      config: hashtag ? { baseUrl, hashtag } : { baseUrl, query },
      credentials: accessToken ? { accessToken } : {},
    };
  },

  fetch({ config, credentials, cursor, http, now, limits }) {
    return guardFetch(PLATFORM, [credentials.accessToken], async () => {
      const { maxPages, maxPosts } = runLimits({ limits });
      const headers: Record<string, string> = { accept: 'application/json' };
      if (credentials.accessToken) {
        headers.authorization = `Bearer ${credentials.accessToken}`;
      }
      const sinceId = cursorString(cursor, 'sinceId');
      const posts: IngestPostPayload[] = [];
      const taken = new Set<string>();
      let quota: FetchResult['quota'];
      let hasMore = false;
      // Without a cursor: the newest pages (backwards). With one: forwards from it (min_id), so
      // nothing between two runs is skipped however many statuses arrived.
      let page: Record<string, string | undefined> = sinceId ? { min_id: sinceId } : {};
      let offset = 0;
      for (let pages = 0; ; pages++) {
        if (pages >= maxPages || posts.length >= maxPosts) {
          hasMore = Boolean(sinceId);
          break;
        }
        const url = config.hashtag
          ? withQuery(`${config.baseUrl}/api/v1/timelines/tag/${encodeURIComponent(config.hashtag)}`, {
              limit: PAGE_SIZE,
              ...page,
            })
          : withQuery(`${config.baseUrl}/api/v2/search`, {
              q: config.query,
              type: 'statuses',
              resolve: 'false',
              limit: PAGE_SIZE,
              min_id: sinceId,
              offset: offset || undefined,
            });
        const response = await send(http, PLATFORM, url, { headers });
        quota = quotaOf(response) ?? quota;
        if (response.status !== 200) {
          throw failure(response, now);
        }
        const body = parseJson(PLATFORM, response);
        const statuses = config.hashtag ? body : asRecord(body).statuses;
        if (!Array.isArray(statuses)) {
          throw shapeError(PLATFORM, response, config.hashtag ? 'daftar status' : 'statuses');
        }
        for (const status of statuses.filter(isRecord)) {
          const id = asString(status.id);
          if (!id || taken.has(id) || (sinceId && compareDecimalIds(id, sinceId) <= 0)) {
            continue;
          }
          const post = statusToPost(status, now);
          if (post) {
            taken.add(id);
            posts.push(post);
          }
        }
        if (statuses.length < PAGE_SIZE) {
          break;
        }
        if (config.hashtag) {
          const links = parseLinkHeader(response.headers.link);
          const ids = statuses.map((status) => asString(asRecord(status).id)).filter((id): id is string => !!id);
          if (sinceId) {
            page = { min_id: links.prev?.get('min_id') ?? maxDecimalId(ids) };
          } else {
            const maxId = links.next?.get('max_id');
            if (!maxId) {
              break;
            }
            page = { max_id: maxId };
          }
        } else {
          offset += statuses.length;
        }
      }
      const newest = maxDecimalId(taken, sinceId);
      return { posts, cursor: newest ? { sinceId: newest } : { ...cursor }, hasMore, quota };
    });
  },
};
