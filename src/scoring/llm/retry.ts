import { APICallError } from 'ai';

/**
 * Retries a call that failed for a passing reason (429, 5xx, timeout, refused connection) with exponential
 * backoff and jitter, waiting at least what the provider's Retry-After (or retry-after-ms) asks, up to a
 * ceiling. Any other error is thrown at once.
 */
export interface RetryPolicy {
  readonly retries: number;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export async function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  isTransient: (error: unknown) => boolean,
): Promise<T> {
  const sleep = policy.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.retries || !isTransient(error)) throw error;
      await sleep(retryDelayMs(error, attempt, policy));
    }
  }
}

export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy): number {
  const backoff = policy.baseMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
  const asked = retryAfterMs(error);
  return Math.min(policy.maxMs, Math.max(backoff, asked ?? 0));
}

/** Retry-After in seconds or as an HTTP date, or OpenAI's retry-after-ms. */
export function retryAfterMs(error: unknown, nowMs = Date.now()): number | undefined {
  if (!APICallError.isInstance(error)) return undefined;
  const headers = error.responseHeaders ?? {};
  const ms = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : undefined;
}
