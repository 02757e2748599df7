import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { CandidateStatus } from './tables/jobs.table.ts';

export interface NewCandidate {
  readonly candidateRef: string;
  readonly cvText: string;
  /** Set when the candidate is refused before scoring (blank CV): it is stored as failed, never queued. */
  readonly failure?: string;
}

/** Rows per INSERT: keeps every statement well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 100;

/** Stores a job's candidates as queue items, in submission order (position 0…). */
export async function insertCandidates(
  tx: Kysely<Database>,
  jobId: string,
  candidates: readonly NewCandidate[],
): Promise<void> {
  const rows = candidates.map((c, position) => ({
    job_id: jobId,
    position,
    candidate_ref: c.candidateRef,
    cv_text: c.cvText,
    status: (c.failure === undefined ? 'queued' : 'failed') as CandidateStatus,
    result_json: null,
    score: null,
    error: c.failure ?? null,
    locked_by: null,
    locked_until: null,
    attempts: 0,
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await tx
      .insertInto('candidates')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
}

export interface CandidateState {
  readonly position: number;
  readonly candidateRef: string;
  readonly status: CandidateStatus;
  readonly attempts: number;
  readonly lockedBy: string | null;
  readonly error: string | null;
}

/** Where each candidate of a job stands in the queue (operations and tests; no CV text, no results). */
export async function listCandidateStates(db: Kysely<Database>, jobId: string): Promise<CandidateState[]> {
  const rows = await db
    .selectFrom('candidates')
    .select(['position', 'candidate_ref', 'status', 'attempts', 'locked_by', 'error'])
    .where('job_id', '=', jobId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    position: Number(r.position),
    candidateRef: r.candidate_ref,
    status: r.status,
    attempts: Number(r.attempts),
    lockedBy: r.locked_by,
    error: r.error,
  }));
}

/** How many candidates of a job are in each status. */
export async function countCandidatesByStatus(
  db: Kysely<Database>,
  jobId: string,
): Promise<Record<CandidateStatus, number>> {
  const rows = await db
    .selectFrom('candidates')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .where('job_id', '=', jobId)
    .groupBy('status')
    .execute();
  const counts: Record<CandidateStatus, number> = { queued: 0, leased: 0, scored: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
