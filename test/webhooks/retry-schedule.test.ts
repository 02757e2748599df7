import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { Timestamp } from '../../src/domain/time.ts';
import { afterFailedAttempt, maxAttempts } from '../../src/webhooks/retry-schedule.ts';

const failedAt = '2026-05-01T12:00:00.000000Z' as Timestamp;

describe('webhook retry schedule', () => {
  it('is by default 5 s, 30 s, 120 s after each failure, then nothing: 4 attempts in all', () => {
    const delays = loadConfig({}).webhook.retryDelaysMs;
    expect(delays).toEqual([5_000, 30_000, 120_000]);
    expect(maxAttempts(delays)).toBe(4);
    expect(afterFailedAttempt(1, delays, failedAt)).toEqual({
      kind: 'retry',
      at: '2026-05-01T12:00:05.000000Z',
    });
    expect(afterFailedAttempt(2, delays, failedAt)).toEqual({
      kind: 'retry',
      at: '2026-05-01T12:00:30.000000Z',
    });
    expect(afterFailedAttempt(3, delays, failedAt)).toEqual({
      kind: 'retry',
      at: '2026-05-01T12:02:00.000000Z',
    });
    expect(afterFailedAttempt(4, delays, failedAt)).toEqual({ kind: 'give_up' });
  });

  it('follows APTLY_WEBHOOK_RETRY_DELAYS, and gives up past it', () => {
    const delays = loadConfig({ APTLY_WEBHOOK_RETRY_DELAYS: '50ms,1s' }).webhook.retryDelaysMs;
    expect(afterFailedAttempt(1, delays, failedAt)).toEqual({
      kind: 'retry',
      at: '2026-05-01T12:00:00.050000Z',
    });
    expect(afterFailedAttempt(2, delays, failedAt)).toEqual({
      kind: 'retry',
      at: '2026-05-01T12:00:01.000000Z',
    });
    expect(afterFailedAttempt(3, delays, failedAt)).toEqual({ kind: 'give_up' });
    // A schedule shortened between restarts: a delivery already past it gives up, it is not retried forever.
    expect(afterFailedAttempt(7, delays, failedAt)).toEqual({ kind: 'give_up' });
  });

  it('with no retries configured, the first failure is final', () => {
    expect(afterFailedAttempt(1, [], failedAt)).toEqual({ kind: 'give_up' });
    expect(maxAttempts([])).toBe(1);
  });
});
