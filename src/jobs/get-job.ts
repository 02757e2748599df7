import type { Kysely } from 'kysely';
import { gone, notFound } from '../domain/errors.ts';
import type { ScreeningPrincipal } from '../domain/principals.ts';
import type { Timestamp } from '../domain/time.ts';
import { readJobOutcome } from '../store/job-results.repository.ts';
import { findJob, type JobRecord } from '../store/jobs.repository.ts';
import type { Database } from '../store/schema.ts';
import { isTerminal, type JobView, toJobView } from './job-view.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/v1/jobs/{job_id}. Another organisation's job answers 404 exactly like a missing one; an expired
 * or purged job answers 410 (its tombstone tells it from one that never existed).
 */
export async function getJob(
  db: Kysely<Database>,
  principal: ScreeningPrincipal,
  jobId: string,
  at: Timestamp,
): Promise<JobView> {
  if (!UUID.test(jobId)) throw notFound('Job not found');
  const job = await findJob(db, jobId.toLowerCase());
  if (!job || job.orgId !== principal.orgId) throw notFound('Job not found');
  if (job.purgedAt !== null || at >= job.expiresAt) throw expired(job);
  const outcome = isTerminal(job.status) ? await readJobOutcome(db, job.id) : undefined;
  return toJobView(job, outcome);
}

/** The documented 410, naming the retention this job was actually given (72 h unless configured). */
function expired(job: JobRecord): Error {
  const retention = describeRetention(Date.parse(job.expiresAt) - Date.parse(job.createdAt));
  return gone(`Results have expired. Jobs are retained for ${retention} from submission.`);
}

/** "72 hours", "1 hour", "1.5 hours"; a retention under an hour (tests, trials) in minutes or seconds. */
export function describeRetention(ms: number): string {
  const unit = (value: number, name: string) => `${value} ${value === 1 ? name : `${name}s`}`;
  if (ms >= 3_600_000) return unit(Number((ms / 3_600_000).toFixed(2)), 'hour');
  if (ms >= 60_000) return unit(Number((ms / 60_000).toFixed(1)), 'minute');
  return unit(Number((ms / 1000).toFixed(1)), 'second');
}
