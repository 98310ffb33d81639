import { blueskyConnector } from './bluesky.connector.js';
import type { Connector, SourceType } from './connector.types.js';
import { mastodonConnector } from './mastodon.connector.js';
import { metaConnector } from './meta.connector.js';
import { redditConnector } from './reddit.connector.js';
import { rssConnector } from './rss.connector.js';
import { telegramConnector } from './telegram.connector.js';
import { xConnector } from './x.connector.js';
import { youtubeConnector } from './youtube.connector.js';

/** Source types fetched by a connector on a schedule ('push' sources receive posts instead). */
export type PulledSourceType = Exclude<SourceType, 'push'>;

/**
 * Every platform connector by source type. Each is typed with its own config and credentials;
 * the sources module handles them through the erased `Connector` shape.
 */
export const CONNECTORS: Readonly<Record<PulledSourceType, Connector>> = {
  rss: rssConnector,
  mastodon: mastodonConnector,
  bluesky: blueskyConnector,
  reddit: redditConnector,
  youtube: youtubeConnector,
  x: xConnector,
  meta: metaConnector,
  telegram: telegramConnector,
};

/** The connector for a source type, or undefined for 'push' (and unknown types read from the database). */
export function getConnector(type: SourceType): Connector | undefined {
  return Object.hasOwn(CONNECTORS, type) ? CONNECTORS[type as PulledSourceType] : undefined;
}
