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
  exactlyOne,
  guardFetch,
  isRecord,
  optionalString,
  parseJson,
  parseRetryAfter,
  rateLimitError,
  readBaseUrl,
  requiredString,
  runLimits,
  send,
  shapeError,
  statusError,
  stripHtml,
  toIsoDate,
  tryParseJson,
  withQuery,
} from './connector-support.js';

/**
 * YouTube Data API v3 top-level comment threads of chosen videos, of a whole channel
 * (allThreadsRelatedToChannelId), or of the newest videos matching a search.
 */
export type YoutubeConfig = { baseUrl: string; videoIds?: string[]; channelId?: string; query?: string };
export type YoutubeCredentials = { apiKey: string };

const PLATFORM = 'YouTube';
const PAGE_SIZE = 100;
const SEARCH_VIDEOS = 10;
const TRACKED_VIDEOS = 30;

/** One comment stream (a video or a channel) and how far it has been read. */
interface StreamState {
  /** publishedAt of the newest comment taken (ISO). */
  since?: string;
  /** Ids of the comments published exactly at `since`. */
  seen?: string[];
  /** Resume point when the run cap interrupted a backwards walk. */
  pending?: { pageToken: string; since?: string; seen?: string[] };
}

/** Milliseconds until the next midnight in America/Los_Angeles, when the daily quota resets. */
export function msUntilPacificMidnight(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const elapsed = (get('hour') * 3600 + get('minute') * 60 + get('second')) * 1000 + now.getUTCMilliseconds();
  return Math.max(60_000, 24 * 3_600_000 - elapsed);
}

function failure(response: SourceHttpResponse, now: Date): Error {
  const error = asRecord(asRecord(tryParseJson(response)).error);
  const reasons = (Array.isArray(error.errors) ? error.errors : []).map((item) => asString(asRecord(item).reason));
  const detail = stripHtml(excerpt(error.message)) || undefined;
  if (reasons.includes('quotaExceeded') || reasons.includes('dailyLimitExceeded')) {
    const wait = msUntilPacificMidnight(now);
    return new ConnectorFetchError(
      `Kuota harian YouTube Data API habis; pengambilan dilanjutkan setelah kuota direset tengah malam waktu Pasifik (sekitar ${Math.ceil(wait / 3_600_000)} jam lagi).`,
      { retryAfterMs: wait, status: response.status },
    );
  }
  if (reasons.includes('rateLimitExceeded') || reasons.includes('userRateLimitExceeded') || response.status === 429) {
    return rateLimitError(PLATFORM, parseRetryAfter(response.headers['retry-after'], now), detail);
  }
  if (reasons.some((reason) => reason === 'keyInvalid' || reason === 'keyExpired' || reason === 'forbidden')) {
    return new ConnectorFetchError(`Kunci API YouTube ditolak; periksa apiKey${detail ? `: ${detail}` : '.'}`, {
      permanent: true,
      status: response.status,
    });
  }
  return statusError(PLATFORM, response, now, detail);
}

/** Per-video problems that should skip that video, not fail the source. */
function skippableReason(response: SourceHttpResponse): string | undefined {
  const error = asRecord(asRecord(tryParseJson(response)).error);
  const reasons = (Array.isArray(error.errors) ? error.errors : []).map((item) => asString(asRecord(item).reason));
  return reasons.find((reason) => reason === 'commentsDisabled' || reason === 'videoNotFound');
}

function toPost(thread: Record<string, unknown>, now: Date): { post: IngestPostPayload; publishedAt: string } | null {
  const snippet = asRecord(thread.snippet);
  const comment = asRecord(snippet.topLevelComment);
  const data = asRecord(comment.snippet);
  const id = asString(comment.id) ?? asString(thread.id);
  const text = stripHtml(asString(data.textDisplay) ?? asString(data.textOriginal) ?? '');
  const publishedAt = toIsoDate(data.publishedAt);
  if (!id || !text || !publishedAt) {
    return null;
  }
  const videoId = asString(snippet.videoId) ?? asString(data.videoId);
  return {
    publishedAt,
    post: {
      externalId: id,
      text,
      createdAt: publishedAt ?? now.toISOString(),
      author: asString(data.authorDisplayName),
      url: videoId ? `https://www.youtube.com/watch?v=${videoId}&lc=${id}` : undefined,
      metrics: { likes: asCount(data.likeCount), replies: asCount(snippet.totalReplyCount) },
      raw: thread,
    },
  };
}

export const youtubeConnector: Connector<YoutubeConfig, YoutubeCredentials> = {
  type: 'youtube',
  secretFields: ['apiKey'],
  urlFields: ['baseUrl'],

  parseConfig(config) {
    const mode = exactlyOne(config, ['videoIds', 'channelId', 'query'], 'sumber YouTube');
    const parsed: YoutubeConfig = { baseUrl: readBaseUrl(config, 'baseUrl', 'https://www.googleapis.com/youtube/v3') };
    if (mode === 'videoIds') {
      const raw = config.videoIds;
      const ids = (Array.isArray(raw) ? raw : String(raw).split(','))
        .map((id) => (typeof id === 'string' ? id.trim() : ''))
        .filter(Boolean);
      if (ids.length === 0 || ids.length > 50 || ids.some((id) => !/^[\w-]{6,20}$/.test(id))) {
        throw new ConnectorConfigError('videoIds', 'videoIds harus berisi 1–50 ID video YouTube yang valid.');
      }
      parsed.videoIds = [...new Set(ids)];
    } else if (mode === 'channelId') {
      parsed.channelId = optionalString(config, 'channelId');
    } else {
      parsed.query = optionalString(config, 'query');
    }
    return { config: parsed, credentials: { apiKey: requiredString(config, 'apiKey', 'Kunci API YouTube (apiKey)') } };
  },

  fetch({ config, credentials, cursor, http, now, limits }) {
    return guardFetch(PLATFORM, [credentials.apiKey], async () => {
      const { maxPages, maxPosts } = runLimits({ limits });
      const headers = { accept: 'application/json' };
      const key = credentials.apiKey;
      const posts: IngestPostPayload[] = [];
      let pagesLeft = maxPages;
      let hasMore = false;
      const oldStreams = asRecord(cursor.streams) as Record<string, StreamState>;
      const streams: Record<string, StreamState> = {};
      let streamKeys: string[];
      if (config.channelId) {
        streamKeys = [`channel:${config.channelId}`];
      } else if (config.videoIds) {
        streamKeys = config.videoIds.map((id) => `video:${id}`);
      } else {
        const url = withQuery(`${config.baseUrl}/search`, {
          part: 'snippet',
          type: 'video',
          q: config.query,
          order: 'date',
          maxResults: SEARCH_VIDEOS,
          key,
        });
        const response = await send(http, PLATFORM, url, { headers });
        if (response.status !== 200) {
          throw failure(response, now);
        }
        const body = asRecord(parseJson(PLATFORM, response));
        if (!Array.isArray(body.items)) {
          throw shapeError(PLATFORM, response, 'items');
        }
        const found = body.items
          .map((item) => asString(asRecord(asRecord(item).id).videoId))
          .filter((id): id is string => !!id)
          .map((id) => `video:${id}`);
        const previous = Object.keys(oldStreams).filter((streamKey) => !found.includes(streamKey));
        streamKeys = [...found, ...previous].slice(0, TRACKED_VIDEOS);
      }
      for (const streamKey of streamKeys) {
        const state: StreamState = { ...(oldStreams[streamKey] ?? {}) };
        streams[streamKey] = state;
        if (pagesLeft <= 0 || posts.length >= maxPosts) {
          hasMore = true;
          continue;
        }
        const [kind, id] = [streamKey.slice(0, streamKey.indexOf(':')), streamKey.slice(streamKey.indexOf(':') + 1)];
        const since = state.since;
        const seen = new Set(state.seen ?? []);
        let pageToken = state.pending?.pageToken;
        let newest = state.pending ? state.pending.since : undefined;
        let newestIds = new Set(state.pending?.seen ?? []);
        let skipped = false;
        while (pagesLeft > 0 && posts.length < maxPosts) {
          pagesLeft--;
          const url = withQuery(`${config.baseUrl}/commentThreads`, {
            part: 'snippet',
            videoId: kind === 'video' ? id : undefined,
            allThreadsRelatedToChannelId: kind === 'channel' ? id : undefined,
            order: 'time',
            textFormat: 'plainText',
            maxResults: PAGE_SIZE,
            pageToken,
            key,
          });
          const response = await send(http, PLATFORM, url, { headers });
          if (response.status !== 200) {
            if (kind === 'video' && skippableReason(response)) {
              skipped = true;
              pageToken = undefined;
              break;
            }
            throw failure(response, now);
          }
          const body = asRecord(parseJson(PLATFORM, response));
          if (!Array.isArray(body.items)) {
            throw shapeError(PLATFORM, response, 'items');
          }
          let reachedKnown = false;
          for (const thread of body.items.filter(isRecord)) {
            const taken = toPost(thread, now);
            if (!taken) {
              continue;
            }
            if (since && taken.publishedAt < since) {
              reachedKnown = true;
              continue;
            }
            if (seen.has(taken.post.externalId) || posts.some((post) => post.externalId === taken.post.externalId)) {
              continue;
            }
            posts.push(taken.post);
            if (!newest || taken.publishedAt > newest) {
              newest = taken.publishedAt;
              newestIds = new Set([taken.post.externalId]);
            } else if (taken.publishedAt === newest) {
              newestIds.add(taken.post.externalId);
            }
          }
          pageToken = asString(body.nextPageToken);
          if (!pageToken || reachedKnown) {
            pageToken = undefined;
            break;
          }
        }
        if (skipped) {
          continue;
        }
        if (pageToken && since) {
          state.pending = { pageToken, since: newest, seen: [...newestIds] };
          hasMore = true;
          continue;
        }
        delete state.pending;
        if (newest && (!since || newest >= since)) {
          state.seen = newest === since ? [...new Set([...seen, ...newestIds])] : [...newestIds];
          state.since = newest;
        }
      }
      return { posts, cursor: { streams }, hasMore };
    });
  },
};
