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
  cursorString,
  cursorStrings,
  excerpt,
  exactlyOne,
  guardFetch,
  isRecord,
  parseJson,
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

/**
 * Graph API: posts and comments of the office's own Facebook Page, or media captions and comments
 * of its Instagram professional account. Each run reads the newest posts (up to the page cap) with
 * their comments and keeps what is newer than the last mark; comments on older posts are not seen.
 */
export type MetaConfig = { baseUrl: string; pageId?: string; igUserId?: string };
export type MetaCredentials = { accessToken: string };

const PLATFORM = 'Meta Graph API';
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80004]);
const DEFAULT_RATE_WAIT_MS = 15 * 60_000;
const MAX_COMMENT_PAGES = 5;

function businessUsageWaitMs(response: SourceHttpResponse): number | undefined {
  for (const header of ['x-business-use-case-usage', 'x-app-usage', 'x-ad-account-usage']) {
    const raw = response.headers[header];
    if (!raw) {
      continue;
    }
    const minutes = /"estimated_time_to_regain_access"\s*:\s*(\d+)/.exec(raw)?.[1];
    if (minutes && Number(minutes) > 0) {
      return Number(minutes) * 60_000;
    }
  }
  return undefined;
}

function failure(response: SourceHttpResponse, now: Date): Error {
  const error = asRecord(asRecord(tryParseJson(response)).error);
  const code = asCount(error.code);
  const detail = excerpt(error.message) || undefined;
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) {
    const wait = businessUsageWaitMs(response) ?? DEFAULT_RATE_WAIT_MS;
    return new ConnectorFetchError(
      `Batas permintaan Meta Graph API tercapai (kode ${code}); pengambilan dicoba lagi setelah ${Math.ceil(wait / 60_000)} menit.`,
      { retryAfterMs: wait, status: response.status },
    );
  }
  if (code === 190 || code === 102 || (asString(error.type) === 'OAuthException' && response.status === 401)) {
    return new ConnectorFetchError(
      `Token akses Meta tidak berlaku atau kedaluwarsa (kode ${code}); buat token halaman baru${detail ? `: ${detail}` : '.'}`,
      { permanent: true, status: response.status },
    );
  }
  if (code === 10 || code === 200 || (code !== undefined && code >= 200 && code < 300)) {
    return new ConnectorFetchError(`Izin token Meta tidak mencukupi (kode ${code})${detail ? `: ${detail}` : '.'}`, {
      permanent: true,
      status: response.status,
    });
  }
  return statusError(
    PLATFORM,
    response,
    now,
    detail ? `${detail}${code !== undefined ? ` (kode ${code})` : ''}` : undefined,
  );
}

interface Item {
  post: IngestPostPayload;
  at: string;
}

export const metaConnector: Connector<MetaConfig, MetaCredentials> = {
  type: 'meta',
  secretFields: ['accessToken'],
  urlFields: ['baseUrl'],

  parseConfig(config) {
    const mode = exactlyOne(config, ['pageId', 'igUserId'], 'sumber Meta');
    const id = requiredString(config, mode, mode === 'pageId' ? 'ID Halaman Facebook' : 'ID akun Instagram');
    if (!/^\d+$/.test(id)) {
      throw new ConnectorConfigError(mode, `${mode} harus berupa ID angka dari Graph API.`);
    }
    return {
      config: { baseUrl: readBaseUrl(config, 'baseUrl', 'https://graph.facebook.com/v21.0'), [mode]: id },
      credentials: { accessToken: requiredString(config, 'accessToken', 'Token akses Meta (accessToken)') },
    };
  },

  fetch({ config, credentials, cursor, http, now, limits }) {
    return guardFetch(PLATFORM, [credentials.accessToken], async () => {
      const { maxPages, maxPosts } = runLimits({ limits });
      const token = credentials.accessToken;
      const headers = { accept: 'application/json' };
      const instagram = Boolean(config.igUserId);
      const since = cursorString(cursor, 'since');
      const seen = new Set(cursorStrings(cursor, 'seen'));
      const items: Item[] = [];
      const taken = new Set<string>();
      const fetchJson = async (url: string): Promise<Record<string, unknown>> => {
        const response = await send(http, PLATFORM, url, { headers });
        if (response.status !== 200) {
          throw failure(response, now);
        }
        const body = asRecord(parseJson(PLATFORM, response));
        if (isRecord(body.error)) {
          throw failure(response, now);
        }
        if (!Array.isArray(body.data)) {
          throw shapeError(PLATFORM, response, 'data');
        }
        return body;
      };
      const add = (post: IngestPostPayload | null): void => {
        if (!post || taken.has(post.externalId)) {
          return;
        }
        const at = post.createdAt;
        if (since && (at < since || (at === since && seen.has(post.externalId)))) {
          return;
        }
        taken.add(post.externalId);
        items.push({ post, at });
      };
      const commentPost = (
        comment: Record<string, unknown>,
        parentUrl: string | undefined,
      ): IngestPostPayload | null => {
        const id = asString(comment.id);
        const text = (asString(comment.message) ?? asString(comment.text))?.trim();
        const at = toIsoDate(comment.created_time ?? comment.timestamp);
        if (!id || !text || !at) {
          return null;
        }
        return {
          externalId: id,
          text,
          createdAt: at,
          author: asString(asRecord(comment.from).name) ?? asString(comment.username),
          url: parentUrl,
          metrics: { likes: asCount(comment.like_count) },
          raw: comment,
        };
      };
      const fields = instagram
        ? 'id,caption,timestamp,permalink,username,like_count,comments_count,comments.limit(100){id,text,timestamp,username,like_count}'
        : 'id,message,created_time,permalink_url,comments.limit(100){id,message,created_time,from,like_count}';
      let url: string | undefined = withQuery(
        `${config.baseUrl}/${instagram ? config.igUserId : config.pageId}/${instagram ? 'media' : 'feed'}`,
        { fields, limit: 25, access_token: token },
      );
      for (let pages = 0; url && pages < maxPages && items.length < maxPosts; pages++) {
        const body = await fetchJson(url);
        for (const entry of (body.data as unknown[]).filter(isRecord)) {
          const id = asString(entry.id);
          const text = (asString(entry.message) ?? asString(entry.caption))?.trim();
          const at = toIsoDate(entry.created_time ?? entry.timestamp);
          const link = asString(entry.permalink_url) ?? asString(entry.permalink);
          if (id && text && at) {
            const { comments: _comments, ...record } = entry;
            add({
              externalId: id,
              text,
              createdAt: at,
              author: asString(entry.username),
              url: link,
              metrics: { likes: asCount(entry.like_count), replies: asCount(entry.comments_count) },
              raw: record,
            });
          }
          let comments = asRecord(entry.comments);
          for (let commentPages = 0; commentPages < MAX_COMMENT_PAGES; commentPages++) {
            for (const comment of (Array.isArray(comments.data) ? comments.data : []).filter(isRecord)) {
              add(commentPost(comment, link));
            }
            const next = asString(asRecord(comments.paging).next);
            if (!next || new URL(next).origin !== new URL(config.baseUrl).origin) {
              break;
            }
            comments = await fetchJson(next);
          }
        }
        const next = asString(asRecord(body.paging).next);
        url = next && new URL(next).origin === new URL(config.baseUrl).origin ? next : undefined;
      }
      let mark = since;
      for (const item of items) {
        if (!mark || item.at > mark) {
          mark = item.at;
        }
      }
      const atMark = items.filter((item) => item.at === mark).map((item) => item.post.externalId);
      const nextSeen = mark === since ? [...new Set([...seen, ...atMark])] : atMark;
      return { posts: items.map((item) => item.post), cursor: mark ? { since: mark, seen: nextSeen } : {} };
    });
  },
};
