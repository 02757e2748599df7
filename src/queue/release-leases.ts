import type { Kysely } from 'kysely';
import type { Timestamp } from '../domain/time.ts';
import type { Dialect } from '../store/database.ts';
import type { Database } from '../store/schema.ts';
import { addProgress } from './finish-job.ts';
import { MAX_ATTEMPTS, SYSTEMIC_FAILURE } from './systemic-failure.ts';
import { inWriteTransaction } from './write-transaction.ts';

export interface ReleaseOptions {
  readonly at: Timestamp;
  readonly maxAttempts?: number;
  /**
   * False when the worker gives the batch back unscored because it is stopping: the claim then does not
   * count as an attempt and nothing is failed.
   */
  readonly countAttempt?: boolean;
}

export interface Release {
  /** Back in the queue for another try. */
  readonly requeued: number;
  /** Out of attempts: failed with the systemic error. */
  readonly failed: number;
}

/**
 * Gives leased candidates back when the engine failed on the batch as a whole (or the worker stops before
 * scoring it). A candidate already tried `maxAttempts` times is failed instead, with the systemic error,
 * and counted towards its job's completion; the rest return to the queue.
 */
export async function releaseCandidates(
  db: Kysely<Database>,
  dialect: Dialect,
  workerId: string,
  jobId: string,
  positions: readonly number[],
  options: ReleaseOptions,
): Promise<Release> {
  if (positions.length === 0) return { requeued: 0, failed: 0 };
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  return inWriteTransaction(db, dialect, async (tx) => {
    const held = tx
      .updateTable('candidates')
      .where('job_id', '=', jobId)
      .where('position', 'in', positions)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'leased');
    if (options.countAttempt === false) {
      const requeued = await held
        .set((eb) => ({
          status: 'queued',
          locked_by: null,
          locked_until: null,
          attempts: eb('attempts', '-', 1),
        }))
        .executeTakeFirst();
      return { requeued: Number(requeued.numUpdatedRows), failed: 0 };
    }
    const failed = await held
      .set({ status: 'failed', error: SYSTEMIC_FAILURE, locked_by: null, locked_until: null })
      .where('attempts', '>=', maxAttempts)
      .executeTakeFirst();
    const requeued = await held
      .set({ status: 'queued', locked_by: null, locked_until: null })
      .executeTakeFirst();
    await addProgress(tx, jobId, Number(failed.numUpdatedRows), options.at);
    return { requeued: Number(requeued.numUpdatedRows), failed: Number(failed.numUpdatedRows) };
  });
}
