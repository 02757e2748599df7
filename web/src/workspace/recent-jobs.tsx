import { formatDateTime, formatTimeLeft } from '../format.ts';
import type { RecentJob } from './recent-jobs-store.ts';

interface RecentJobsProps {
  readonly jobs: readonly RecentJob[];
  readonly current: string | undefined;
  readonly onOpen: (id: string) => void;
}

/** Jobs submitted from this browser, until their results expire on the server. */
export function RecentJobs({ jobs, current, onOpen }: RecentJobsProps) {
  return (
    <section class="panel" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent jobs</h2>
      {jobs.length === 0 ? (
        <p class="muted">Jobs you submit from this browser are listed here until their results expire.</p>
      ) : (
        <ul class="recent-jobs">
          {jobs.map((job) => (
            <li key={job.id}>
              <button
                type="button"
                class="link"
                aria-current={job.id === current ? 'true' : undefined}
                onClick={() => onOpen(job.id)}
              >
                {formatDateTime(job.createdAt)} · {job.candidates} candidate{job.candidates === 1 ? '' : 's'}
              </button>
              <span class="muted">
                {' '}
                expires {formatTimeLeft(job.expiresAt)} ({formatDateTime(job.expiresAt)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
