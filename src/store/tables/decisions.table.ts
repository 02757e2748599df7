import type { Generated } from 'kysely';

/**
 * The decision log (README "Decision log and audits"): one row per scored candidate, kept for
 * APTLY_DECISION_LOG_DAYS after the decision, well beyond the job's 72-hour purge, and so on purpose
 * without a foreign key to the job. It holds outcomes only: no CV text, no job spec, no evidence quotes.
 */
export interface DecisionsTable {
  /** Increasing with insertion: the export's cursor. */
  id: Generated<number>;
  job_id: string;
  /** The candidate's submission position in the job; with job_id, unique: a candidate is logged once. */
  position: number;
  org_id: number;
  /** Null for jobs submitted from the dashboard with a JWT. */
  key_id: number | null;
  candidate_ref: string;
  score: number;
  verdict: string;
  /** JSON array of {kind, label, importance, status}. */
  requirements_json: string;
  engine: string;
  engine_version: string;
  submitted_at: string;
  decided_at: string;
}
