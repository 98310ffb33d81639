import { DeliveryError, parseRetryAfter } from './delivery-error.js';
import { notificationBackoff } from './notification-backoff.js';

describe('notificationBackoff', () => {
  it('should wait as long as the remote server asked (Telegram retry_after, Retry-After)', () => {
    expect(notificationBackoff(1, 'notification', new DeliveryError('429', { retryAfterMs: 7000 }))).toBe(7000);
    expect(notificationBackoff(5, 'notification', new DeliveryError('429', { retryAfterMs: 0 }))).toBe(0);
  });

  it('should back off exponentially from one second otherwise, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => notificationBackoff(n, 'notification', new DeliveryError('500')))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(notificationBackoff(40, 'notification', new Error('x'))).toBe(3_600_000);
  });
});

describe('parseRetryAfter', () => {
  it('should read seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('nanti')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
