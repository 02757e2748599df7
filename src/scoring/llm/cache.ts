import { createHash } from 'node:crypto';
import type { EngineScore } from '../../domain/candidate-result.ts';
import { type Timestamp, toTimestamp } from '../../domain/time.ts';

/**
 * Finished answers, keyed by everything that decides them, so re-screening the same CV for the same spec
 * with the same model and prompt costs no call and gives the identical result. An entry quotes the CV, so
 * it carries an expiry no later than the retention of the job that produced it. The service injects the
 * database-backed store (store/llm-cache.repository.ts) so every worker shares it; tests and `aptly eval`
 * use the in-memory one.
 */
export interface LlmAnswerCache {
  get(key: string, at: Timestamp): Promise<EngineScore | undefined>;
  put(key: string, value: EngineScore, expiresAt: Timestamp): Promise<void>;
}

export interface CacheKeyParts {
  readonly provider: string;
  readonly model: string;
  readonly promptVersion: string;
  readonly redact: boolean;
  readonly jobSpec: string;
  readonly cv: string;
}

/** A digest, never the text: the key itself must not hold a CV. */
export function cacheKey(parts: CacheKeyParts): string {
  const hash = createHash('sha256');
  for (const field of [parts.provider, parts.model, parts.promptVersion, parts.redact ? 'redacted' : 'raw'])
    hash.update(field).update('\0');
  hash.update(createHash('sha256').update(parts.jobSpec).digest('hex')).update('\0');
  hash.update(createHash('sha256').update(parts.cv).digest('hex'));
  return hash.digest('hex');
}

/**
 * The latest an entry may live: retention counted from the start of the job's submission day (`asOf` is
 * that day), which is never later than the job's own expiry; without a job, from now.
 */
export function cacheExpiry(asOf: string | undefined, now: Date, retentionMs: number): Timestamp {
  const from = asOf ? Date.parse(`${asOf}T00:00:00Z`) : now.getTime();
  const start = Number.isFinite(from) ? Math.min(from, now.getTime()) : now.getTime();
  return toTimestamp(new Date(start + retentionMs));
}

/** One process's cache, dropping entries past their expiry as they are read. */
export function createMemoryCache(): LlmAnswerCache & { readonly size: () => number } {
  const entries = new Map<string, { value: string; expiresAt: Timestamp }>();
  return {
    async get(key, at) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= at) {
        entries.delete(key);
        return undefined;
      }
      return JSON.parse(entry.value) as EngineScore;
    },
    async put(key, value, expiresAt) {
      if (!entries.has(key)) entries.set(key, { value: JSON.stringify(value), expiresAt });
    },
    size: () => entries.size,
  };
}
