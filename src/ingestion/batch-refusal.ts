import { UnrecoverableError } from 'bullmq';
import { QueryFailedError } from 'typeorm';
import { maskPii } from '../analysis/index.js';

/** SQLSTATE codes that say the batch's data itself is refused: retrying the same rows fails the same way. */
function isDataRefusal(code: string): boolean {
  // Class 22: data exception (value out of range, bad encoding, invalid text); 23502/23514: not-null and check.
  return code.startsWith('22') || code === '23502' || code === '23514';
}

/**
 * A batch the database refuses for its data becomes a permanent failure at once (BullMQ's failed
 * state, kept 14 days and listed in the admin queue view) instead of eight retries that end the
 * same way. The reason names the database's message and code, never the query's parameters.
 */
export function asBatchRefusal(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) {
    return error;
  }
  const driverError = error.driverError as { code?: unknown; message?: unknown };
  const code = typeof driverError.code === 'string' ? driverError.code : '';
  if (!isDataRefusal(code)) {
    return error;
  }
  const message = typeof driverError.message === 'string' ? maskPii(driverError.message).slice(0, 300) : '';
  return new UnrecoverableError(`Basis data menolak batch (SQLSTATE ${code}): ${message}`);
}
