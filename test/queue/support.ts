import type { Kysely } from 'kysely';
import { pino } from 'pino';
import type { Database } from '../../src/store/schema.ts';

export const silentLogger = pino({ level: 'silent' });

/** Tests of the queue share one database per dialect; each starts from an empty queue. */
export async function clearJobs(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('webhook_deliveries').execute();
  await db.deleteFrom('candidates').execute();
  await db.deleteFrom('jobs').execute();
}

/** Polls `check` until it returns true, failing after `timeoutMs`. */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
