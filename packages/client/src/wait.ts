import { RetryableError, WaitTimeoutError } from './errors.ts';
import { sleep } from './sleep.ts';
import type { Job } from './types.ts';

export interface JobProgress {
  readonly status: Job['status'];
  /** Candidates scored (or failed) so far: the job's processed_candidates. */
  readonly processed: number;
  readonly total: number;
  readonly job: Job;
}

export interface WaitOptions {
  /** First wait between polls, in ms (default 1000). */
  readonly intervalMs?: number;
  /** Longest wait between polls, in ms (default 10,000). */
  readonly maxIntervalMs?: number;
  /** Each wait is the previous one times this (default 1.5). */
  readonly backoff?: number;
  /** Give up with a WaitTimeoutError after this many ms (default: wait as long as it takes). */
  readonly timeoutMs?: number;
  /** Stops waiting: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called with the first poll and whenever the status or processed_candidates changes. */
  readonly onProgress?: (progress: JobProgress) => void;
}

const TERMINAL: ReadonlySet<Job['status']> = new Set(['complete', 'failed']);

/**
 * Polls until the job is complete or failed, with backoff. A rate limit or a 503 on the way is waited out
 * (Retry-After) rather than thrown: the job goes on server-side either way.
 */
export async function waitForJob(
  getJob: (signal: AbortSignal | undefined) => Promise<Job>,
  jobId: string,
  options: WaitOptions = {},
): Promise<Job> {
  const { intervalMs = 1000, maxIntervalMs = 10_000, backoff = 1.5, timeoutMs } = options;
  const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const signals = [options.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
  let lastJob: Job | undefined;
  let interval = intervalMs;
  try {
    for (;;) {
      let wait = interval;
      try {
        const job = await getJob(signal);
        if (job.status !== lastJob?.status || job.processed_candidates !== lastJob.processed_candidates)
          options.onProgress?.({
            status: job.status,
            processed: job.processed_candidates,
            total: job.total_candidates,
            job,
          });
        lastJob = job;
        if (TERMINAL.has(job.status)) return job;
      } catch (error) {
        if (!(error instanceof RetryableError)) throw error;
        wait = Math.max(wait, (error.retryAfterSeconds ?? 0) * 1000);
      }
      await sleep(wait, signal);
      interval = Math.min(interval * backoff, maxIntervalMs);
    }
  } catch (error) {
    // The caller's own abort wins over the timeout when both fired.
    if (timeout?.aborted && timeoutMs !== undefined && !options.signal?.aborted)
      throw new WaitTimeoutError(jobId, timeoutMs, lastJob);
    throw error;
  }
}
