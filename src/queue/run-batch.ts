import { addMs, type Timestamp } from '../domain/time.ts';
import type { ScoringEngine } from '../scoring/engine.ts';
import type { Store } from '../store/database.ts';
import type { ClaimedBatch } from './claim-candidates.ts';
import { type CandidateOutcome, completeCandidates } from './complete-candidates.ts';
import { describeError, type QueueLogger } from './logger.ts';
import { releaseCandidates } from './release-leases.ts';
import { renewLeases } from './renew-leases.ts';
import { scoreBatch } from './score-batch.ts';

export interface BatchContext {
  readonly store: Store;
  readonly engine: ScoringEngine;
  readonly logger: QueueLogger;
  readonly leaseMs: number;
  readonly maxAttempts: number;
  readonly clock: () => Timestamp;
  /** True once the worker gave up on its in-flight batches (stop grace over): write nothing more. */
  readonly abandoned: () => boolean;
}

export type BatchResult = 'stored' | 'engine_failed' | 'abandoned';

/**
 * Scores one claimed batch and stores the outcomes, keeping the leases alive meanwhile. When the engine
 * fails as a whole, the batch goes back to the queue (candidates out of attempts fail) and the caller
 * backs off.
 */
export async function runBatch(
  ctx: BatchContext,
  workerId: string,
  batch: ClaimedBatch,
): Promise<BatchResult> {
  const { store, logger } = ctx;
  const positions = batch.items.map((item) => item.position);
  const stopRenewing = keepLeased(ctx, workerId, batch.jobId, positions);
  try {
    let outcomes: CandidateOutcome[];
    try {
      outcomes = await scoreBatch(ctx.engine, batch);
    } catch (error) {
      if (ctx.abandoned()) return 'abandoned';
      const context = {
        workerId,
        jobId: batch.jobId,
        candidates: positions.length,
        error: describeError(error),
      };
      logger.warn(context, 'queue: the engine failed a batch; releasing it');
      const released = await releaseCandidates(store.db, store.dialect, workerId, batch.jobId, positions, {
        at: ctx.clock(),
        maxAttempts: ctx.maxAttempts,
      });
      if (released.failed > 0)
        logger.error({ jobId: batch.jobId, failed: released.failed }, 'queue: candidates out of attempts');
      return 'engine_failed';
    }
    if (ctx.abandoned()) return 'abandoned';
    const done = await completeCandidates(
      store.db,
      store.dialect,
      workerId,
      batch.jobId,
      outcomes,
      ctx.clock(),
    );
    logger.debug({ workerId, jobId: batch.jobId, stored: done.stored }, 'queue: batch stored');
    if (done.finished) logger.info({ jobId: batch.jobId, status: done.finished }, 'queue: job finished');
    return 'stored';
  } finally {
    stopRenewing();
  }
}

/** Renews the batch's leases every third of a lease until the returned function is called. */
function keepLeased(
  ctx: BatchContext,
  workerId: string,
  jobId: string,
  positions: readonly number[],
): () => void {
  const { store, logger } = ctx;
  const renew = () => {
    if (ctx.abandoned()) return;
    const until = addMs(ctx.clock(), ctx.leaseMs);
    renewLeases(store.db, store.dialect, workerId, jobId, positions, until).catch((error: unknown) =>
      // Not fatal: if renewals keep failing the lease lapses and another worker scores the batch again.
      logger.warn({ workerId, error: describeError(error) }, 'queue: lease renewal failed'),
    );
  };
  const timer = setInterval(renew, Math.max(50, Math.floor(ctx.leaseMs / 3)));
  return () => clearInterval(timer);
}
