import type { Kysely } from 'kysely';
import type { EngineScore } from '../domain/candidate-result.ts';
import type { Timestamp } from '../domain/time.ts';
import { clampScore } from '../domain/verdict.ts';
import type { Dialect } from '../store/database.ts';
import { recordDecisions, type ScoredCandidate } from '../store/decisions.repository.ts';
import type { Database } from '../store/schema.ts';
import { addProgress } from './finish-job.ts';
import { inWriteTransaction } from './write-transaction.ts';

/** What the engine said about one leased candidate. */
export type CandidateOutcome =
  | { readonly position: number; readonly ok: true; readonly value: EngineScore }
  | { readonly position: number; readonly ok: false; readonly error: string };

export interface Completion {
  /** Candidates stored now; fewer than given when this worker lost some leases meanwhile. */
  readonly stored: number;
  /** Set when these were the job's last candidates: the status it ended with. */
  readonly finished?: 'complete' | 'failed';
}

/**
 * Stores a batch's outcomes (scored, or failed with the engine's reason) and advances the job, in one
 * transaction. Only rows this worker still leases are written: a worker whose lease expired and was taken
 * over by another worker changes nothing, so nothing is counted twice.
 */
export async function completeCandidates(
  db: Kysely<Database>,
  dialect: Dialect,
  workerId: string,
  jobId: string,
  outcomes: readonly CandidateOutcome[],
  at: Timestamp,
): Promise<Completion> {
  return inWriteTransaction(db, dialect, async (tx) => {
    let stored = 0;
    const decided: ScoredCandidate[] = [];
    for (const outcome of outcomes) {
      const result = await tx
        .updateTable('candidates')
        .set(outcome.ok ? scored(outcome.value) : { status: 'failed', error: outcome.error })
        .set({ locked_by: null, locked_until: null })
        .where('job_id', '=', jobId)
        .where('position', '=', outcome.position)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'leased')
        .executeTakeFirst();
      const updated = Number(result.numUpdatedRows);
      stored += updated;
      if (updated > 0 && outcome.ok) {
        decided.push({
          position: outcome.position,
          value: { ...outcome.value, score: clampScore(outcome.value.score) },
        });
      }
    }
    // Same transaction as the results: a candidate's decision is logged exactly when its result is stored.
    await recordDecisions(tx, jobId, decided, at);
    const finished = await addProgress(tx, jobId, stored, at);
    return finished === 'complete' || finished === 'failed' ? { stored, finished } : { stored };
  });
}

function scored(value: EngineScore) {
  const score = clampScore(value.score);
  return { status: 'scored' as const, score, result_json: JSON.stringify({ ...value, score }), error: null };
}
