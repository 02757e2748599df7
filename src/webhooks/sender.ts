import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { now, type Timestamp } from '../domain/time.ts';
import type { Store } from '../store/database.ts';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  nextDueAt,
} from '../store/webhook-deliveries.repository.ts';
import { type AttemptOutcome, type DeliveryContext, deliverOne } from './deliver-one.ts';
import { createGuardedAgent } from './guarded-agent.ts';
import type { ResolveHost } from './resolve-host.ts';
import { createWakeSignal } from './wake-signal.ts';

export interface WebhookSenderOptions {
  readonly store: Store;
  readonly config: Config;
  readonly logger: Logger;
  /** Names this sender's leases; unique per process by default. */
  readonly workerId?: string;
  /** Tests move time by hand; the default is the real clock. */
  readonly clock?: () => Timestamp;
  /** Tests resolve names without DNS; the default is the system resolver. */
  readonly resolve?: ResolveHost;
  readonly pollIntervalMs?: number;
  readonly maxInFlight?: number;
  /** Told each attempt's outcome: the composition root counts them for /metrics. */
  readonly onAttempt?: (outcome: AttemptOutcome) => void;
}

export interface WebhookSender {
  /**
   * Stops claiming, lets attempts in flight finish (each bounded by the webhook timeout) and record their
   * outcome, closes sockets. Calling it again waits for the same stop.
   */
  stop(): Promise<void>;
  /** Looks for due deliveries now rather than at the next poll (a job just completed). */
  kick(): void;
}

const DEFAULT_POLL_INTERVAL_MS = 250;
const DEFAULT_MAX_IN_FLIGHT = 16;
/** A lease outlives the longest attempt by this much, so it only expires when its sender has died. */
const LEASE_MARGIN_MS = 30_000;
const MIN_PAUSE_MS = 5;

/**
 * Delivers webhooks from the durable deliveries table: claims due rows by lease, attempts each, writes the
 * outcome back. Any number of senders, in any number of processes, share the table; a sender that dies
 * loses only its leases, and a restarted process carries on from the rows (none lost, none delivered twice
 * once recorded as delivered). Sleeps until the next delivery falls due, at most one poll interval.
 */
export function startWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { store, config, logger } = options;
  const clock = options.clock ?? now;
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const workerId = options.workerId ?? `webhooks-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const agent = createGuardedAgent({
    allowPrivate: config.webhook.allowPrivate,
    connectTimeoutMs: config.webhook.timeoutMs,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  const context: DeliveryContext = {
    db: store.db,
    workerId,
    dispatcher: agent,
    timeoutMs: config.webhook.timeoutMs,
    retryDelaysMs: config.webhook.retryDelaysMs,
    clock,
    logger,
    ...(options.onAttempt ? { onAttempt: options.onAttempt } : {}),
  };
  const wake = createWakeSignal();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  function attempt(delivery: ClaimedDelivery): void {
    const running = deliverOne(context, delivery)
      .catch((error: unknown) => {
        // The lease expires and another round retries it; the error is surfaced, never the payload.
        logger.error(
          {
            delivery_id: delivery.id,
            job_id: delivery.jobId,
            org_id: delivery.orgId,
            error: describe(error),
          },
          'webhook attempt could not be recorded',
        );
      })
      .finally(() => {
        inFlight.delete(running);
        wake.wake();
      });
    inFlight.add(running);
  }

  /** Claims what is due and returns how long to pause before the next round. */
  async function round(): Promise<number> {
    const capacity = maxInFlight - inFlight.size;
    if (capacity <= 0) return pollMs; // a finishing attempt wakes the loop
    const claimed = await claimDueDeliveries(store.db, {
      dialect: store.dialect,
      workerId,
      now: clock(),
      leaseMs: config.webhook.timeoutMs + LEASE_MARGIN_MS,
      limit: capacity,
    });
    for (const delivery of claimed) attempt(delivery);
    const at = clock();
    const due = await nextDueAt(store.db, at);
    if (due === undefined) return pollMs;
    return Math.min(pollMs, Math.max(MIN_PAUSE_MS, Date.parse(due) - Date.parse(at)));
  }

  const loop = (async () => {
    while (!stopping) {
      const pause = await round().catch((error: unknown) => {
        logger.error({ error: describe(error) }, 'webhook sender round failed; retrying');
        return pollMs;
      });
      if (!stopping) await wake.sleep(pause);
    }
  })();

  let stopped: Promise<void> | undefined;
  return {
    kick: () => wake.wake(),
    stop() {
      stopped ??= (async () => {
        stopping = true;
        wake.wake();
        await loop;
        await Promise.all([...inFlight]);
        await agent.close();
      })();
      return stopped;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}
