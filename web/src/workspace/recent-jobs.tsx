import type { JobListItem } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { formatDateTime, formatTimeLeft } from '../format.ts';
import type { RecentJobsControls, RecentJobsState } from './use-recent-jobs.ts';

interface RecentJobsProps {
  readonly recent: RecentJobsState;
  readonly controls: RecentJobsControls;
  readonly current: string | undefined;
  readonly onOpen: (id: string) => void;
}

const STATUS: Record<JobListItem['status'], string> = {
  pending: 'queued',
  processing: 'in progress',
  complete: 'complete',
  failed: 'failed',
};

/** Where a job came from: the workspace, or which API key (by prefix, never the key itself). */
function sourceOf(job: JobListItem): string {
  if (job.source === 'dashboard') return 'dashboard';
  return job.key_prefix ? `API key ${job.key_prefix}…` : 'API key';
}

/** The organisation's jobs, newest first, from every browser and the API, until their results expire. */
export function RecentJobs({ recent, controls, current, onOpen }: RecentJobsProps) {
  return (
    <section class="panel" aria-labelledby="recent-title" aria-busy={recent.loading}>
      <h2 id="recent-title">Recent jobs</h2>
      {recent.error && <Alert tone="error">{recent.error}</Alert>}
      {recent.jobs.length === 0 && !recent.loading && !recent.error ? (
        <p class="muted">
          Your organisation’s jobs, from this dashboard or the API, are listed here until their results
          expire.
        </p>
      ) : (
        <ul class="recent-jobs">
          {recent.jobs.map((job) => (
            <li key={job.job_id}>
              <button
                type="button"
                class="link"
                aria-current={job.job_id === current ? 'true' : undefined}
                onClick={() => onOpen(job.job_id)}
              >
                {formatDateTime(job.created_at)} · {job.total_candidates} candidate
                {job.total_candidates === 1 ? '' : 's'}
              </button>
              <span class="muted">
                {' '}
                {STATUS[job.status]} · {sourceOf(job)} · expires {formatTimeLeft(job.expires_at)} (
                {formatDateTime(job.expires_at)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="recent-jobs-actions">
        {recent.nextCursor && (
          <button
            type="button"
            class="link"
            disabled={recent.loading}
            onClick={() => void controls.loadOlder()}
          >
            Show older jobs
          </button>
        )}{' '}
        <button type="button" class="link" disabled={recent.loading} onClick={() => void controls.reload()}>
          Refresh
        </button>
      </p>
    </section>
  );
}
