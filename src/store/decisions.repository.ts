import type { Kysely } from 'kysely';
import type { EngineScore } from '../domain/candidate-result.ts';
import { type Decision, type DecisionRequirement, toDecisionRequirements } from '../domain/decision.ts';
import type { Timestamp } from '../domain/time.ts';
import { verdictForScore } from '../domain/verdict.ts';
import type { Database } from './schema.ts';

/** A candidate just scored, as the queue stored it. */
export interface ScoredCandidate {
  readonly position: number;
  readonly value: EngineScore;
}

/**
 * Logs the decisions for candidates of one job, inside the caller's transaction: the one that stores
 * their results, so a candidate is logged exactly when its result is stored. The unique (job_id,
 * position) makes a repeat a no-op.
 */
export async function recordDecisions(
  tx: Kysely<Database>,
  jobId: string,
  scored: readonly ScoredCandidate[],
  at: Timestamp,
): Promise<void> {
  if (scored.length === 0) return;
  const job = await tx
    .selectFrom('jobs')
    .select(['org_id', 'key_id', 'scoring_engine', 'scoring_version', 'created_at'])
    .where('id', '=', jobId)
    .executeTakeFirst();
  if (!job) return;
  const refs = await tx
    .selectFrom('candidates')
    .select(['position', 'candidate_ref'])
    .where('job_id', '=', jobId)
    .where(
      'position',
      'in',
      scored.map((s) => s.position),
    )
    .execute();
  const refAt = new Map(refs.map((r) => [r.position, r.candidate_ref]));
  const rows = scored.flatMap((s) => {
    const candidate_ref = refAt.get(s.position);
    if (candidate_ref === undefined) return [];
    return [
      {
        job_id: jobId,
        position: s.position,
        org_id: job.org_id,
        key_id: job.key_id,
        candidate_ref,
        score: s.value.score,
        verdict: verdictForScore(s.value.score),
        requirements_json: JSON.stringify(toDecisionRequirements(s.value.requirements)),
        engine: job.scoring_engine,
        engine_version: job.scoring_version,
        submitted_at: job.created_at,
        decided_at: at,
      },
    ];
  });
  if (rows.length === 0) return;
  await tx
    .insertInto('decisions')
    .values(rows)
    .onConflict((oc) => oc.columns(['job_id', 'position']).doNothing())
    .execute();
}

export interface DecisionQuery {
  readonly orgId: number;
  /** Decided at or after. */
  readonly since?: Timestamp;
  /** Decided before. */
  readonly until?: Timestamp;
  /** Only rows after this id (the previous page's cursor). */
  readonly afterId?: number;
  readonly limit: number;
}

/** One organisation's decisions in log order (id), a page at a time. */
export async function listDecisions(db: Kysely<Database>, query: DecisionQuery): Promise<Decision[]> {
  const rows = await db
    .selectFrom('decisions')
    .select([
      'id',
      'job_id',
      'org_id',
      'key_id',
      'candidate_ref',
      'score',
      'verdict',
      'requirements_json',
      'engine',
      'engine_version',
      'submitted_at',
      'decided_at',
    ])
    .where('org_id', '=', query.orgId)
    .$if(query.since !== undefined, (qb) => qb.where('decided_at', '>=', query.since ?? ''))
    .$if(query.until !== undefined, (qb) => qb.where('decided_at', '<', query.until ?? ''))
    .$if(query.afterId !== undefined, (qb) => qb.where('id', '>', query.afterId ?? 0))
    .orderBy('id')
    .limit(query.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    job_id: r.job_id,
    org_id: r.org_id,
    candidate_ref: r.candidate_ref,
    score: r.score,
    verdict: verdictForScore(r.score),
    requirements: JSON.parse(r.requirements_json) as DecisionRequirement[],
    engine: r.engine,
    engine_version: r.engine_version,
    key_id: r.key_id,
    submitted_at: r.submitted_at,
    decided_at: r.decided_at,
  }));
}

/** Deletes decisions made before the cutoff, at most `limit` of them; returns how many went. */
export async function deleteDecisionsBefore(
  tx: Kysely<Database>,
  cutoff: Timestamp,
  limit: number,
): Promise<number> {
  const old = tx.selectFrom('decisions').select('id').where('decided_at', '<', cutoff).limit(limit);
  const result = await tx.deleteFrom('decisions').where('id', 'in', old).executeTakeFirst();
  return Number(result.numDeletedRows);
}
