import type { Kysely } from 'kysely';
import type { Config } from '../config/config.ts';
import { DEFAULT_DECISION_LOG_DAYS } from '../domain/decision.ts';
import { now, type Timestamp } from '../domain/time.ts';
import type { Dialect, Store } from '../store/database.ts';
import { deleteExpiredIdempotencyRecords } from '../store/idempotency.repository.ts';
import type { Database } from '../store/schema.ts';
import { failExhaustedLeases } from './fail-exhausted-leases.ts';
import { describeError, type QueueLogger } from './logger.ts';
import { deleteOldTombstones, purgeExpiredJobs, purgeOldDecisions } from './purge-expired.ts';
import { inWriteTransaction } from './write-transaction.ts';

export interface SchedulerOptions {
  readonly store: Store;
  /** housekeepingIntervalMs: between two rounds (APTLY_HOUSEKEEPING_INTERVAL, one minute by default). */
  readonly config: Pick<Config, 'housekeepingIntervalMs'> & Partial<Pick<Config, 'decisionLogDays'>>;
  readonly logger: QueueLogger;
  readonly clock?: () => Timestamp;
}

export interface Scheduler {
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

export interface HousekeepingReport {
  readonly purgedJobs: number;
  readonly deletedTombstones: number;
  readonly deletedIdempotencyRecords: number;
  readonly failedExhaustedCandidates: number;
  readonly deletedDecisions: number;
}

/**
 * One round of housekeeping: purge expired jobs (keeping tombstones), delete tombstones after 30 days,
 * forget expired Idempotency-Keys, fail candidates whose workers kept dying on them, delete decision-log
 * rows past their own horizon. Every step is safe
 * when several processes run it at once.
 */
export async function runHousekeeping(
  db: Kysely<Database>,
  dialect: Dialect,
  at: Timestamp,
  decisionLogDays = DEFAULT_DECISION_LOG_DAYS,
): Promise<HousekeepingReport> {
  return {
    purgedJobs: await purgeExpiredJobs(db, dialect, at),
    deletedTombstones: await deleteOldTombstones(db, dialect, at),
    deletedIdempotencyRecords: await inWriteTransaction(db, dialect, (tx) =>
      deleteExpiredIdempotencyRecords(tx, at),
    ),
    failedExhaustedCandidates: await failExhaustedLeases(db, dialect, at),
    deletedDecisions: await purgeOldDecisions(db, dialect, at, decisionLogDays),
  };
}

/** Runs housekeeping now, then again each interval after the previous round ended, until stopped. */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { store, logger } = options;
  const clock = options.clock ?? now;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const round = async (): Promise<void> => {
    try {
      const report = await runHousekeeping(store.db, store.dialect, clock(), options.config.decisionLogDays);
      if (Object.values(report).some((n) => n > 0)) logger.info(report, 'scheduler: housekeeping');
    } catch (error) {
      // Tried again next round: every step is idempotent.
      logger.error({ error: describeError(error) }, 'scheduler: housekeeping failed');
    }
    if (!stopped) timer = setTimeout(next, options.config.housekeepingIntervalMs);
  };
  const next = () => {
    current = round();
  };
  let current = round();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
