/**
 * Local stand-ins for the three alert channels, on 127.0.0.1 ports chosen by the OS: a Telegram Bot
 * API (sendMessage), an SMTP server speaking just enough of RFC 5321, and a webhook receiver. Each
 * records what arrived; `failNext` queues error answers for the next requests.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function listen(server: http.Server | net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: http.Server | net.Server): Promise<void> {
  if (server instanceof http.Server) {
    server.closeAllConnections();
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

class RecordingHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly script: ScriptedAnswer[] = [];
  private readonly server: http.Server;
  url = '';

  constructor(private readonly success: (request: RecordedRequest, index: number) => ScriptedAnswer) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const recorded = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.requests.push(recorded);
        const answer = this.script.shift() ?? this.success(recorded, this.requests.length);
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
  }

  async start(): Promise<this> {
    this.url = `http://127.0.0.1:${await listen(this.server)}`;
    return this;
  }

  failNext(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  stop(): Promise<void> {
    return close(this.server);
  }
}

/** POST /bot<token>/sendMessage → {ok:true, result:{message_id}}. */
export function fakeTelegram(): Promise<RecordingHttpServer> {
  return new RecordingHttpServer((_request, index) => ({
    status: 200,
    body: { ok: true, result: { message_id: 1000 + index, date: Math.floor(Date.now() / 1000) } },
  })).start();
}

/** Any POST → 204. */
export function fakeWebhookReceiver(): Promise<RecordingHttpServer> {
  return new RecordingHttpServer(() => ({ status: 204 })).start();
}

export type { RecordingHttpServer };

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent (headers and MIME body), dot-unstuffed. */
  data: string;
}

/** Enough SMTP for nodemailer: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no AUTH. */
export class FakeSmtpServer {
  readonly mails: ReceivedMail[] = [];
  private readonly server: net.Server;
  port = 0;

  constructor() {
    this.server = net.createServer((socket) => {
      let buffer = '';
      let inData = false;
      let envelope: { from: string; to: string[] } = { from: '', to: [] };
      const reply = (line: string) => socket.write(`${line}\r\n`);
      reply('220 uji.local ESMTP siap');
      socket.on('error', () => undefined);
      socket.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        for (;;) {
          if (inData) {
            const end = buffer.indexOf('\r\n.\r\n');
            if (end < 0) {
              return;
            }
            const data = buffer
              .slice(0, end)
              .split('\r\n')
              .map((line) => (line.startsWith('..') ? line.slice(1) : line))
              .join('\r\n');
            buffer = buffer.slice(end + 5);
            inData = false;
            this.mails.push({ ...envelope, data });
            envelope = { from: '', to: [] };
            reply('250 2.0.0 Pesan diterima');
            continue;
          }
          const newline = buffer.indexOf('\r\n');
          if (newline < 0) {
            return;
          }
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO') {
            reply('250-uji.local');
            reply('250-8BITMIME');
            reply('250 SMTPUTF8');
          } else if (verb === 'HELO') {
            reply('250 uji.local');
          } else if (verb === 'MAIL') {
            envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
            reply('250 2.1.0 OK');
          } else if (verb === 'RCPT') {
            envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
            reply('250 2.1.5 OK');
          } else if (verb === 'DATA') {
            inData = true;
            reply('354 Akhiri dengan <CRLF>.<CRLF>');
          } else if (verb === 'RSET') {
            envelope = { from: '', to: [] };
            reply('250 OK');
          } else if (verb === 'NOOP') {
            reply('250 OK');
          } else if (verb === 'QUIT') {
            reply('221 Sampai jumpa');
            socket.end();
            return;
          } else {
            reply('502 5.5.2 Perintah tidak dikenal');
          }
        }
      });
    });
  }

  async start(): Promise<this> {
    this.port = await listen(this.server);
    return this;
  }

  stop(): Promise<void> {
    return close(this.server);
  }
}

/** The decoded text parts of a MIME message: `text/plain` and `text/html` bodies and the Subject. */
export function decodeMail(data: string): { subject: string; text: string; html: string } {
  const [head] = data.split('\r\n\r\n');
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const subject = decodeEncodedWords(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfolded)?.[1];
  const chunks = boundary ? data.split(`--${boundary}`).slice(1, -1) : [data];
  for (const chunk of chunks) {
    const split = chunk.indexOf('\r\n\r\n');
    const headers = chunk.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
    let body = chunk.slice(split + 4).replace(/\r\n$/, '');
    const type = /Content-Type: ([^;\r\n]+)/i.exec(headers)?.[1]?.trim().toLowerCase() ?? 'text/plain';
    const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(headers)?.[1]?.toLowerCase();
    if (encoding === 'quoted-printable') {
      body = Buffer.from(
        body
          .replace(/=\r\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`)
          .replace(/%(?![0-9A-F]{2})/gi, '%25'),
        'binary',
      ).toString();
      body = decodeURIComponentSafe(body);
    } else if (encoding === 'base64') {
      body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    }
    parts[type] = body;
  }
  return { subject, text: parts['text/plain'] ?? '', html: parts['text/html'] ?? '' };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeURIComponentSafe(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
    );
}
