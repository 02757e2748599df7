import type { Kysely } from 'kysely';
import { addMs, type Timestamp } from '../domain/time.ts';
import type { Dialect } from '../store/database.ts';
import { deleteDecisionsBefore } from '../store/decisions.repository.ts';
import { deleteExpiredLlmAnswers } from '../store/llm-cache.repository.ts';
import type { Database } from '../store/schema.ts';
import { inWriteTransaction } from './write-transaction.ts';

/** Jobs per transaction: a backlog is purged in short transactions rather than one long one. */
const BATCH = 200;

/** How long a tombstone outlives its job's expiry (DESIGN.md §1, retention). */
export const TOMBSTONE_MS = 30 * 24 * 3_600_000;

/**
 * Deletes the content of every job past its expiry (CV text and results with the candidates, the job spec
 * and the webhook URL, also on its delivery row, where a URL may carry the client's token) and marks it
 * purged; a delivery still pending then will never be sent. The row stays as a tombstone so GET answers 410, not 404.
 * Safe in several processes at once (PostgreSQL rows are taken with SKIP LOCKED; a job is purged once).
 * Cached LLM answers past their expiry go too: they quote CVs. Returns how many jobs were purged.
 */
export async function purgeExpiredJobs(
  db: Kysely<Database>,
  dialect: Dialect,
  at: Timestamp,
): Promise<number> {
  await inWriteTransaction(db, dialect, (tx) => deleteExpiredLlmAnswers(tx, at));
  let total = 0;
  for (;;) {
    const purged = await inWriteTransaction(db, dialect, async (tx) => {
      const rows = await tx
        .selectFrom('jobs')
        .select('id')
        .where('expires_at', '<=', at)
        .where('purged_at', 'is', null)
        .orderBy('expires_at')
        .limit(BATCH)
        .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked())
        .execute();
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return 0;
      await tx.deleteFrom('candidates').where('job_id', 'in', ids).execute();
      await tx
        .updateTable('webhook_deliveries')
        .set({ url: '', locked_by: null, locked_until: null })
        .where('job_id', 'in', ids)
        .execute();
      await tx
        .updateTable('webhook_deliveries')
        .set({ status: 'failed', last_error: 'job expired before delivery' })
        .where('job_id', 'in', ids)
        .where('status', '=', 'pending')
        .execute();
      await tx
        .updateTable('jobs')
        .set({ job_spec: null, webhook_url: null, purged_at: at })
        .where('id', 'in', ids)
        .execute();
      return ids.length;
    });
    total += purged;
    if (purged < BATCH) return total;
  }
}

/** Removes tombstones 30 days after their job expired. Returns how many went. */
export async function deleteOldTombstones(
  db: Kysely<Database>,
  dialect: Dialect,
  at: Timestamp,
): Promise<number> {
  const cutoff = addMs(at, -TOMBSTONE_MS);
  return inWriteTransaction(db, dialect, async (tx) => {
    const old = tx
      .selectFrom('jobs')
      .select('id')
      .where('purged_at', 'is not', null)
      .where('expires_at', '<=', cutoff);
    await tx.deleteFrom('webhook_deliveries').where('job_id', 'in', old).execute();
    await tx.deleteFrom('candidates').where('job_id', 'in', old).execute();
    const result = await tx
      .deleteFrom('jobs')
      .where('purged_at', 'is not', null)
      .where('expires_at', '<=', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

/**
 * Deletes decision-log rows older than the decision log's horizon (APTLY_DECISION_LOG_DAYS), on their own
 * clock: the 72-hour job purge and the tombstone deletion leave them alone. Returns how many went.
 */
export async function purgeOldDecisions(
  db: Kysely<Database>,
  dialect: Dialect,
  at: Timestamp,
  decisionLogDays: number,
): Promise<number> {
  const cutoff = addMs(at, -decisionLogDays * 24 * 3_600_000);
  let total = 0;
  for (;;) {
    const deleted = await inWriteTransaction(db, dialect, (tx) =>
      deleteDecisionsBefore(tx, cutoff, BATCH * 5),
    );
    total += deleted;
    if (deleted < BATCH * 5) return total;
  }
}
