import type { BackoffStrategy } from 'bullmq';
import { DeliveryError } from './delivery-error.js';

/** Every notification job's options: retried with exponential back-off, or after the server's retry_after. */
export const NOTIFICATION_BACKOFF_TYPE = 'notification';
export const NOTIFICATION_ATTEMPTS = 8;
export const NOTIFICATION_BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * The worker's custom back-off: the delay a remote server asked for (Telegram's retry_after, an
 * HTTP Retry-After) when it gave one, else 1 s, 2 s, 4 s, … capped at an hour.
 */
export const notificationBackoff: BackoffStrategy = (attemptsMade, _type, error) => {
  if (error instanceof DeliveryError && error.options.retryAfterMs !== undefined) {
    return Math.min(MAX_DELAY_MS, Math.max(0, error.options.retryAfterMs));
  }
  return Math.min(MAX_DELAY_MS, NOTIFICATION_BASE_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1));
};
