import type { Kysely } from 'kysely';
import { organisationOf } from '../accounts/member-access.ts';
import { splitPage } from '../domain/page.ts';
import type { UserPrincipal } from '../domain/principals.ts';
import type { Timestamp } from '../domain/time.ts';
import { type JobListPosition, type JobSummary, listLiveJobs } from '../store/jobs.repository.ts';
import type { Database } from '../store/schema.ts';
import { encodeJobCursor } from './job-list-cursor.ts';

export interface JobListPageQuery {
  /** Decoded from the previous page's next_cursor (job-list-cursor.ts). */
  readonly cursor?: JobListPosition;
  readonly limit: number;
}

/** One listed job, in the API's field order: ids, counts and times, never the spec or a CV. */
export interface JobListItem {
  readonly job_id: string;
  readonly status: JobSummary['status'];
  readonly total_candidates: number;
  readonly processed_candidates: number;
  readonly created_at: string;
  readonly expires_at: string;
  readonly completed_at: string | null;
  readonly source: 'api_key' | 'dashboard';
  /** The submitting key's prefix; null for a dashboard job. */
  readonly key_prefix: string | null;
}

export interface JobListPage {
  readonly jobs: JobListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly next_cursor: string | null;
}

/** GET /api/v1/jobs: the user's organisation's jobs until they expire, newest first, a page at a time. */
export async function pageJobs(
  db: Kysely<Database>,
  user: UserPrincipal,
  query: JobListPageQuery,
  at: Timestamp,
): Promise<JobListPage> {
  const orgId = organisationOf(user);
  // One row more than asked tells whether another page follows (splitPage), without a count.
  const rows = await listLiveJobs(db, {
    orgId,
    at,
    limit: query.limit + 1,
    ...(query.cursor ? { after: query.cursor } : {}),
  });
  const { page, lastBeforeMore } = splitPage(rows, query.limit);
  return {
    jobs: page.map(toListItem),
    next_cursor: lastBeforeMore ? encodeJobCursor(lastBeforeMore) : null,
  };
}

function toListItem(job: JobSummary): JobListItem {
  return {
    job_id: job.id,
    status: job.status,
    total_candidates: job.totalCandidates,
    processed_candidates: job.processedCandidates,
    created_at: job.createdAt,
    expires_at: job.expiresAt,
    completed_at: job.completedAt,
    source: job.submittedBy ? 'api_key' : 'dashboard',
    key_prefix: job.submittedBy?.keyPrefix ?? null,
  };
}
