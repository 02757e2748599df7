import type { Kysely } from 'kysely';
import { addMs, type Timestamp } from '../domain/time.ts';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';
import type { JobStatus } from './tables/jobs.table.ts';
import type { DeliveryStatus } from './tables/webhook-deliveries.table.ts';

/** The Standard Webhooks `webhook-id` of a job's delivery: the same on every attempt. */
export function deliveryIdOf(jobId: string): string {
  return `msg_${jobId}`;
}

export interface NewDelivery {
  readonly jobId: string;
  readonly orgId: number;
  readonly url: string;
  readonly at: Timestamp;
}

/**
 * Queues the delivery of a finished job, due at once. Call it in the transaction that completes the job;
 * a second call for the same job changes nothing, so a job is delivered once.
 */
export async function enqueueWebhookDelivery(db: Kysely<Database>, delivery: NewDelivery): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      id: deliveryIdOf(delivery.jobId),
      job_id: delivery.jobId,
      org_id: delivery.orgId,
      url: delivery.url,
      status: 'pending',
      attempts: 0,
      next_attempt_at: delivery.at,
      created_at: delivery.at,
    })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** A delivery leased to one sender for one attempt. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly jobId: string;
  readonly orgId: number;
  readonly url: string;
  /** Attempts made before this one. */
  readonly attempts: number;
}

export interface ClaimOptions {
  readonly dialect: Dialect;
  readonly workerId: string;
  readonly now: Timestamp;
  /** Longer than an attempt can take: a sender that dies loses only this lease. */
  readonly leaseMs: number;
  readonly limit: number;
}

/**
 * Leases up to `limit` due deliveries (pending, next attempt reached, lease free or expired). PostgreSQL:
 * the due rows are locked with SKIP LOCKED and leased in one transaction, so concurrent senders never wait
 * for or take each other's rows (a single UPDATE … IN (SELECT … LIMIT … SKIP LOCKED) is no good there: the
 * planner may rescan the subquery and lease more than `limit`). SQLite: one UPDATE statement, which is one
 * write transaction.
 */
export async function claimDueDeliveries(
  db: Kysely<Database>,
  options: ClaimOptions,
): Promise<ClaimedDelivery[]> {
  if (options.dialect === 'sqlite') return lease(db, options, dueIds(db, options));
  return db.transaction().execute(async (trx) => {
    const rows = await dueIds(trx, options).forUpdate().skipLocked().execute();
    return rows.length === 0
      ? []
      : lease(
          trx,
          options,
          rows.map((row) => row.id),
        );
  });
}

function dueIds(db: Kysely<Database>, options: ClaimOptions) {
  return db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', options.now)
    .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', options.now)]))
    .orderBy('next_attempt_at')
    .limit(options.limit);
}

async function lease(
  db: Kysely<Database>,
  options: ClaimOptions,
  ids: readonly string[] | ReturnType<typeof dueIds>,
): Promise<ClaimedDelivery[]> {
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ locked_by: options.workerId, locked_until: addMs(options.now, options.leaseMs) })
    .where('id', 'in', ids)
    .returning(['id', 'job_id', 'org_id', 'url', 'attempts'])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    jobId: row.job_id,
    orgId: row.org_id,
    url: row.url,
    attempts: row.attempts,
  }));
}

/** When the earliest pending, unleased delivery falls due (possibly already past); undefined if none. */
export async function nextDueAt(db: Kysely<Database>, now: Timestamp): Promise<Timestamp | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('due'))
    .where('status', '=', 'pending')
    .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', now)]))
    .executeTakeFirst();
  return (row?.due ?? undefined) as Timestamp | undefined;
}

/** What an attempt needs from the job and its organisation. */
export interface DeliveryJob {
  readonly status: JobStatus;
  /** Purged by retention: there is nothing left to deliver. */
  readonly expired: boolean;
  readonly webhookSecret: string;
}

export async function readDeliveryJob(db: Kysely<Database>, jobId: string): Promise<DeliveryJob | undefined> {
  const row = await db
    .selectFrom('jobs')
    .innerJoin('organisations', 'organisations.id', 'jobs.org_id')
    .select(['jobs.status', 'jobs.job_spec', 'jobs.purged_at', 'organisations.webhook_secret'])
    .where('jobs.id', '=', jobId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    status: row.status,
    expired: row.job_spec === null || row.purged_at !== null,
    webhookSecret: row.webhook_secret,
  };
}

/** Identifies a leased delivery: updates apply only while `workerId` still holds the lease. */
export interface LeasedDelivery {
  readonly id: string;
  readonly workerId: string;
}

const released = { locked_by: null, locked_until: null } as const;

/** Returns false when the lease was lost (expired and taken by another sender): nothing is written. */
export async function markDelivered(
  db: Kysely<Database>,
  lease: LeasedDelivery,
  outcome: { readonly attempts: number; readonly statusCode: number; readonly at: Timestamp },
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      ...released,
      status: 'delivered',
      attempts: outcome.attempts,
      last_status_code: outcome.statusCode,
      last_error: null,
      delivered_at: outcome.at,
    })
    .where('id', '=', lease.id)
    .where('locked_by', '=', lease.workerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface FailedAttempt {
  readonly attempts: number;
  /** Null when no response came (timeout, connection error, address refused). */
  readonly statusCode: number | null;
  /** A few words, no URL, payload or secret. */
  readonly error: string;
  /** When to try again; null when the schedule is exhausted and the delivery has failed. */
  readonly nextAttemptAt: Timestamp | null;
}

const MAX_ERROR_LENGTH = 300;

/** Records a failed attempt and either schedules the next one or marks the delivery failed. */
export async function recordFailedAttempt(
  db: Kysely<Database>,
  lease: LeasedDelivery,
  attempt: FailedAttempt,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      ...released,
      attempts: attempt.attempts,
      last_status_code: attempt.statusCode,
      last_error: attempt.error.slice(0, MAX_ERROR_LENGTH),
      ...(attempt.nextAttemptAt === null
        ? { status: 'failed' as const }
        : { next_attempt_at: attempt.nextAttemptAt }),
    })
    .where('id', '=', lease.id)
    .where('locked_by', '=', lease.workerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A purged job has nothing left to send: its delivery fails without an attempt. */
export async function dropExpiredDelivery(db: Kysely<Database>, lease: LeasedDelivery): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ ...released, status: 'failed', last_error: 'job expired' })
    .where('id', '=', lease.id)
    .where('locked_by', '=', lease.workerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The job's additive `webhook` field (DESIGN.md §1). */
export interface WebhookDeliveryStatus {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly last_status_code: number | null;
}

/** Null when the job has no webhook delivery (no webhook_url, or not finished yet). */
export async function getDeliveryStatus(
  db: Kysely<Database>,
  jobId: string,
): Promise<WebhookDeliveryStatus | null> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select(['status', 'attempts', 'last_status_code'])
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  return row ? { status: row.status, attempts: row.attempts, last_status_code: row.last_status_code } : null;
}
