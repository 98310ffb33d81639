import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Deeper JSON than this is refused before parsing: no request needs it, and deep values exhaust recursive code. */
export const JSON_MAX_DEPTH = 64;

export const INPUT_MESSAGES = {
  badCharacter: 'Teks dalam permintaan mengandung karakter yang tidak sah (NUL atau surrogate tunggal)',
  tooDeep: `Badan permintaan JSON bersarang terlalu dalam (maksimal ${JSON_MAX_DEPTH} tingkat)`,
  nulInUrl: 'Alamat permintaan mengandung karakter NUL',
} as const;

/** A request refused for its bytes (body-parser passes it on with this status; the error filter words it). */
export class RequestInputError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly expose = true;
  readonly type = 'request.input.invalid';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function hexAt(body: Buffer, at: number): number {
  const text = body.toString('latin1', at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(text) ? parseInt(text, 16) : -1;
}

/**
 * One pass over a JSON body's bytes: the nesting depth, and `\u` escapes that PostgreSQL and
 * well-formed text cannot hold (NUL, a surrogate without its partner). Raw control characters
 * and invalid UTF-8 are left to JSON.parse and the decoder. Returns the problem, or null.
 */
export function scanJsonBody(body: Buffer): keyof typeof INPUT_MESSAGES | null {
  let depth = 0;
  let inString = false;
  let pendingHigh = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (!inString) {
      if (byte === QUOTE) {
        inString = true;
      } else if (byte === 0x5b || byte === 0x7b) {
        if (++depth > JSON_MAX_DEPTH) {
          return 'tooDeep';
        }
      } else if (byte === 0x5d || byte === 0x7d) {
        depth--;
      }
      continue;
    }
    if (byte === BACKSLASH) {
      const escaped = body[i + 1];
      if (escaped === 0x75) {
        const code = hexAt(body, i + 2);
        const isLow = code >= 0xdc00 && code <= 0xdfff;
        if (code === 0 || (pendingHigh && !isLow) || (!pendingHigh && isLow)) {
          return 'badCharacter';
        }
        pendingHigh = code >= 0xd800 && code <= 0xdbff;
        i += 5;
        continue;
      }
      if (pendingHigh) {
        return 'badCharacter';
      }
      i++;
      continue;
    }
    if (pendingHigh) {
      return 'badCharacter';
    }
    if (byte === QUOTE) {
      inString = false;
    }
  }
  return null;
}

/** body-parser's `verify` for JSON bodies. */
export function verifyJsonBody(_request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  const problem = scanJsonBody(body);
  if (problem) {
    throw new RequestInputError(INPUT_MESSAGES[problem]);
  }
}

/** body-parser's `verify` for form bodies: an escaped NUL (`%00`) is refused as in JSON. */
export function verifyFormBody(_request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  if (/%00/i.test(body.toString('latin1'))) {
    throw new RequestInputError(INPUT_MESSAGES.badCharacter);
  }
}

/** Express middleware: a NUL in the path or query string (`%00`) is refused before any route sees it. */
export function refuseNulInUrl(request: Request, response: Response, next: NextFunction): void {
  if (/%00|\0/i.test(request.originalUrl)) {
    response.status(400).json({ statusCode: 400, error: 'Permintaan tidak valid', message: INPUT_MESSAGES.nulInUrl });
    return;
  }
  next();
}
