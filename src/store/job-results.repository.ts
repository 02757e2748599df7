import type { Kysely } from 'kysely';
import {
  type CandidateResult,
  type EngineScore,
  type FailedCandidate,
  toCandidateResult,
} from '../domain/candidate-result.ts';
import { rankResults } from '../domain/rank-results.ts';
import { compiledQuery } from './compiled-query.ts';
import type { Database } from './schema.ts';

export interface JobOutcome {
  /** Sorted by score, highest first; ties in submission order. */
  readonly results: CandidateResult[];
  /** In submission order. */
  readonly failed: FailedCandidate[];
}

/**
 * The results and failures of a job, as the contract shows them (GET /api/v1/jobs/{id} and the webhook
 * payload). Rows become domain objects here; nothing above this reads result_json.
 */
const selectOutcomeRows = compiledQuery<{ jobId: string }>()((db, param) =>
  db
    .selectFrom('candidates')
    .select(['position', 'candidate_ref', 'status', 'result_json', 'error'])
    .where('job_id', '=', param('jobId'))
    .where('status', 'in', ['scored', 'failed'])
    .orderBy('position'),
);

export async function readJobOutcome(db: Kysely<Database>, jobId: string): Promise<JobOutcome> {
  const rows = await selectOutcomeRows(db, { jobId });
  const scored: CandidateResult[] = [];
  const failed: FailedCandidate[] = [];
  for (const row of rows) {
    if (row.status === 'scored' && row.result_json !== null) {
      scored.push(toCandidateResult(row.candidate_ref, JSON.parse(row.result_json) as EngineScore));
    } else {
      failed.push({ candidate_ref: row.candidate_ref, error: row.error ?? 'could not be scored' });
    }
  }
  return { results: rankResults(scored), failed };
}
