import { ConnectorFetchError } from './connectors/connector.types.js';
import type { Source } from './entities/source.entity.js';

/** Pure rules for a source's health and back-off (no I/O). */

export type HealthStatus = 'healthy' | 'unhealthy' | 'pending' | 'paused' | 'deleted' | 'push';

/** Longest wait after repeated failures (unless the interval itself is longer, or the platform asked for more). */
export const MAX_BACKOFF_MS = 6 * 3600_000;

/**
 * Delay before the next attempt after `failures` consecutive failures (≥ 1): the interval, doubled
 * for every further failure, capped; never shorter than what the platform asked (Retry-After).
 */
export function failureDelayMs(intervalSeconds: number, failures: number, retryAfterMs?: number): number {
  const interval = intervalSeconds * 1000;
  const backoff = Math.min(interval * 2 ** Math.max(0, Math.min(failures - 1, 30)), Math.max(interval, MAX_BACKOFF_MS));
  return Math.max(backoff, retryAfterMs ?? 0);
}

/**
 * A scheduled tick is skipped while the source is backing off. A little slack lets a tick that fires
 * a moment before `nextRunAt` (scheduler drift) run.
 */
export function shouldSkipTick(
  source: Pick<Source, 'consecutiveFailures' | 'nextRunAt' | 'intervalSeconds'>,
  now: Date,
): boolean {
  if (source.consecutiveFailures === 0 || !source.nextRunAt) {
    return false;
  }
  const slack = Math.min(5000, source.intervalSeconds * 100);
  return now.getTime() + slack < source.nextRunAt.getTime();
}

export function healthStatus(
  source: Pick<Source, 'status' | 'type' | 'consecutiveFailures' | 'lastSuccessAt'>,
): HealthStatus {
  if (source.status === 'deleted') {
    return 'deleted';
  }
  if (source.status === 'paused') {
    return 'paused';
  }
  if (source.type === 'push') {
    return 'push';
  }
  if (source.consecutiveFailures > 0) {
    return 'unhealthy';
  }
  return source.lastSuccessAt ? 'healthy' : 'pending';
}

/** The admin-readable words for a failed fetch. Connector errors are already Indonesian; anything else is ours. */
export function describeFetchError(error: unknown): { message: string; retryAfterMs?: number } {
  if (error instanceof ConnectorFetchError) {
    return { message: error.message, retryAfterMs: error.options.retryAfterMs };
  }
  if (error instanceof CredentialsUnreadableError) {
    return { message: error.message };
  }
  return {
    message: 'Terjadi kesalahan internal saat mengambil data sumber ini. Periksa log server untuk rinciannya.',
  };
}

export class CredentialsUnreadableError extends Error {
  constructor() {
    super(
      'Kredensial sumber tidak dapat dibuka (rahasia deployment PANTAU_SECRET berubah?). Masukkan ulang token melalui ubah sumber.',
    );
    this.name = 'CredentialsUnreadableError';
  }
}
