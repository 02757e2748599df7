import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * The 64-bit key of a PostgreSQL advisory lock, derived from a name: the same in every process and every
 * release (PostgreSQL's own hashtext is not promised to stay the same across major versions).
 */
export function advisoryLockKey(name: string): string {
  const digest = createHash('sha256').update(name).digest('hex');
  return BigInt.asIntN(64, BigInt(`0x${digest.slice(0, 16)}`)).toString();
}

/**
 * Runs `work` while `client` (a dedicated, not yet connected session) holds the session advisory lock
 * `name`: processes running this at once take turns. Should the process die, its session ends and
 * PostgreSQL releases the lock. The client is ended afterwards.
 */
export async function withAdvisoryLock<T>(
  client: pg.Client,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  // A connection lost meanwhile surfaces as the failing query; unhandled, the event would end the process.
  client.on('error', () => {});
  const key = advisoryLockKey(name);
  try {
    await client.connect();
    await client.query('select pg_advisory_lock($1::bigint)', [key]);
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1::bigint)', [key]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
