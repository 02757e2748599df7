import type { CandidateResult, FailedCandidate } from '../domain/candidate-result.ts';
import type { JobOutcome } from '../store/job-results.repository.ts';
import type { JobStatus } from '../store/tables/jobs.table.ts';

/** The body of a webhook POST, exactly the reference's "Webhook payload". */
export interface WebhookPayload {
  readonly job_id: string;
  readonly status: JobStatus;
  /** Sorted by score, highest first (as GET /api/v1/jobs/{id} shows them). */
  readonly results: readonly CandidateResult[];
  readonly failed: readonly FailedCandidate[];
}

export function webhookPayload(jobId: string, status: JobStatus, outcome: JobOutcome): WebhookPayload {
  return { job_id: jobId, status, results: outcome.results, failed: outcome.failed };
}
