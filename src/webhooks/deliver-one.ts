import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { parseTimestamp, type Timestamp } from '../domain/time.ts';
import { readJobOutcome } from '../store/job-results.repository.ts';
import type { Database } from '../store/schema.ts';
import {
  type ClaimedDelivery,
  dropExpiredDelivery,
  markDelivered,
  readDeliveryJob,
  recordFailedAttempt,
} from '../store/webhook-deliveries.repository.ts';
import { webhookPayload } from './payload.ts';
import { postWebhook } from './post-webhook.ts';
import { afterFailedAttempt } from './retry-schedule.ts';
import { signedWebhookHeaders } from './signing.ts';

export interface DeliveryContext {
  readonly db: Kysely<Database>;
  readonly workerId: string;
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly retryDelaysMs: readonly number[];
  readonly clock: () => Timestamp;
  readonly logger: Logger;
  /** Told each attempt's outcome (for /metrics), whether or not the lease still held to record it. */
  readonly onAttempt?: (outcome: AttemptOutcome) => void;
}

/** delivered: a 2xx; retry: failed with another attempt scheduled; failed: failed with none left. */
export type AttemptOutcome = 'delivered' | 'retry' | 'failed';

/**
 * One attempt at a leased delivery, and its outcome written back: delivered, or failed with the next
 * attempt scheduled (or none left). Logs name the delivery, job and receiving host only: never the full
 * URL (receivers put tokens in it), the payload or the secret.
 */
export async function deliverOne(context: DeliveryContext, delivery: ClaimedDelivery): Promise<void> {
  const { db, logger } = context;
  const lease = { id: delivery.id, workerId: context.workerId };
  const about = {
    delivery_id: delivery.id,
    job_id: delivery.jobId,
    org_id: delivery.orgId,
    host: hostOf(delivery.url),
  };

  const job = await readDeliveryJob(db, delivery.jobId);
  if (!job || job.expired) {
    await dropExpiredDelivery(db, lease);
    logger.warn(about, 'webhook dropped: the job has expired');
    return;
  }
  const outcome = await readJobOutcome(db, delivery.jobId);
  const body = JSON.stringify(webhookPayload(delivery.jobId, job.status, outcome));
  const headers = signedWebhookHeaders(job.webhookSecret, delivery.id, parseTimestamp(context.clock()), body);
  const result = await postWebhook(delivery.url, headers, body, {
    dispatcher: context.dispatcher,
    timeoutMs: context.timeoutMs,
  });
  const attempts = delivery.attempts + 1;
  const finishedAt = context.clock();

  if (result.delivered) {
    context.onAttempt?.('delivered');
    const kept = await markDelivered(db, lease, { attempts, statusCode: result.statusCode, at: finishedAt });
    if (kept) logger.info({ ...about, attempts, status_code: result.statusCode }, 'webhook delivered');
    else
      logger.warn({ ...about, attempts }, 'webhook delivered after its lease expired; outcome not recorded');
    return;
  }
  const next = afterFailedAttempt(attempts, context.retryDelaysMs, finishedAt);
  const nextAttemptAt = next.kind === 'retry' ? next.at : null;
  context.onAttempt?.(nextAttemptAt ? 'retry' : 'failed');
  const failure = { attempts, statusCode: result.statusCode, error: result.error, nextAttemptAt };
  const kept = await recordFailedAttempt(db, lease, failure);
  const details = { ...about, attempts, status_code: result.statusCode, error: result.error };
  if (!kept) logger.warn(details, 'webhook attempt failed after its lease expired; outcome not recorded');
  else if (nextAttemptAt)
    logger.warn({ ...details, next_attempt_at: nextAttemptAt }, 'webhook attempt failed');
  else logger.error(details, 'webhook failed: no attempts left');
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : 'invalid url';
}
