import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { IngestPostPayload } from '../../ingestion/ingest-post.js';
import {
  ConnectorConfigError,
  ConnectorFetchError,
  type Connector,
  type SourceHttpResponse,
} from './connector.types.js';
import {
  asRecord,
  cursorString,
  cursorStrings,
  decodeEntities,
  excerpt,
  guardFetch,
  isRecord,
  optionalString,
  send,
  statusError,
  stripHtml,
  toIsoDate,
} from './connector-support.js';

/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds: regional news portals, Google News searches, press releases. */
export type RssConfig = { url: string };

const PLATFORM = 'feed RSS/Atom';
/** Ids remembered from earlier windows, so an item that slides back into the feed is not taken twice. */
const MAX_SEEN = 1000;

const ARRAY_TAGS = new Set(['item', 'entry', 'link', 'category', 'author']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

type XmlNode = Record<string, unknown>;

/** The text of an element that may be a string, `{#text, @_attr}` or (because of isArray) a list. */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = textOf(item);
      if (text) {
        return text;
      }
    }
    return undefined;
  }
  if (typeof value === 'string') {
    return value.trim() || undefined;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (isRecord(value) && '#text' in value) {
    return textOf(value['#text']);
  }
  return undefined;
}

/** All text inside an element, for Atom `type="xhtml"` content that arrives as nested elements. */
function deepText(value: unknown): string | undefined {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string' || typeof node === 'number') {
      parts.push(String(node));
    } else if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (isRecord(node)) {
      for (const [key, child] of Object.entries(node)) {
        if (!key.startsWith('@_')) {
          walk(child);
        }
      }
    }
  };
  walk(value);
  const text = parts.join(' ').trim();
  return text || undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/** Lenient repair for the commonest fault of hand-made feeds: a bare `&` in text. */
function escapeBareAmpersands(xml: string): string {
  return xml.replace(/&(?!(?:[a-zA-Z][\w.-]*|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;');
}

function parseFeedXml(response: SourceHttpResponse): XmlNode {
  let xml = response.text;
  let verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const repaired = escapeBareAmpersands(xml);
    if (XMLValidator.validate(repaired) === true) {
      xml = repaired;
      verdict = true;
    }
  }
  if (verdict !== true) {
    const type = (response.headers['content-type'] ?? 'tanpa Content-Type').split(';')[0].trim();
    throw new ConnectorFetchError(
      `Respons ${PLATFORM} bukan XML yang valid (HTTP ${response.status}, ${type}; baris ${verdict.err.line}: ${excerpt(verdict.err.msg, 120)}).`,
      { status: response.status },
    );
  }
  return asRecord(parser.parse(xml));
}

function languageOf(value: unknown): string | undefined {
  const text = textOf(value);
  return text ? text.toLowerCase().split(/[-_]/)[0] : undefined;
}

function joinTitleAndBody(title: string | undefined, bodyHtml: string | undefined): string {
  const head = title ? stripHtml(decodeEntities(title)) : '';
  const body = bodyHtml ? stripHtml(bodyHtml) : '';
  if (!head) {
    return body;
  }
  if (!body || body.startsWith(head)) {
    return body || head;
  }
  return `${head}\n${body}`;
}

function authorName(value: unknown): string | undefined {
  for (const entry of list(value)) {
    const name = isRecord(entry) && 'name' in entry ? textOf(entry.name) : textOf(entry);
    if (name) {
      // RSS 2.0 <author> is "mail@example.com (Name)": keep the name only.
      const match = /\(([^)]+)\)\s*$/.exec(name);
      return (match ? match[1] : name).trim();
    }
  }
  return undefined;
}

function atomLink(value: unknown): string | undefined {
  const links = list(value).filter(isRecord);
  const alternate = links.find((link) => !link['@_rel'] || link['@_rel'] === 'alternate') ?? links[0];
  const href = alternate ? textOf(alternate['@_href']) : undefined;
  return href ?? textOf(value);
}

function fallbackId(parts: (string | undefined)[]): string {
  return `sha1:${createHash('sha1').update(parts.join('\u0000')).digest('hex')}`;
}

interface FeedItem {
  id: string;
  post: IngestPostPayload;
}

function rssItem(item: XmlNode, lang: string | undefined, now: Date): FeedItem | null {
  const link = textOf(item.link);
  const title = textOf(item.title);
  const description = textOf(item.description) ?? textOf(item['content:encoded']);
  const dateText = textOf(item.pubDate) ?? textOf(item['dc:date']);
  const id = textOf(item.guid) ?? textOf(item['@_rdf:about']) ?? link ?? fallbackId([title, dateText, description]);
  const text = joinTitleAndBody(title, description);
  if (!text) {
    return null;
  }
  return {
    id,
    post: {
      externalId: id,
      text,
      createdAt: toIsoDate(dateText) ?? now.toISOString(),
      author: authorName(item['dc:creator']) ?? authorName(item.author),
      url: link,
      lang: languageOf(item['dc:language']) ?? lang,
      raw: item,
    },
  };
}

function atomEntry(entry: XmlNode, lang: string | undefined, now: Date): FeedItem | null {
  const link = atomLink(entry.link);
  const title = textOf(entry.title);
  const body = textOf(entry.content) ?? deepText(entry.content) ?? textOf(entry.summary);
  const dateText = textOf(entry.published) ?? textOf(entry.updated);
  const id = textOf(entry.id) ?? link ?? fallbackId([title, dateText, body]);
  const text = joinTitleAndBody(title, body);
  if (!text) {
    return null;
  }
  return {
    id,
    post: {
      externalId: id,
      text,
      createdAt: toIsoDate(dateText) ?? now.toISOString(),
      author: authorName(entry.author),
      url: link,
      lang: languageOf(entry['@_xml:lang']) ?? lang,
      raw: entry,
    },
  };
}

function feedItems(document: XmlNode, response: SourceHttpResponse, now: Date): FeedItem[] {
  const rss = document.rss;
  if (isRecord(rss)) {
    const channel = asRecord(rss.channel);
    const lang = languageOf(channel.language);
    return list(channel.item)
      .filter(isRecord)
      .map((item) => rssItem(item, lang, now))
      .filter((item): item is FeedItem => item !== null);
  }
  const feed = document.feed;
  if (isRecord(feed)) {
    const lang = languageOf(feed['@_xml:lang']);
    return list(feed.entry)
      .filter(isRecord)
      .map((entry) => atomEntry(entry, lang, now))
      .filter((item): item is FeedItem => item !== null);
  }
  const rdf = document['rdf:RDF'];
  if (isRecord(rdf)) {
    const lang = languageOf(asRecord(rdf.channel)['dc:language']);
    return list(rdf.item)
      .filter(isRecord)
      .map((item) => rssItem(item, lang, now))
      .filter((item): item is FeedItem => item !== null);
  }
  const root = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('#')) ?? 'kosong';
  const type = (response.headers['content-type'] ?? 'tanpa Content-Type').split(';')[0].trim();
  throw new ConnectorFetchError(
    `Respons bukan feed RSS/Atom (elemen akar <${excerpt(root, 40)}>, HTTP ${response.status}, ${type}).`,
    { status: response.status, permanent: false },
  );
}

export const rssConnector: Connector<RssConfig, Record<string, never>> = {
  type: 'rss',
  secretFields: [],
  urlFields: ['url'],

  parseConfig(config) {
    const url = optionalString(config, 'url');
    if (!url) {
      throw new ConnectorConfigError('url', 'Alamat feed (url) wajib diisi.');
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConnectorConfigError('url', 'Alamat feed (url) bukan URL yang valid.');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ConnectorConfigError('url', 'Alamat feed (url) harus diawali http:// atau https://.');
    }
    return { config: { url: parsed.toString() }, credentials: {} };
  },

  fetch({ config, cursor, http, now }) {
    return guardFetch(PLATFORM, [], async () => {
      const etag = cursorString(cursor, 'etag');
      const lastModified = cursorString(cursor, 'lastModified');
      const headers: Record<string, string> = {
        accept:
          'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      };
      if (etag) {
        headers['if-none-match'] = etag;
      }
      if (lastModified) {
        headers['if-modified-since'] = lastModified;
      }
      const response = await send(http, PLATFORM, config.url, { headers });
      if (response.status === 304) {
        return { posts: [], cursor };
      }
      if (response.status < 200 || response.status >= 300) {
        throw statusError(PLATFORM, response, now);
      }
      const items = feedItems(parseFeedXml(response), response, now);
      const seen = new Set(cursorStrings(cursor, 'seen'));
      const posts: IngestPostPayload[] = [];
      const window = new Set<string>();
      for (const item of items) {
        if (window.has(item.id)) {
          continue;
        }
        window.add(item.id);
        if (!seen.has(item.id)) {
          posts.push(item.post);
        }
      }
      const remembered = [...window, ...cursorStrings(cursor, 'seen').filter((id) => !window.has(id))];
      const next: Record<string, unknown> = { seen: remembered.slice(0, Math.max(MAX_SEEN, window.size)) };
      if (response.headers.etag) {
        next.etag = response.headers.etag;
      }
      if (response.headers['last-modified']) {
        next.lastModified = response.headers['last-modified'];
      }
      return { posts, cursor: next };
    });
  },
};
