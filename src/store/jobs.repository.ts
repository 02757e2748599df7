import type { Kysely } from 'kysely';
import type { Timestamp } from '../domain/time.ts';
import { insertCandidates, type NewCandidate } from './candidates.repository.ts';
import { compiledQuery } from './compiled-query.ts';
import type { Database } from './schema.ts';
import type { JobStatus } from './tables/jobs.table.ts';
import type { DeliveryStatus } from './tables/webhook-deliveries.table.ts';

export type { JobStatus };

export interface NewJob {
  readonly id: string;
  readonly orgId: number;
  readonly keyId: number | null;
  readonly jobSpec: string;
  readonly webhookUrl: string | null;
  /** The date "present" in a CV resolves to: the submission date, so re-scoring is stable. */
  readonly asOf: string;
  readonly scoring: { readonly engine: string; readonly version: string };
  readonly createdAt: Timestamp;
  readonly expiresAt: Timestamp;
  readonly candidates: readonly NewCandidate[];
}

/** Inserts a pending job and its candidates. Candidates refused up front count as processed by the caller. */
export async function insertJob(tx: Kysely<Database>, job: NewJob): Promise<void> {
  await tx
    .insertInto('jobs')
    .values({
      id: job.id,
      org_id: job.orgId,
      key_id: job.keyId,
      status: 'pending',
      job_spec: job.jobSpec,
      webhook_url: job.webhookUrl,
      total_candidates: job.candidates.length,
      processed_candidates: 0,
      as_of: job.asOf,
      scoring_engine: job.scoring.engine,
      scoring_version: job.scoring.version,
      created_at: job.createdAt,
      completed_at: null,
      expires_at: job.expiresAt,
      purged_at: null,
    })
    .execute();
  await insertCandidates(tx, job.id, job.candidates);
}

export interface DeliveryState {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastStatusCode: number | null;
}

/** A job as its owner sees it, without spec or CVs. */
export interface JobRecord {
  readonly id: string;
  readonly orgId: number;
  readonly status: JobStatus;
  readonly hasWebhook: boolean;
  readonly totalCandidates: number;
  readonly processedCandidates: number;
  readonly scoring: { readonly engine: string; readonly version: string };
  readonly createdAt: Timestamp;
  readonly completedAt: Timestamp | null;
  readonly expiresAt: Timestamp;
  /** Set once the scheduler purged the job's content: the row is then a tombstone. */
  readonly purgedAt: Timestamp | null;
  /** The webhook delivery, once the job finished with a webhook_url. */
  readonly delivery: DeliveryState | null;
}

const selectJob = compiledQuery<{ jobId: string }>()((db, param) =>
  db
    .selectFrom('jobs')
    .leftJoin('webhook_deliveries as d', 'd.job_id', 'jobs.id')
    .select([
      'jobs.id',
      'jobs.org_id',
      'jobs.status',
      'jobs.webhook_url',
      'jobs.total_candidates',
      'jobs.processed_candidates',
      'jobs.scoring_engine',
      'jobs.scoring_version',
      'jobs.created_at',
      'jobs.completed_at',
      'jobs.expires_at',
      'jobs.purged_at',
      'd.status as delivery_status',
      'd.attempts as delivery_attempts',
      'd.last_status_code as delivery_last_status_code',
    ])
    .where('jobs.id', '=', param('jobId')),
);

/** Runs on every poll, so its query is compiled once (compiled-query.ts). */
export async function findJob(db: Kysely<Database>, jobId: string): Promise<JobRecord | undefined> {
  const [row] = await selectJob(db, { jobId });
  if (!row) return undefined;
  return {
    id: row.id,
    orgId: Number(row.org_id),
    status: row.status,
    hasWebhook: row.webhook_url !== null,
    totalCandidates: Number(row.total_candidates),
    processedCandidates: Number(row.processed_candidates),
    scoring: { engine: row.scoring_engine, version: row.scoring_version },
    createdAt: row.created_at as Timestamp,
    completedAt: row.completed_at as Timestamp | null,
    expiresAt: row.expires_at as Timestamp,
    purgedAt: row.purged_at as Timestamp | null,
    delivery:
      row.delivery_status === null
        ? null
        : {
            status: row.delivery_status,
            attempts: Number(row.delivery_attempts),
            lastStatusCode:
              row.delivery_last_status_code === null ? null : Number(row.delivery_last_status_code),
          },
  };
}

/** A job as listed for its organisation: ids, counts and times only, never spec or CVs. */
export interface JobSummary {
  readonly id: string;
  readonly status: JobStatus;
  readonly totalCandidates: number;
  readonly processedCandidates: number;
  readonly createdAt: Timestamp;
  readonly completedAt: Timestamp | null;
  readonly expiresAt: Timestamp;
  /** The API key that submitted it (its prefix, null if the key row is gone); null from the dashboard. */
  readonly submittedBy: { readonly keyId: number; readonly keyPrefix: string | null } | null;
}

/** Where a page of the listing starts: strictly after this job in newest-first order. */
export interface JobListPosition {
  readonly createdAt: Timestamp;
  readonly id: string;
}

export interface JobListQuery {
  readonly orgId: number;
  /** Jobs expiring at or before this instant are gone for their owner (410), so they are not listed. */
  readonly at: Timestamp;
  readonly after?: JobListPosition;
  readonly limit: number;
}

/**
 * One organisation's live jobs (not purged, not expired), newest first, a page at a time. Keyset paging on
 * (created_at, id): a job submitted while someone pages never shifts or repeats a row. Served by the
 * jobs_org_created index.
 */
export async function listLiveJobs(db: Kysely<Database>, query: JobListQuery): Promise<JobSummary[]> {
  const rows = await db
    .selectFrom('jobs')
    .leftJoin('api_keys as k', 'k.id', 'jobs.key_id')
    .select([
      'jobs.id',
      'jobs.status',
      'jobs.key_id',
      'k.key_prefix',
      'jobs.total_candidates',
      'jobs.processed_candidates',
      'jobs.created_at',
      'jobs.completed_at',
      'jobs.expires_at',
    ])
    .where('jobs.org_id', '=', query.orgId)
    .where('jobs.purged_at', 'is', null)
    .where('jobs.expires_at', '>', query.at)
    .$if(query.after !== undefined, (qb) => {
      const createdAt = query.after?.createdAt ?? '';
      const id = query.after?.id ?? '';
      return qb.where((eb) =>
        eb.or([
          eb('jobs.created_at', '<', createdAt),
          eb.and([eb('jobs.created_at', '=', createdAt), eb('jobs.id', '<', id)]),
        ]),
      );
    })
    .orderBy('jobs.created_at', 'desc')
    .orderBy('jobs.id', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    totalCandidates: Number(row.total_candidates),
    processedCandidates: Number(row.processed_candidates),
    createdAt: row.created_at as Timestamp,
    completedAt: row.completed_at as Timestamp | null,
    expiresAt: row.expires_at as Timestamp,
    submittedBy: row.key_id === null ? null : { keyId: Number(row.key_id), keyPrefix: row.key_prefix },
  }));
}
