import type { Kysely } from 'kysely';
import { addMs, type Timestamp } from '../domain/time.ts';
import type { Dialect } from '../store/database.ts';
import type { Database } from '../store/schema.ts';
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
 * Leases up to `limit` candidates of the oldest job with work, or returns undefined when there is none.
 * PostgreSQL: rows are locked FOR UPDATE SKIP LOCKED, so concurrent workers on any number of connections
 * take disjoint items without waiting on each other. SQLite: the whole claim is one IMMEDIATE write
 * transaction, which writers take in turn. The job turns `processing` on its first claim.
 */
export async function claimCandidates(
  db: Kysely<Database>,
  dialect: Dialect,
  workerId: string,
  options: ClaimOptions,
): Promise<ClaimedBatch | undefined> {
  const { at, limit } = options;
  const claimable = isClaimable(at, options.maxAttempts ?? MAX_ATTEMPTS);
  const lockRows = dialect === 'postgres';
  return inWriteTransaction(db, dialect, async (tx) => {
    const first = await tx
      .selectFrom('candidates')
      .innerJoin('jobs', 'jobs.id', 'candidates.job_id')
      .select('candidates.job_id')
      .where(claimable)
      .where('jobs.expires_at', '>', at)
      .orderBy('jobs.created_at')
      .orderBy('candidates.job_id')
      .orderBy('candidates.position')
      .limit(1)
      .$if(lockRows, (qb) => qb.forUpdate('candidates').skipLocked())
      .executeTakeFirst();
    if (!first) return undefined;
    const jobId = first.job_id;

    const items = await tx
      .selectFrom('candidates')
      .select(['position', 'candidate_ref', 'cv_text'])
      .where('job_id', '=', jobId)
      .where(claimable)
      .orderBy('position')
      .limit(limit)
      .$if(lockRows, (qb) => qb.forUpdate().skipLocked())
      .execute();
    if (items.length === 0) return undefined;

    const lockedUntil = addMs(at, options.leaseMs);
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
    await tx
      .updateTable('jobs')
      .set({ status: 'processing' })
      .where('id', '=', jobId)
      .where('status', '=', 'pending')
      .execute();
    const job = await tx
      .selectFrom('jobs')
      .select(['job_spec', 'as_of'])
      .where('id', '=', jobId)
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
  });
}
