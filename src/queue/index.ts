export {
  type ClaimedBatch,
  type ClaimedItem,
  type ClaimOptions,
  claimCandidates,
} from './claim-candidates.ts';
export { type CandidateOutcome, type Completion, completeCandidates } from './complete-candidates.ts';
export { failExhaustedLeases } from './fail-exhausted-leases.ts';
export { addProgress } from './finish-job.ts';
export type { QueueLogger } from './logger.ts';
export { deleteOldTombstones, purgeExpiredJobs, TOMBSTONE_MS } from './purge-expired.ts';
export { type Release, type ReleaseOptions, releaseCandidates } from './release-leases.ts';
export { renewLeases } from './renew-leases.ts';
export { startWorker, type Worker, type WorkerOptions } from './runner.ts';
export {
  type HousekeepingReport,
  runHousekeeping,
  type Scheduler,
  type SchedulerOptions,
  startScheduler,
} from './scheduler.ts';
export { MAX_ATTEMPTS, SYSTEMIC_FAILURE } from './systemic-failure.ts';
export {
  listenForWork,
  notifyWork,
  WORK_CHANNEL,
  type WorkListener,
  type WorkListenerOptions,
} from './work-notifications.ts';
export { signalWork } from './work-signal.ts';
export { inWriteTransaction } from './write-transaction.ts';
