import { SetMetadata } from '@nestjs/common';
import type { Response } from 'express';

export const STREAM_LIMIT_KEY = 'pantau:stream-limit';

/** Open event streams one caller may hold at once, per API process (the dashboard opens one per tab). */
export const STREAMS_PER_CALLER = 5;

/** The route answers with a long-lived stream: a caller may hold at most `perCaller` of them open (AccessGuard). */
export const LimitedStreams = (perCaller = STREAMS_PER_CALLER) => SetMetadata(STREAM_LIMIT_KEY, perCaller);

/** Counts the open streams per caller; a slot is given back when its response closes (finished or cut). */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  acquire(caller: string, limit: number, response: Response): boolean {
    const held = this.open.get(caller) ?? 0;
    if (held >= limit) {
      return false;
    }
    this.open.set(caller, held + 1);
    response.once('close', () => {
      const left = (this.open.get(caller) ?? 1) - 1;
      if (left > 0) {
        this.open.set(caller, left);
      } else {
        this.open.delete(caller);
      }
    });
    return true;
  }
}
