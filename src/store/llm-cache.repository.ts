import type { Kysely } from 'kysely';
import type { EngineScore } from '../domain/candidate-result.ts';
import { now, type Timestamp } from '../domain/time.ts';
import type { LlmAnswerCache } from '../scoring/llm/cache.ts';
import type { Database } from './schema.ts';

/** The answer under `key` unless it expired (the purge may not have run yet). */
export async function readLlmAnswer(
  db: Kysely<Database>,
  key: string,
  at: Timestamp,
): Promise<EngineScore | undefined> {
  const row = await db
    .selectFrom('llm_cache')
    .select('value')
    .where('key', '=', key)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as EngineScore) : undefined;
}

/**
 * Stores an answer; of two workers answering the same key at once the first write stays (both answers
 * come from the same deterministic call). An expired row left under the key is replaced.
 */
export async function writeLlmAnswer(
  db: Kysely<Database>,
  key: string,
  value: EngineScore,
  expiresAt: Timestamp,
  at: Timestamp = now(),
): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('llm_cache')
    .values({ key, value: json, created_at: at, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value: json, created_at: at, expires_at: expiresAt })
        .where('llm_cache.expires_at', '<=', at),
    )
    .execute();
}

/** Deletes every answer past its expiry; returns how many went. */
export async function deleteExpiredLlmAnswers(db: Kysely<Database>, at: Timestamp): Promise<number> {
  const result = await db.deleteFrom('llm_cache').where('expires_at', '<=', at).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The cache the LLM engine is given in the service: one table every worker shares. */
export function databaseLlmCache(db: Kysely<Database>): LlmAnswerCache {
  return {
    get: (key, at) => readLlmAnswer(db, key, at),
    put: (key, value, expiresAt) => writeLlmAnswer(db, key, value, expiresAt),
  };
}
