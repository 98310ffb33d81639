import type { IngestPostPayload } from '../../ingestion/ingest-post.js';

/**
 * The contract between the sources module (scheduling, state, health) and the platform
 * connectors (one real client per platform). A connector is stateless: everything it must
 * remember between runs goes in the returned cursor, which the sources module stores.
 */
export type SourceType = 'rss' | 'mastodon' | 'bluesky' | 'reddit' | 'youtube' | 'x' | 'meta' | 'telegram' | 'push';

export const SOURCE_TYPES: readonly SourceType[] = [
  'rss',
  'mastodon',
  'bluesky',
  'reddit',
  'youtube',
  'x',
  'meta',
  'telegram',
  'push',
];

/** Opaque per-source state: since-ids, last timestamps, ETag/Last-Modified, page tokens. JSON only. */
export type SourceCursor = Record<string, unknown>;

/** A config problem, shown to the admin who entered it: `field` names the config key, `message` is Indonesian. */
export class ConnectorConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorConfigError';
  }
}

/**
 * A fetch failed. `message` is Indonesian and readable by an admin (it becomes the source's
 * "last error"); `retryAfterMs` is set when the platform asked us to wait (429, quota).
 */
export class ConnectorFetchError extends Error {
  constructor(
    message: string,
    readonly options: { retryAfterMs?: number; permanent?: boolean; status?: number } = {},
  ) {
    super(message);
    this.name = 'ConnectorFetchError';
  }
}

/** The outbound HTTP client a connector must use: SSRF guard, timeouts, size limit, rate-limit answers. */
export interface SourceHttpClient {
  request(url: string, init?: SourceHttpRequest): Promise<SourceHttpResponse>;
}

export interface SourceHttpRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Default 15 s. */
  timeoutMs?: number;
}

export interface SourceHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Decoded text (charset from Content-Type or XML prolog; bytes kept for feeds in other encodings). */
  text: string;
  bytes: Buffer;
}

export interface FetchContext<Config, Credentials> {
  config: Config;
  credentials: Credentials;
  cursor: SourceCursor;
  http: SourceHttpClient;
  now: Date;
  /** Per-run paging cap; defaults 5 pages / 500 posts. When reached with more waiting, `hasMore` is true. */
  limits?: { maxPages?: number; maxPosts?: number };
}

export interface FetchResult {
  posts: IngestPostPayload[];
  cursor: SourceCursor;
  /** True when the platform has more pages right now: the sources module fetches again soon. */
  hasMore?: boolean;
  /** Quota the platform reported (remaining calls, reset time), shown in the source's health. */
  quota?: { remaining?: number; resetAt?: string };
}

export interface Connector<Config = Record<string, unknown>, Credentials = Record<string, string>> {
  type: SourceType;
  /** Config keys holding secrets (tokens, passwords): stored encrypted, never returned in clear. */
  secretFields: readonly string[];
  /** Config keys that are URLs an admin chose: checked by the private-address guard. */
  urlFields: readonly string[];
  /** Validates and normalises an admin's config (secrets removed); throws ConnectorConfigError. */
  parseConfig(config: Record<string, unknown>): { config: Config; credentials: Credentials };
  fetch(context: FetchContext<Config, Credentials>): Promise<FetchResult>;
}
