import type { Kysely } from 'kysely';
import type { Timestamp } from '../domain/time.ts';
import type { Database } from '../store/schema.ts';
import type { JobStatus } from '../store/tables/jobs.table.ts';
import { SYSTEMIC_FAILURE } from './systemic-failure.ts';

/**
 * Counts `count` more candidates of a job as processed (scored or failed). The one whose count makes the job
 * whole ends it: status complete (or failed, see below), completed_at, and its webhook delivery row, all in
 * the caller's transaction. The increment locks the job row (PostgreSQL) or runs in the one SQLite writer,
 * so of two workers finishing the last two candidates at once exactly one sees the job whole.
 * Returns the status the job ended with, or undefined when it is still running.
 */
export async function addProgress(
  tx: Kysely<Database>,
  jobId: string,
  count: number,
  at: Timestamp,
): Promise<JobStatus | undefined> {
  if (count <= 0) return undefined;
  const job = await tx
    .updateTable('jobs')
    .set((eb) => ({ processed_candidates: eb('processed_candidates', '+', count) }))
    .where('id', '=', jobId)
    .returning(['processed_candidates', 'total_candidates', 'status', 'org_id', 'webhook_url'])
    .executeTakeFirst();
  if (!job || Number(job.processed_candidates) < Number(job.total_candidates)) return undefined;
  if (job.status === 'complete' || job.status === 'failed') return undefined;

  const status: JobStatus = (await failedSystemically(tx, jobId)) ? 'failed' : 'complete';
  await tx.updateTable('jobs').set({ status, completed_at: at }).where('id', '=', jobId).execute();
  if (job.webhook_url !== null)
    await tx
      .insertInto('webhook_deliveries')
      .values({
        id: `msg_${jobId}`,
        job_id: jobId,
        org_id: job.org_id,
        url: job.webhook_url,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        last_status_code: null,
        last_error: null,
        locked_by: null,
        locked_until: null,
        created_at: at,
        delivered_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  return status;
}

/** No candidate scored, and the engine (not the CVs) is why: the job as a whole failed. */
async function failedSystemically(tx: Kysely<Database>, jobId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('candidates')
    .select((eb) => [
      eb.fn
        .sum<number | string | null>(eb.case().when('status', '=', 'scored').then(1).else(0).end())
        .as('scored'),
      eb.fn
        .sum<number | string | null>(eb.case().when('error', '=', SYSTEMIC_FAILURE).then(1).else(0).end())
        .as('systemic'),
    ])
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  return Number(row?.scored ?? 0) === 0 && Number(row?.systemic ?? 0) > 0;
}
