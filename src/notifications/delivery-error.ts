/**
 * Why a delivery did not go through. `permanent`: retrying cannot help (a 4xx other than 408/429,
 * an address refused by the private-network guard, a channel not configured); `retryAfterMs`: the
 * remote server said when to try again (Telegram's retry_after, an HTTP Retry-After header).
 * Messages are Indonesian and never carry a token, password or post text.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly options: { permanent?: boolean; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'DeliveryError';
  }

  get permanent(): boolean {
    return this.options.permanent === true;
  }
}

/** HTTP statuses worth retrying: timeouts, rate limits and server errors. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
