import { lookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import {
  ConnectorConfigError,
  ConnectorFetchError,
  type SourceHttpClient,
  type SourceHttpRequest,
  type SourceHttpResponse,
} from '../connectors/connector.types.js';
import { decodeBody } from './charset-decoder.js';
import { isNonPublicAddress } from './private-address.js';

export interface SourceHttpClientOptions {
  /** PANTAU_ALLOW_PRIVATE_SOURCES: let sources reach private, loopback and link-local addresses. */
  allowPrivate: boolean;
  userAgent: string;
  /** Largest accepted body, after decompression. Default 10 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Default 15 s, for the whole exchange (connect, redirects, body). */
  timeoutMs?: number;
  /** Individual addresses reachable although non-public (an internal feed server), when allowPrivate is false. */
  allowAddresses?: readonly string[];
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_TIMEOUT_MS = 15_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

/** Why a URL cannot be fetched; `message` is Indonesian and names the host only (URLs may hold keys). */
class UnsafeUrlError extends Error {}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('Alamat URL tidak valid.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeUrlError('Hanya alamat http:// dan https:// yang diizinkan.');
  }
  return url;
}

/**
 * Resolves the host of a URL (every address DNS returns) and refuses it when any address is
 * private, loopback, link-local, CGNAT, multicast or unspecified, unless private sources are
 * allowed. Returns the address the connection must use (pinned, against DNS rebinding).
 */
async function resolvePublicAddress(
  url: URL,
  allowPrivate: boolean,
  allowAddresses: readonly string[] = [],
): Promise<PinnedAddress> {
  const host = hostOf(url);
  const literal = isIP(host);
  let addresses: PinnedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal as 4 | 6 }];
  } else {
    try {
      const found = await lookup(host, { all: true, verbatim: true });
      addresses = found.map((entry) => ({ address: entry.address, family: entry.family as 4 | 6 }));
    } catch {
      throw new UnsafeUrlError(`Nama host ${host} tidak dapat ditemukan (DNS).`);
    }
    if (addresses.length === 0) {
      throw new UnsafeUrlError(`Nama host ${host} tidak dapat ditemukan (DNS).`);
    }
  }
  if (!allowPrivate) {
    const blocked = addresses.find(
      (entry) => isNonPublicAddress(entry.address) && !allowAddresses.includes(entry.address),
    );
    if (blocked) {
      throw new UnsafeUrlError(
        `Alamat ${host} mengarah ke jaringan privat atau internal (${blocked.address}) dan ditolak demi keamanan. ` +
          'Izinkan hanya bila sumber memang berada di jaringan internal (PANTAU_ALLOW_PRIVATE_SOURCES=true).',
      );
    }
  }
  return addresses[0];
}

/**
 * For config validation (feed URLs, API base URLs, webhooks): throws ConnectorConfigError with an
 * Indonesian message when the URL is not http(s) or its host resolves to a non-public address.
 */
export async function assertPublicUrl(url: string, allowPrivate: boolean, field = 'url'): Promise<void> {
  try {
    await resolvePublicAddress(parseHttpUrl(url), allowPrivate);
  } catch (error) {
    throw new ConnectorConfigError(field, error instanceof Error ? error.message : String(error));
  }
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
}

function flattenHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return headers;
}

function decompressed(message: IncomingMessage): Readable {
  switch ((message.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return message.pipe(zlib.createGunzip());
    case 'deflate':
      return message.pipe(zlib.createInflate());
    case 'br':
      return message.pipe(zlib.createBrotliDecompress());
    default:
      return message;
  }
}

export function createSourceHttpClient(options: SourceHttpClientOptions): SourceHttpClient {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const limitLabel = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${maxBytes} byte`;

  function exchange(
    url: URL,
    pinned: PinnedAddress,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    deadline: number,
  ): Promise<RawResponse> {
    const host = hostOf(url);
    return new Promise<RawResponse>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error): void => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          request.destroy();
          reject(error);
        }
      };
      // The connection goes to the address checked above, whatever DNS answers now.
      const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
        if (lookupOptions.all) {
          (callback as unknown as (error: null, addresses: PinnedAddress[]) => void)(null, [pinned]);
        } else {
          callback(null, pinned.address, pinned.family);
        }
      };
      const transport = url.protocol === 'https:' ? https : http;
      const request = transport.request({
        protocol: url.protocol,
        host,
        port: url.port || (url.protocol === 'https:' ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup,
        servername: isIP(host) ? undefined : host,
        agent: false,
      });
      const timer = setTimeout(
        () => fail(new ConnectorFetchError(`Waktu tunggu habis saat menghubungi ${host}.`)),
        Math.max(1, deadline - Date.now()),
      );
      request.on('error', (error: NodeJS.ErrnoException) =>
        fail(new ConnectorFetchError(`Koneksi ke ${host} gagal (${error.code ?? error.message}).`)),
      );
      request.on('response', (message) => {
        const status = message.statusCode ?? 0;
        const responseHeaders = flattenHeaders(message);
        const declared = Number(responseHeaders['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          fail(new ConnectorFetchError(`Respons dari ${host} melebihi batas ukuran ${limitLabel}.`, { status }));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const stream = decompressed(message);
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            fail(new ConnectorFetchError(`Respons dari ${host} melebihi batas ukuran ${limitLabel}.`, { status }));
            stream.destroy();
            message.destroy();
            return;
          }
          chunks.push(chunk);
        });
        stream.on('error', () =>
          fail(new ConnectorFetchError(`Respons dari ${host} terputus atau rusak (HTTP ${status}).`, { status })),
        );
        message.on('aborted', () =>
          fail(new ConnectorFetchError(`Respons dari ${host} terputus sebelum selesai (HTTP ${status}).`, { status })),
        );
        stream.on('end', () => {
          if (!settled) {
            settled = true;
            clearTimeout(timer);
            resolve({ status, headers: responseHeaders, bytes: Buffer.concat(chunks) });
          }
        });
      });
      if (body !== undefined) {
        request.write(body);
      }
      request.end();
    });
  }

  async function request(rawUrl: string, init: SourceHttpRequest = {}): Promise<SourceHttpResponse> {
    const deadline = Date.now() + (init.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    let method: string = init.method ?? 'GET';
    let body = init.body;
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      headers[name.toLowerCase()] = value;
    }
    let url: URL;
    try {
      url = parseHttpUrl(rawUrl);
    } catch (error) {
      throw new ConnectorFetchError((error as Error).message, { permanent: true });
    }
    for (let redirects = 0; ; redirects++) {
      let pinned: PinnedAddress;
      try {
        pinned = await resolvePublicAddress(url, options.allowPrivate, options.allowAddresses);
      } catch (error) {
        throw new ConnectorFetchError((error as Error).message, { permanent: true });
      }
      const response = await exchange(url, pinned, method, headers, body, deadline);
      const location = response.headers.location;
      if (!REDIRECT_STATUSES.has(response.status) || !location) {
        return {
          status: response.status,
          headers: response.headers,
          bytes: response.bytes,
          text: decodeBody(response.bytes, response.headers['content-type']),
        };
      }
      if (redirects >= maxRedirects) {
        throw new ConnectorFetchError(
          `Terlalu banyak pengalihan (redirect) dari ${hostOf(url)}: lebih dari ${maxRedirects}.`,
        );
      }
      let next: URL;
      try {
        next = parseHttpUrl(new URL(location, url).toString());
      } catch (error) {
        throw new ConnectorFetchError(`Pengalihan dari ${hostOf(url)} tidak valid: ${(error as Error).message}`);
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        delete headers['content-type'];
      }
      if (next.origin !== url.origin) {
        delete headers.authorization;
        delete headers.cookie;
      }
      url = next;
    }
  }

  return { request };
}
