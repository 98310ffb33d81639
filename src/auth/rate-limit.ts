import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export const RATE_LIMIT_KEY = 'pantau:rate-limit';

/** A budget of calls per caller (user or push source) and minute, shared by every route that names it. */
export interface RateLimitRule {
  /** Routes with the same name share one budget (e.g. the exports of briefs, reports and personal data). */
  name: string;
  perMinute: number;
  /** Only calls this returns true for count (e.g. a list only when it searches); default all. */
  when?: (request: Request) => boolean;
}

/** Budgets of the expensive routes (docs/auth.md, "Rate limits"). */
export const RATE_LIMITS = {
  /** DOCX/PDF documents and the personal-data export: each builds a whole document. */
  export: { name: 'export', perMinute: 20 },
  /** Full-text search over the posts (`q`): a list without `q` is not limited. */
  search: {
    name: 'search',
    perMinute: 120,
    when: (request: Request) => typeof request.query.q === 'string' && request.query.q.trim() !== '',
  },
  /** File uploads to import (up to 10 MB each, analysed in full). */
  import: { name: 'import', perMinute: 10 },
} satisfies Record<string, RateLimitRule>;

/** The route spends the caller's budget `rule` (checked by AccessGuard once the caller is known). */
export const RateLimited = (rule: RateLimitRule) => SetMetadata(RATE_LIMIT_KEY, rule);

const WINDOW_MS = 60_000;
/** Callers remembered at most; the oldest are forgotten first (a caller's budget then starts afresh). */
const MAX_CALLERS = 10_000;

/**
 * Sliding one-minute windows of call times per caller and budget, in this process (with several API processes each
 * keeps its own: the budget is per process). No timers: stale calls are dropped when the caller calls again.
 */
export class RateLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a call; answers the seconds to wait when the budget is spent (the call is then not recorded). */
  take(caller: string, rule: RateLimitRule): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const key = `${rule.name}\n${caller}`;
    const now = this.now();
    const recent = (this.calls.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    this.calls.delete(key); // re-inserted below: the map's order is then least recently used first
    if (recent.length >= rule.perMinute) {
      this.calls.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000)) };
    }
    recent.push(now);
    this.calls.set(key, recent);
    if (this.calls.size > MAX_CALLERS) {
      this.calls.delete(this.calls.keys().next().value as string);
    }
    return { allowed: true };
  }
}
