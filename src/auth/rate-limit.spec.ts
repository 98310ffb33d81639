import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  const rule = { name: 'export', perMinute: 3 };

  it('should allow perMinute calls in any minute, then say how long to wait, and allow again as calls age', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(() => now);
    expect([0, 1, 2].map(() => limiter.take('user:a', rule).allowed)).toEqual([true, true, true]);
    now += 20_000;
    expect(limiter.take('user:a', rule)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limiter.take('user:b', rule).allowed).toBe(true);
    expect(limiter.take('user:a', { name: 'search', perMinute: 3 }).allowed).toBe(true);
    now += 40_001;
    expect(limiter.take('user:a', rule).allowed).toBe(true);
  });
});
