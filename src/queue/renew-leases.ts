import type { Kysely } from 'kysely';
import type { Timestamp } from '../domain/time.ts';
import type { Dialect } from '../store/database.ts';
import type { Database } from '../store/schema.ts';
import { inWriteTransaction } from './write-transaction.ts';

/**
 * Extends this worker's leases on a batch that is taking long, so no other worker takes it over while it
 * is still being scored. Returns how many leases were still held.
 */
export async function renewLeases(
  db: Kysely<Database>,
  dialect: Dialect,
  workerId: string,
  jobId: string,
  positions: readonly number[],
  lockedUntil: Timestamp,
): Promise<number> {
  if (positions.length === 0) return 0;
  const result = await inWriteTransaction(db, dialect, (tx) =>
    tx
      .updateTable('candidates')
      .set({ locked_until: lockedUntil })
      .where('job_id', '=', jobId)
      .where('position', 'in', positions)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'leased')
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows);
}
