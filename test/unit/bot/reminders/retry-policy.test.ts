/** Backoff for failed reminder deliveries: Retry-After honoured, exponential, capped. */
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptDelayMs, retryAfterMsOf } from '../../../../bot/reminders/retry-policy.js';

describe('retry policy', () => {
  it('grows exponentially from one minute with at most 10% jitter, capped at six hours', () => {
    const delays = [1, 2, 3, 4, 12].map((n) => nextAttemptDelayMs('r1', n, undefined));
    expect(delays[0]).toBeGreaterThanOrEqual(60_000);
    expect(delays[0]).toBeLessThanOrEqual(66_000);
    expect(delays[1]).toBeGreaterThanOrEqual(120_000);
    expect(delays[2]).toBeGreaterThanOrEqual(240_000);
    expect(delays[4]).toBeLessThanOrEqual(6.6 * 60 * 60 * 1000);
    expect(nextAttemptDelayMs('r1', 2, undefined)).toBe(delays[1]);
  });

  it('waits at least as long as the platform asked', () => {
    expect(nextAttemptDelayMs('r1', 1, 3_600_000)).toBe(3_600_000);
  });

  it('reads Retry-After from both SDKs’ errors', () => {
    expect(retryAfterMsOf({ retryAfter: 30 })).toBe(30_000);
    expect(retryAfterMsOf({ response: { headers: { 'retry-after': '7' } } })).toBe(7000);
    expect(retryAfterMsOf({ response: { headers: new Headers({ 'Retry-After': '2' }) } })).toBe(2000);
    expect(retryAfterMsOf(new Error('network down'))).toBeUndefined();
  });

  it('gives up after a bounded number of attempts', () => {
    expect(MAX_ATTEMPTS).toBeGreaterThan(3);
    expect(MAX_ATTEMPTS).toBeLessThan(50);
  });
});
