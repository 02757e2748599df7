import type { Kysely } from 'kysely';
import type { Timestamp } from '../domain/time.ts';
import type { Dialect } from '../store/database.ts';
import type { Database } from '../store/schema.ts';
import { addProgress } from './finish-job.ts';
import { MAX_ATTEMPTS, SYSTEMIC_FAILURE } from './systemic-failure.ts';
import { inWriteTransaction } from './write-transaction.ts';

/** Candidates per run: bounded so one transaction never grows large. */
const BATCH = 500;

/**
 * The lease reaper: a candidate whose lease ran out after `maxAttempts` claims (workers kept dying or
 * stalling on it) is never claimed again (see isClaimable); this fails it with the systemic error so its
 * job can still complete. Safe in several processes at once: each row is failed by one of them.
 * Returns how many candidates were failed.
 */
export async function failExhaustedLeases(
  db: Kysely<Database>,
  dialect: Dialect,
  at: Timestamp,
  maxAttempts = MAX_ATTEMPTS,
): Promise<number> {
  return inWriteTransaction(db, dialect, async (tx) => {
    const rows = await tx
      .selectFrom('candidates')
      .select(['job_id', 'position'])
      .where('status', '=', 'leased')
      .where('locked_until', '<=', at)
      .where('attempts', '>=', maxAttempts)
      .orderBy('job_id')
      .orderBy('position')
      .limit(BATCH)
      .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked())
      .execute();
    const perJob = new Map<string, number[]>();
    for (const r of rows) perJob.set(r.job_id, [...(perJob.get(r.job_id) ?? []), Number(r.position)]);
    let failed = 0;
    for (const [jobId, positions] of perJob) {
      const result = await tx
        .updateTable('candidates')
        .set({ status: 'failed', error: SYSTEMIC_FAILURE, locked_by: null, locked_until: null })
        .where('job_id', '=', jobId)
        .where('position', 'in', positions)
        .where('status', '=', 'leased')
        .executeTakeFirst();
      const n = Number(result.numUpdatedRows);
      failed += n;
      await addProgress(tx, jobId, n, at);
    }
    return failed;
  });
}
