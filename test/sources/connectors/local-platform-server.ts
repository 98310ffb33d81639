import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A request the fake platform received. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface PlatformReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type PlatformHandler = (request: RecordedRequest) => PlatformReply | Promise<PlatformReply>;

/**
 * A local HTTP server on 127.0.0.1 (port 0) that answers like a platform does, from hand-written
 * fixtures. Tests swap `handler` between steps and read `requests` to check what was sent.
 */
export class LocalPlatformServer {
  readonly requests: RecordedRequest[] = [];
  handler: PlatformHandler = () => ({ status: 404, body: 'not found' });
  private server?: Server;
  private port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          url: new URL(req.url ?? '/', this.baseUrl),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(recorded);
        Promise.resolve()
          .then(() => this.handler(recorded))
          .then(
            (reply) => {
              res.writeHead(
                reply.status ?? 200,
                reply.headers ?? { 'content-type': 'application/json; charset=utf-8' },
              );
              res.end(reply.body ?? '');
            },
            (error: unknown) => {
              res.writeHead(599);
              res.end(String(error));
            },
          );
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => this.server?.close(() => done()) ?? done());
  }

  reset(handler: PlatformHandler): void {
    this.requests.length = 0;
    this.handler = handler;
  }
}

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/platforms');

export function fixturePath(platform: string, name: string): string {
  return resolve(FIXTURES, platform, name);
}

export function fixtureText(platform: string, name: string): string {
  return readFileSync(fixturePath(platform, name), 'utf8');
}

export function fixtureBytes(platform: string, name: string): Buffer {
  return readFileSync(fixturePath(platform, name));
}

export function fixtureJson<T = unknown>(platform: string, name: string): T {
  return JSON.parse(fixtureText(platform, name)) as T;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): PlatformReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** The HTML error page a proxy or a CDN returns where JSON was expected. */
export function htmlErrorPage(status = 502): PlatformReply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>`,
  };
}
