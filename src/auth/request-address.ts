import type { Request } from 'express';

/** The client address as Express resolved it ('trust proxy' is set in configure-http.ts). */
export function requestAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
