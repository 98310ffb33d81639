import type { IngestPostPayload } from '../../ingestion/ingest-post.js';
import {
  ConnectorConfigError,
  ConnectorFetchError,
  type Connector,
  type FetchResult,
  type SourceHttpClient,
  type SourceHttpResponse,
} from './connector.types.js';
import {
  asCount,
  asRecord,
  asString,
  cursorString,
  excerpt,
  exactlyOne,
  guardFetch,
  isRecord,
  optionalString,
  parseJson,
  rateLimitError,
  readBaseUrl,
  runLimits,
  send,
  shapeError,
  statusError,
  toIsoDate,
  tryParseJson,
  withQuery,
} from './connector-support.js';

/**
 * Reddit new posts of a subreddit or a site search, anonymously (www.reddit.com/….json) or with an
 * app's client credentials (OAuth2 client_credentials, then oauth.reddit.com). `baseUrl`, when set,
 * is used for both the token and the API calls (tests, proxies).
 */
export type RedditConfig = { baseUrl?: string; subreddit?: string; query?: string };
export type RedditCredentials = { clientId?: string; clientSecret?: string };

const PLATFORM = 'Reddit';
const PAGE_SIZE = 100;
const WWW = 'https://www.reddit.com';
const OAUTH = 'https://oauth.reddit.com';

const tokens = new Map<string, { token: string; expiresAt: number }>();

function idValue(id: string): number {
  return parseInt(id, 36);
}

function quotaOf(response: SourceHttpResponse, now: Date): FetchResult['quota'] {
  const remaining = Number(response.headers['x-ratelimit-remaining']);
  const reset = Number(response.headers['x-ratelimit-reset']);
  if (!Number.isFinite(remaining)) {
    return undefined;
  }
  return {
    remaining: Math.floor(remaining),
    resetAt: Number.isFinite(reset) ? new Date(now.getTime() + reset * 1000).toISOString() : undefined,
  };
}

function failure(response: SourceHttpResponse, now: Date): Error {
  const body = asRecord(tryParseJson(response));
  const detail = excerpt(body.message) || excerpt(body.error_description) || excerpt(body.reason) || undefined;
  if (response.status === 429 && !response.headers['retry-after']) {
    const reset = Number(response.headers['x-ratelimit-reset']);
    return rateLimitError(PLATFORM, Number.isFinite(reset) ? Math.max(1, reset) * 1000 : undefined, detail);
  }
  return statusError(PLATFORM, response, now, detail);
}

async function bearer(
  http: SourceHttpClient,
  authBase: string,
  credentials: RedditCredentials,
  now: Date,
): Promise<string | undefined> {
  if (!credentials.clientId || !credentials.clientSecret) {
    return undefined;
  }
  const key = `${authBase}\u0000${credentials.clientId}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > Date.now()) {
    return cached.token;
  }
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
  const response = await send(http, PLATFORM, `${authBase}/api/v1/access_token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: 'grant_type=client_credentials',
  });
  if (response.status === 401) {
    throw new ConnectorFetchError('Autentikasi Reddit ditolak: clientId atau clientSecret tidak valid.', {
      permanent: true,
      status: 401,
    });
  }
  if (response.status !== 200) {
    throw failure(response, now);
  }
  const body = asRecord(parseJson(PLATFORM, response));
  const token = asString(body.access_token);
  if (!token) {
    throw new ConnectorFetchError(
      `Reddit tidak memberikan token akses${body.error ? ` (${excerpt(body.error)})` : ''}; periksa clientId dan clientSecret.`,
      { permanent: true, status: response.status },
    );
  }
  const ttl = (asCount(body.expires_in) ?? 3600) * 1000;
  tokens.set(key, { token, expiresAt: Date.now() + Math.max(60_000, ttl - 60_000) });
  return token;
}

function toPost(data: Record<string, unknown>, now: Date): IngestPostPayload | null {
  const id = asString(data.id);
  const title = asString(data.title)?.trim() ?? '';
  const body = asString(data.selftext)?.trim() ?? '';
  const text = [title, body].filter(Boolean).join('\n');
  if (!id || !text) {
    return null;
  }
  const permalink = asString(data.permalink);
  return {
    externalId: asString(data.name) ?? `t3_${id}`,
    text,
    createdAt: toIsoDate(data.created_utc) ?? now.toISOString(),
    author: asString(data.author),
    url: permalink ? `https://www.reddit.com${permalink}` : asString(data.url),
    metrics: { likes: asCount(data.score), replies: asCount(data.num_comments) },
    raw: data,
  };
}

export const redditConnector: Connector<RedditConfig, RedditCredentials> = {
  type: 'reddit',
  secretFields: ['clientSecret'],
  urlFields: ['baseUrl'],

  parseConfig(config) {
    const field = exactlyOne(config, ['subreddit', 'query'], 'sumber Reddit');
    const baseUrl = optionalString(config, 'baseUrl') ? readBaseUrl(config, 'baseUrl') : undefined;
    const clientId = optionalString(config, 'clientId');
    const clientSecret = optionalString(config, 'clientSecret');
    if (Boolean(clientId) !== Boolean(clientSecret)) {
      throw new ConnectorConfigError(
        'clientSecret',
        'Isi clientId dan clientSecret Reddit bersamaan, atau kosongkan keduanya.',
      );
    }
    const parsed: RedditConfig = { baseUrl };
    if (field === 'subreddit') {
      const subreddit = optionalString(config, 'subreddit')!.replace(/^\/?r\//i, '');
      if (!/^[A-Za-z0-9_]{2,21}$/.test(subreddit)) {
        throw new ConnectorConfigError('subreddit', `Nama subreddit "${excerpt(subreddit, 40)}" tidak valid.`);
      }
      parsed.subreddit = subreddit;
    } else {
      parsed.query = optionalString(config, 'query');
    }
    return { config: parsed, credentials: clientId ? { clientId, clientSecret } : {} };
  },

  fetch({ config, credentials, cursor, http, now, limits }) {
    return guardFetch(PLATFORM, [credentials.clientSecret], async () => {
      const { maxPages, maxPosts } = runLimits({ limits });
      const authBase = config.baseUrl ?? WWW;
      const token = await bearer(http, authBase, credentials, now);
      const apiBase = config.baseUrl ?? (token ? OAUTH : WWW);
      const suffix = token ? '' : '.json';
      const newestId = cursorString(cursor, 'newestId');
      const pending = asRecord(cursor.pending);
      let after = asString(pending.after);
      let candidate = asString(pending.newestId);
      const posts: IngestPostPayload[] = [];
      const taken = new Set<string>();
      let quota: FetchResult['quota'];
      let reachedKnown = false;
      for (let pages = 0; pages < maxPages && posts.length < maxPosts; pages++) {
        const path = config.subreddit ? `/r/${config.subreddit}/new${suffix}` : `/search${suffix}`;
        const url = withQuery(`${apiBase}${path}`, {
          q: config.query,
          sort: config.query ? 'new' : undefined,
          type: config.query ? 'link' : undefined,
          limit: PAGE_SIZE,
          raw_json: 1,
          after,
        });
        const headers: Record<string, string> = { accept: 'application/json' };
        if (token) {
          headers.authorization = `Bearer ${token}`;
        }
        const response = await send(http, PLATFORM, url, { headers });
        quota = quotaOf(response, now) ?? quota;
        if (response.status !== 200) {
          throw failure(response, now);
        }
        const listing = asRecord(parseJson(PLATFORM, response));
        const data = asRecord(listing.data);
        if (listing.kind !== 'Listing' || !Array.isArray(data.children)) {
          throw shapeError(PLATFORM, response, 'Listing');
        }
        for (const child of data.children.filter(isRecord)) {
          const item = asRecord(child.data);
          const id = asString(item.id);
          if (child.kind !== 't3' || !id || taken.has(id)) {
            continue;
          }
          if (newestId && idValue(id) <= idValue(newestId)) {
            reachedKnown = true;
            continue;
          }
          const post = toPost(item, now);
          if (post) {
            taken.add(id);
            posts.push(post);
            if (!candidate || idValue(id) > idValue(candidate)) {
              candidate = id;
            }
          }
        }
        after = asString(data.after) ?? undefined;
        if (!after || reachedKnown || data.children.length === 0) {
          after = undefined;
          break;
        }
      }
      if (after && newestId) {
        return { posts, cursor: { newestId, pending: { after, newestId: candidate } }, hasMore: true, quota };
      }
      // First run: the newest pages only, no backfill beyond the cap.
      return { posts, cursor: candidate ? { newestId: candidate } : { ...cursor }, quota };
    });
  },
};
