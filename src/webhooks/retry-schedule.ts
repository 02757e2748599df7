import { addMs, type Timestamp } from '../domain/time.ts';

export type NextStep = { readonly kind: 'retry'; readonly at: Timestamp } | { readonly kind: 'give_up' };

/**
 * What follows a failed attempt. `attemptsMade` counts this one; `delaysMs` is the retry schedule
 * (default 5 s, 30 s, 120 s: 1 + 3 attempts in all), each delay counted from the end of the failed
 * attempt, so a receiver that timed out still gets the full pause before the next try.
 */
export function afterFailedAttempt(
  attemptsMade: number,
  delaysMs: readonly number[],
  failedAt: Timestamp,
): NextStep {
  const delay = attemptsMade >= 1 ? delaysMs[attemptsMade - 1] : undefined;
  return delay === undefined ? { kind: 'give_up' } : { kind: 'retry', at: addMs(failedAt, delay) };
}

/** Attempts a delivery gets in all under a schedule: the first plus one per delay. */
export function maxAttempts(delaysMs: readonly number[]): number {
  return 1 + delaysMs.length;
}
