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
  cursorStrings,
  excerpt,
  guardFetch,
  isRecord,
  optionalString,
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

/** Bluesky post search (app.bsky.feed.searchPosts), anonymous on the public AppView or with an app password. */
export type BlueskyConfig = { baseUrl: string; query: string };
export type BlueskyCredentials = { identifier?: string; appPassword?: string };

const PLATFORM = 'Bluesky';
const PAGE_SIZE = 100;
const PUBLIC_APPVIEW = 'https://public.api.bsky.app';
const DEFAULT_PDS = 'https://bsky.social';
const SESSION_TTL_MS = 90 * 60_000; // access JWTs live about two hours

/** Sessions in memory only (createSession is limited to 300 a day per account); never in the cursor. */
const sessions = new Map<string, { accessJwt: string; expiresAt: number }>();

/** at://did:plc:x/app.bsky.feed.post/3kabc → https://bsky.app/profile/<handle>/post/3kabc */
export function blueskyPostUrl(uri: string, handle: string | undefined): string | undefined {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri);
  return match ? `https://bsky.app/profile/${handle ?? match[1]}/post/${match[2]}` : undefined;
}

function xrpcError(response: SourceHttpResponse, now: Date): Error {
  const body = asRecord(tryParseJson(response));
  const detail = [asString(body.error), excerpt(body.message)].filter(Boolean).join(': ') || undefined;
  if (response.status === 429 && !response.headers['retry-after']) {
    const reset = Number(response.headers['ratelimit-reset']);
    return rateLimitError(
      PLATFORM,
      Number.isFinite(reset) ? Math.max(1000, reset * 1000 - now.getTime()) : undefined,
      detail,
    );
  }
  return statusError(PLATFORM, response, now, detail);
}

async function accessToken(
  http: SourceHttpClient,
  baseUrl: string,
  credentials: BlueskyCredentials,
  now: Date,
  fresh: boolean,
): Promise<string | undefined> {
  if (!credentials.identifier || !credentials.appPassword) {
    return undefined;
  }
  const key = `${baseUrl}\u0000${credentials.identifier}`;
  const cached = sessions.get(key);
  if (!fresh && cached && cached.expiresAt > Date.now()) {
    return cached.accessJwt;
  }
  const response = await send(http, PLATFORM, `${baseUrl}/xrpc/com.atproto.server.createSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ identifier: credentials.identifier, password: credentials.appPassword }),
  });
  if (response.status !== 200) {
    if (response.status === 401 || response.status === 400) {
      throw new ConnectorFetchError(
        'Login Bluesky gagal: identifier atau app password ditolak (com.atproto.server.createSession).',
        { permanent: true, status: response.status },
      );
    }
    throw xrpcError(response, now);
  }
  const jwt = asString(asRecord(parseJson(PLATFORM, response)).accessJwt);
  if (!jwt) {
    throw shapeError(PLATFORM, response, 'accessJwt tidak ada');
  }
  sessions.set(key, { accessJwt: jwt, expiresAt: Date.now() + SESSION_TTL_MS });
  return jwt;
}

/** The time searchPosts sorts and filters on: the earlier of createdAt and indexedAt. */
function sortAt(post: Record<string, unknown>): string | undefined {
  const created = toIsoDate(asRecord(post.record).createdAt);
  const indexed = toIsoDate(post.indexedAt);
  if (created && indexed) {
    return created < indexed ? created : indexed;
  }
  return created ?? indexed;
}

function toPost(view: Record<string, unknown>, now: Date): IngestPostPayload | null {
  const uri = asString(view.uri);
  const record = asRecord(view.record);
  const text = asString(record.text)?.trim();
  if (!uri || !text) {
    return null;
  }
  const author = asRecord(view.author);
  const handle = asString(author.handle);
  const langs = Array.isArray(record.langs) ? record.langs : [];
  return {
    externalId: uri,
    text,
    createdAt: toIsoDate(record.createdAt) ?? toIsoDate(view.indexedAt) ?? now.toISOString(),
    author: handle,
    url: blueskyPostUrl(uri, handle),
    lang: asString(langs[0])?.toLowerCase().split('-')[0],
    metrics: {
      likes: asCount(view.likeCount),
      replies: asCount(view.replyCount),
      reposts: (asCount(view.repostCount) ?? 0) + (asCount(view.quoteCount) ?? 0),
    },
    raw: view,
  };
}

export const blueskyConnector: Connector<BlueskyConfig, BlueskyCredentials> = {
  type: 'bluesky',
  secretFields: ['appPassword'],
  urlFields: ['baseUrl'],

  parseConfig(config) {
    const identifier = optionalString(config, 'identifier');
    const appPassword = optionalString(config, 'appPassword');
    if (Boolean(identifier) !== Boolean(appPassword)) {
      throw new ConnectorConfigError(
        identifier ? 'appPassword' : 'identifier',
        'Isi identifier dan appPassword Bluesky bersamaan, atau kosongkan keduanya.',
      );
    }
    const baseUrl = readBaseUrl(config, 'baseUrl', identifier ? DEFAULT_PDS : PUBLIC_APPVIEW);
    const query = requiredString(config, 'query', 'Kata kunci pencarian Bluesky');
    return { config: { baseUrl, query }, credentials: identifier ? { identifier, appPassword } : {} };
  },

  fetch({ config, credentials, cursor, http, now, limits }) {
    return guardFetch(PLATFORM, [credentials.appPassword], async () => {
      const { maxPages, maxPosts } = runLimits({ limits });
      const since = cursorString(cursor, 'since');
      const seen = new Set(cursorStrings(cursor, 'seen'));
      const pending = asRecord(cursor.pending);
      let pageCursor = asString(pending.cursor);
      let newest = asString(pending.newest);
      let newestIds = new Set(cursorStrings(pending, 'newestIds'));
      let token = await accessToken(http, config.baseUrl, credentials, now, false);
      const posts: IngestPostPayload[] = [];
      let quota: FetchResult['quota'];
      let reachedKnown = false;
      let renewed = false;
      for (let pages = 0; pages < maxPages && posts.length < maxPosts;) {
        const url = withQuery(`${config.baseUrl}/xrpc/app.bsky.feed.searchPosts`, {
          q: config.query,
          sort: 'latest',
          limit: PAGE_SIZE,
          since,
          cursor: pageCursor,
        });
        const headers: Record<string, string> = { accept: 'application/json' };
        if (token) {
          headers.authorization = `Bearer ${token}`;
        }
        const response = await send(http, PLATFORM, url, { headers });
        const remaining = asCount(response.headers['ratelimit-remaining']);
        if (remaining !== undefined) {
          const reset = Number(response.headers['ratelimit-reset']);
          quota = { remaining, resetAt: Number.isFinite(reset) ? new Date(reset * 1000).toISOString() : undefined };
        }
        if (token && !renewed && (response.status === 400 || response.status === 401)) {
          const error = asString(asRecord(tryParseJson(response)).error);
          if (error === 'ExpiredToken' || error === 'InvalidToken') {
            token = await accessToken(http, config.baseUrl, credentials, now, true);
            renewed = true;
            continue;
          }
        }
        if (response.status !== 200) {
          throw xrpcError(response, now);
        }
        pages++;
        const body = asRecord(parseJson(PLATFORM, response));
        if (!Array.isArray(body.posts)) {
          throw shapeError(PLATFORM, response, 'posts');
        }
        for (const view of body.posts.filter(isRecord)) {
          const at = sortAt(view);
          const uri = asString(view.uri);
          if (!at || !uri) {
            continue;
          }
          if (since && at < since) {
            reachedKnown = true;
            continue;
          }
          if (seen.has(uri) || posts.some((post) => post.externalId === uri)) {
            continue;
          }
          const post = toPost(view, now);
          if (!post) {
            continue;
          }
          posts.push(post);
          if (!newest || at > newest) {
            newest = at;
            newestIds = new Set([uri]);
          } else if (at === newest) {
            newestIds.add(uri);
          }
        }
        pageCursor = asString(body.cursor);
        if (!pageCursor || body.posts.length === 0 || reachedKnown) {
          pageCursor = undefined;
          break;
        }
      }
      if (pageCursor) {
        // The cap was reached with older results still waiting: resume there next run, keep the old mark.
        return {
          posts,
          cursor: { ...cursor, pending: { cursor: pageCursor, newest, newestIds: [...newestIds] } },
          hasMore: true,
          quota,
        };
      }
      if (!newest || (since && newest < since)) {
        return { posts, cursor: { since, seen: [...seen] }, quota };
      }
      const boundary = newest === since ? new Set([...seen, ...newestIds]) : newestIds;
      return { posts, cursor: { since: newest, seen: [...boundary] }, quota };
    });
  },
};
