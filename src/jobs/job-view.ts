import type { CandidateResult, FailedCandidate } from '../domain/candidate-result.ts';
import type { JobOutcome } from '../store/job-results.repository.ts';
import type { JobRecord, JobStatus } from '../store/jobs.repository.ts';
import type { DeliveryStatus } from '../store/tables/webhook-deliveries.table.ts';

export interface WebhookView {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly last_status_code: number | null;
}

/** GET /api/v1/jobs/{job_id}: the documented fields in the documented order, then the additive ones. */
export interface JobView {
  readonly job_id: string;
  readonly status: JobStatus;
  readonly total_candidates: number;
  readonly processed_candidates: number;
  readonly created_at: string;
  readonly completed_at: string | null;
  readonly expires_at: string;
  /** Only once the job is complete or failed. */
  readonly results?: CandidateResult[];
  readonly failed?: FailedCandidate[];
  readonly scoring: { readonly engine: string; readonly version: string };
  /** Null when the job has no webhook_url. */
  readonly webhook: WebhookView | null;
}

export function isTerminal(status: JobStatus): boolean {
  return status === 'complete' || status === 'failed';
}

/** `outcome` is read only for terminal jobs; results and failed appear exactly then. */
export function toJobView(job: JobRecord, outcome: JobOutcome | undefined): JobView {
  return {
    job_id: job.id,
    status: job.status,
    total_candidates: job.totalCandidates,
    processed_candidates: job.processedCandidates,
    created_at: job.createdAt,
    completed_at: job.completedAt,
    expires_at: job.expiresAt,
    ...(outcome && isTerminal(job.status) ? { results: outcome.results, failed: outcome.failed } : {}),
    scoring: { engine: job.scoring.engine, version: job.scoring.version },
    webhook: webhookView(job),
  };
}

function webhookView(job: JobRecord): WebhookView | null {
  if (job.delivery)
    return {
      status: job.delivery.status,
      attempts: job.delivery.attempts,
      last_status_code: job.delivery.lastStatusCode,
    };
  // The delivery row is created when the job finishes; until then it is simply still to come.
  return job.hasWebhook ? { status: 'pending', attempts: 0, last_status_code: null } : null;
}
