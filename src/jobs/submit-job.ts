import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { badRequest } from '../domain/errors.ts';
import type { ScreeningPrincipal } from '../domain/principals.ts';
import { addMs, billingMonthOf, now, type Timestamp } from '../domain/time.ts';
import { addProgress } from '../queue/finish-job.ts';
import { notifyWork } from '../queue/work-notifications.ts';
import { signalWork } from '../queue/work-signal.ts';
import { inWriteTransaction } from '../queue/write-transaction.ts';
import type { Dialect } from '../store/database.ts';
import { insertJob, type NewJob } from '../store/jobs.repository.ts';
import type { Database } from '../store/schema.ts';
import { type IdempotentResponse, withIdempotency } from './idempotency.ts';
import { chargeQuota } from './quota.ts';
import { checkSubmission, EMPTY_CV, isBlankCv } from './semantic-rules.ts';
import type { SubmitInput, SubmitResponse } from './submission.ts';

export interface SubmitDeps {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** The engine that will score the job, shown as the job's `scoring` field. */
  readonly engineInfo: { readonly name: string; readonly version: string };
  readonly retentionMs: number;
  /** The SSRF guard: a client-facing reason to refuse the URL, or undefined to accept it. */
  readonly checkWebhookUrl: (url: string) => Promise<string | undefined>;
}

export interface SubmitOptions {
  readonly idempotencyKey?: string;
  readonly requestHash?: string;
  readonly at?: Timestamp;
}

export type SubmitResult = IdempotentResponse<SubmitResponse>;

/**
 * POST /api/v1/screen after type validation: the semantic 400s, the webhook URL guard, then one transaction
 * that charges the quota (429 when it would overshoot), stores the job and its candidates and, with an
 * Idempotency-Key, the response to replay. Blank CVs are accepted and fail on their own.
 */
export async function submitJob(
  deps: SubmitDeps,
  principal: ScreeningPrincipal,
  input: SubmitInput,
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const at = options.at ?? now();
  const request = {
    orgId: principal.orgId,
    key: options.idempotencyKey,
    requestHash: options.requestHash,
    input,
    at,
  };
  return withIdempotency<SubmitResponse>(deps.db, deps.dialect, request, async (recordResponse) => {
    checkSubmission(input);
    const webhookUrl = await acceptedWebhookUrl(input.webhook_url, deps.checkWebhookUrl);
    const job = newJob(deps, principal, input, webhookUrl, at);
    const response: SubmitResult = {
      statusCode: 200,
      body: {
        job_id: job.id,
        status: 'pending',
        total_candidates: job.candidates.length,
        expires_at: job.expiresAt,
      },
    };
    const refused = job.candidates.filter((c) => c.failure !== undefined).length;
    const queued = refused < job.candidates.length;
    await inWriteTransaction(deps.db, deps.dialect, async (tx) => {
      await chargeQuota(tx, {
        orgId: principal.orgId,
        keyId: principal.keyId,
        billingMonth: billingMonthOf(at),
        count: job.candidates.length,
      });
      await insertJob(tx, job);
      // A job of blank CVs only has nothing to queue: it completes here.
      await addProgress(tx, job.id, refused, at);
      await recordResponse(tx, response);
      if (queued && deps.dialect === 'postgres') await notifyWork(tx);
    });
    // PostgreSQL's notification reaches the workers of every process, this one's included (they listen);
    // SQLite's workers all live in this process.
    if (queued && deps.dialect === 'sqlite') signalWork();
    return response;
  });
}

async function acceptedWebhookUrl(
  url: string | null | undefined,
  check: SubmitDeps['checkWebhookUrl'],
): Promise<string | null> {
  if (url === undefined || url === null) return null;
  const refusal = await check(url);
  if (refusal !== undefined) throw badRequest(refusal);
  return url;
}

function newJob(
  deps: SubmitDeps,
  principal: ScreeningPrincipal,
  input: SubmitInput,
  webhookUrl: string | null,
  at: Timestamp,
): NewJob {
  return {
    id: randomUUID(),
    orgId: principal.orgId,
    keyId: principal.keyId,
    jobSpec: input.job_spec,
    webhookUrl,
    asOf: at.slice(0, 10),
    scoring: { engine: deps.engineInfo.name, version: deps.engineInfo.version },
    createdAt: at,
    expiresAt: addMs(at, deps.retentionMs),
    candidates: input.candidates.map((c) => ({
      candidateRef: c.candidate_ref,
      cvText: c.cv_text,
      ...(isBlankCv(c.cv_text) ? { failure: EMPTY_CV } : {}),
    })),
  };
}
