import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config/config.ts';
import { now, type Timestamp } from '../domain/time.ts';
import type { ScoringEngine } from '../scoring/engine.ts';
import type { Store } from '../store/database.ts';
import { type ClaimedBatch, claimCandidates } from './claim-candidates.ts';
import { describeError, type QueueLogger } from './logger.ts';
import { releaseCandidates } from './release-leases.ts';
import { type BatchContext, runBatch } from './run-batch.ts';
import { MAX_ATTEMPTS } from './systemic-failure.ts';
import { listenForWork } from './work-notifications.ts';
import { pause, signalWork } from './work-signal.ts';

export interface WorkerOptions {
  readonly store: Store;
  /** The scoring pool in production: scoring never runs on the calling thread. */
  readonly engine: ScoringEngine;
  readonly config: Pick<Config, 'leaseMs' | 'pollIntervalMs'>;
  readonly logger: QueueLogger;
  readonly workerId?: string;
  /** Candidates per claim. */
  readonly batchSize?: number;
  /** Batches in progress at once: one can be stored while another is scored. */
  readonly concurrency?: number;
  readonly maxAttempts?: number;
  /** First pause after the engine failed a batch; doubles on each further failure, up to 30 s. */
  readonly backoffMs?: number;
  /** How long stop() lets an in-flight batch finish before giving its leases back. */
  readonly stopGraceMs?: number;
  readonly clock?: () => Timestamp;
}

export interface Worker {
  readonly id: string;
  /** Stops claiming, lets in-flight batches finish (or releases them after the grace), then resolves. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;

/** The worker: claims batches by lease, scores them with the engine, stores the outcomes; until stopped. */
export function startWorker(options: WorkerOptions): Worker {
  const { store, config, logger } = options;
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const clock = options.clock ?? now;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const stopping = new AbortController();
  const inFlight = new Map<string, ClaimedBatch>();
  let abandoned = false;
  // PostgreSQL: submissions in any process NOTIFY; this wakes idle loops as signalWork() does in-process.
  const notifications = store.dedicatedClient
    ? listenForWork({ connect: store.dedicatedClient, onWork: signalWork, logger })
    : undefined;

  const context: BatchContext = {
    store,
    engine: options.engine,
    logger,
    leaseMs: config.leaseMs,
    maxAttempts,
    clock,
    abandoned: () => abandoned,
  };

  async function loop(loopId: string): Promise<void> {
    let backoff = 0;
    while (!stopping.signal.aborted) {
      try {
        const batch = await claimCandidates(store.db, store.dialect, loopId, {
          limit: options.batchSize ?? 16,
          leaseMs: config.leaseMs,
          at: clock(),
          maxAttempts,
        });
        if (!batch) {
          await pause(config.pollIntervalMs, stopping.signal, true);
          continue;
        }
        if (abandoned) {
          // Claimed just as stop() gave up on in-flight work: hand it straight back.
          await releaseCandidates(store.db, store.dialect, loopId, batch.jobId, positionsOf(batch), {
            at: clock(),
            countAttempt: false,
          });
          return;
        }
        inFlight.set(loopId, batch);
        const result = await runBatch(context, loopId, batch).finally(() => inFlight.delete(loopId));
        backoff = result === 'engine_failed' ? nextBackoff(backoff, options.backoffMs ?? 1_000) : 0;
      } catch (error) {
        // Storage trouble: whatever this loop held comes back to the queue when its lease runs out.
        logger.error({ workerId: loopId, error: describeError(error) }, 'queue: storage error; retrying');
        backoff = nextBackoff(backoff, options.backoffMs ?? 1_000);
      }
      if (backoff > 0) await pause(backoff, stopping.signal, false);
    }
  }

  const loops = Array.from({ length: Math.max(1, options.concurrency ?? 2) }, (_, n) => loop(`${id}/${n}`));
  const allDone = Promise.all(loops).then(() => undefined);
  logger.info({ workerId: id, loops: loops.length }, 'queue: worker started');

  return {
    id,
    async stop() {
      stopping.abort();
      await notifications?.close();
      const finished = await settlesWithin(allDone, options.stopGraceMs ?? 10_000);
      if (!finished) {
        abandoned = true;
        for (const [loopId, batch] of inFlight) {
          await releaseCandidates(store.db, store.dialect, loopId, batch.jobId, positionsOf(batch), {
            at: clock(),
            countAttempt: false,
          }).catch((error: unknown) =>
            logger.error(
              { workerId: loopId, error: describeError(error) },
              'queue: could not release on stop',
            ),
          );
        }
      }
      logger.info({ workerId: id, graceful: finished }, 'queue: worker stopped');
    },
  };
}

function positionsOf(batch: ClaimedBatch): number[] {
  return batch.items.map((item) => item.position);
}

function nextBackoff(previous: number, first: number): number {
  return previous === 0 ? first : Math.min(MAX_BACKOFF_MS, previous * 2);
}

/** Resolves true when `work` settles within `ms`, false otherwise. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), expiry]);
  } finally {
    clearTimeout(timer);
  }
}
