import type { Kysely } from 'kysely';
import { addMs, type Timestamp } from '../domain/time.ts';
import type { Dialect } from '../store/database.ts';
import type { Database } from '../store/schema.ts';
import { claimOrder } from './claim-order.ts';
import { isClaimable } from './claimable.ts';
import { MAX_ATTEMPTS } from './systemic-failure.ts';
import { inWriteTransaction } from './write-transaction.ts';

export interface ClaimOptions {
  readonly limit: number;
  readonly leaseMs: number;
  readonly at: Timestamp;
  readonly maxAttempts?: number;
}

export interface ClaimedItem {
  readonly position: number;
  readonly candidateRef: string;
  readonly cvText: string;
}

/** Candidates of ONE job, leased to one worker: the spec is parsed once for the whole batch. */
export interface ClaimedBatch {
  readonly jobId: string;
  readonly jobSpec: string;
  readonly asOf: string;
  readonly items: readonly ClaimedItem[];
  readonly lockedUntil: Timestamp;
}

/**
 * Leases up to `limit` candidates of one job, chosen fairly between organisations (claim-order.ts), or
 * returns undefined when there is no work. PostgreSQL: rows are locked FOR UPDATE SKIP LOCKED, so
 * concurrent workers on any number of connections take disjoint items without waiting on each other; a job
 * whose remaining rows another claim holds is passed over for the next. SQLite: the whole claim is one
 * IMMEDIATE write transaction, which writers take in turn. The job turns `processing` on its first claim.
 */
export async function claimCandidates(
  db: Kysely<Database>,
  dialect: Dialect,
  workerId: string,
  options: ClaimOptions,
): Promise<ClaimedBatch | undefined> {
  const { at, limit } = options;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const lockRows = dialect === 'postgres';
  return inWriteTransaction(db, dialect, async (tx) => {
    for (const jobId of await claimOrder(tx, at, maxAttempts)) {
      const items = await tx
        .selectFrom('candidates')
        .select(['position', 'candidate_ref', 'cv_text'])
        .where('job_id', '=', jobId)
        .where(isClaimable(at, maxAttempts))
        .orderBy('position')
        .limit(limit)
        .$if(lockRows, (qb) => qb.forUpdate().skipLocked())
        .execute();
      if (items.length > 0) return lease(tx, workerId, jobId, items, addMs(at, options.leaseMs), at);
    }
    return undefined;
  });
}

interface ClaimableRow {
  readonly position: number;
  readonly candidate_ref: string;
  readonly cv_text: string | null;
}

async function lease(
  tx: Kysely<Database>,
  workerId: string,
  jobId: string,
  items: readonly ClaimableRow[],
  lockedUntil: Timestamp,
  at: Timestamp,
): Promise<ClaimedBatch> {
  await tx
    .updateTable('candidates')
    .set((eb) => ({
      status: 'leased',
      locked_by: workerId,
      locked_until: lockedUntil,
      attempts: eb('attempts', '+', 1),
    }))
    .where('job_id', '=', jobId)
    .where(
      'position',
      'in',
      items.map((i) => i.position),
    )
    .execute();
  // A job with claimable candidates is pending or processing: its last candidates are not processed yet.
  const job = await tx
    .updateTable('jobs')
    .set({ status: 'processing', last_claimed_at: at })
    .where('id', '=', jobId)
    .returning(['job_spec', 'as_of'])
    .executeTakeFirstOrThrow();
  return {
    jobId,
    jobSpec: job.job_spec ?? '',
    asOf: job.as_of,
    lockedUntil,
    items: items.map((i) => ({
      position: Number(i.position),
      candidateRef: i.candidate_ref,
      cvText: i.cv_text ?? '',
    })),
  };
}
