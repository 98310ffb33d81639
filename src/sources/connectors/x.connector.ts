import type { IngestPostPayload } from '../../ingestion/ingest-post.js';
import { type Connector, type FetchResult, type SourceHttpResponse } from './connector.types.js';
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
  parseJson,
  rateLimitError,
  readBaseUrl,
  requiredString,
  runLimits,
  send,
  shapeError,
  statusError,
  toIsoDate,
  tryParseJson,
  withQuery,
} from './connector-support.js';

/** X API v2 recent search (last 7 days) with an app bearer token. */
export type XConfig = { baseUrl: string; query: string };
export type XCredentials = { bearerToken: string };

const PLATFORM = 'X';
const PAGE_SIZE = 100;
const TWITTER_EPOCH_MS = 1288834974657n;
/** Recent search refuses since_id older than 7 days; stay clear of the edge. */
const RECENT_WINDOW_MS = 7 * 24 * 3_600_000 - 3_600_000;

function snowflakeTime(id: string): number | undefined {
  try {
    return Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS);
  } catch {
    return undefined;
  }
}

function quotaOf(response: SourceHttpResponse): FetchResult['quota'] {
  const remaining = asCount(response.headers['x-rate-limit-remaining']);
  const reset = Number(response.headers['x-rate-limit-reset']);
  return remaining === undefined
    ? undefined
    : { remaining, resetAt: Number.isFinite(reset) ? new Date(reset * 1000).toISOString() : undefined };
}

function failure(response: SourceHttpResponse, now: Date): Error {
  const body = asRecord(tryParseJson(response));
  const firstError = asRecord(Array.isArray(body.errors) ? body.errors[0] : undefined);
  const detail = excerpt(body.detail) || excerpt(firstError.message) || excerpt(body.title) || undefined;
  const reset = Number(response.headers['x-rate-limit-reset'] ?? NaN);
  if (response.status === 429 && Number.isFinite(reset)) {
    return rateLimitError(PLATFORM, Math.max(1000, reset * 1000 - now.getTime()), detail);
  }
  return statusError(PLATFORM, response, now, detail);
}

export const xConnector: Connector<XConfig, XCredentials> = {
  type: 'x',
  secretFields: ['bearerToken'],
  urlFields: ['baseUrl'],

  parseConfig(config) {
    return {
      config: {
        baseUrl: readBaseUrl(config, 'baseUrl', 'https://api.x.com'),
        query: requiredString(config, 'query', 'Kueri pencarian X'),
      },
      credentials: { bearerToken: requiredString(config, 'bearerToken', 'Bearer token X') },
    };
  },

  fetch({ config, credentials, cursor, http, now, limits }) {
    return guardFetch(PLATFORM, [credentials.bearerToken], async () => {
      const { maxPages, maxPosts } = runLimits({ limits });
      let sinceId = cursorString(cursor, 'sinceId');
      const pending = asRecord(cursor.pending);
      let nextToken = asString(pending.nextToken);
      let newest = asString(pending.newestId);
      let startTime: string | undefined;
      const sinceTime = sinceId ? snowflakeTime(sinceId) : undefined;
      if (sinceTime !== undefined && now.getTime() - sinceTime > RECENT_WINDOW_MS) {
        // The mark fell out of the 7-day window: everything still searchable is newer than it.
        sinceId = undefined;
        nextToken = undefined;
        startTime = new Date(now.getTime() - RECENT_WINDOW_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
      }
      const posts: IngestPostPayload[] = [];
      const taken = new Set<string>();
      let quota: FetchResult['quota'];
      for (let pages = 0; pages < maxPages && posts.length < maxPosts; pages++) {
        const url = withQuery(`${config.baseUrl}/2/tweets/search/recent`, {
          query: config.query,
          since_id: sinceId,
          start_time: startTime,
          max_results: PAGE_SIZE,
          next_token: nextToken,
          'tweet.fields': 'created_at,public_metrics,lang,author_id',
          expansions: 'author_id',
          'user.fields': 'username',
        });
        const response = await send(http, PLATFORM, url, {
          headers: { authorization: `Bearer ${credentials.bearerToken}`, accept: 'application/json' },
        });
        quota = quotaOf(response) ?? quota;
        if (response.status !== 200) {
          throw failure(response, now);
        }
        const body = asRecord(parseJson(PLATFORM, response));
        const meta = asRecord(body.meta);
        if (!isRecord(body.meta) || (body.data !== undefined && !Array.isArray(body.data))) {
          throw shapeError(PLATFORM, response, 'data/meta');
        }
        const users = new Map<string, string>();
        const includes = asRecord(body.includes);
        for (const user of Array.isArray(includes.users) ? includes.users.filter(isRecord) : []) {
          const id = asString(user.id);
          const username = asString(user.username);
          if (id && username) {
            users.set(id, username);
          }
        }
        for (const tweet of Array.isArray(body.data) ? body.data.filter(isRecord) : []) {
          const id = asString(tweet.id);
          const text = asString(tweet.text)?.trim();
          if (!id || !text || taken.has(id) || (sinceId && compareDecimalIds(id, sinceId) <= 0)) {
            continue;
          }
          taken.add(id);
          const username = users.get(asString(tweet.author_id) ?? '');
          const metrics = asRecord(tweet.public_metrics);
          posts.push({
            externalId: id,
            text,
            createdAt: toIsoDate(tweet.created_at) ?? now.toISOString(),
            author: username,
            url: `https://x.com/${username ?? 'i'}/status/${id}`,
            lang: asString(tweet.lang) && tweet.lang !== 'und' ? asString(tweet.lang) : undefined,
            metrics: {
              likes: asCount(metrics.like_count),
              replies: asCount(metrics.reply_count),
              reposts: (asCount(metrics.retweet_count) ?? 0) + (asCount(metrics.quote_count) ?? 0),
              views: asCount(metrics.impression_count),
            },
            raw: tweet,
          });
        }
        newest = maxDecimalId([asString(meta.newest_id) ?? '', ...taken], newest);
        nextToken = asString(meta.next_token);
        if (!nextToken) {
          break;
        }
      }
      if (nextToken && sinceId) {
        return { posts, cursor: { sinceId, pending: { nextToken, newestId: newest } }, hasMore: true, quota };
      }
      const mark = maxDecimalId(newest ? [newest] : [], sinceId);
      return { posts, cursor: mark ? { sinceId: mark } : {}, quota };
    });
  },
};
