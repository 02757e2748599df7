import { describe, expect, it } from 'vitest';
import {
  type Job,
  type JobProgress,
  ServiceUnavailableError,
  WaitTimeoutError,
} from '../../packages/client/src/index.ts';
import { waitForJob } from '../../packages/client/src/wait.ts';

function job(status: Job['status'], processed: number): Job {
  return {
    job_id: 'j1',
    status,
    total_candidates: 3,
    processed_candidates: processed,
    created_at: '2026-11-28T21:00:00.000000Z',
    completed_at: null,
    expires_at: '2026-12-01T21:00:00.000000Z',
  };
}

/** getJob answering from a script, recording when each poll came. */
function scripted(answers: (Job | Error)[]) {
  const polls: number[] = [];
  const start = performance.now();
  const getJob = async () => {
    polls.push(performance.now() - start);
    const answer = answers[Math.min(polls.length - 1, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    if (!answer) throw new Error('no answer scripted');
    return answer;
  };
  return { getJob, polls };
}

describe('waitForJob', () => {
  it('polls with backoff until complete, reporting progress only when it changes', async () => {
    const { getJob, polls } = scripted([
      job('pending', 0),
      job('processing', 1),
      job('processing', 1),
      job('processing', 2),
      job('complete', 3),
    ]);
    const progress: JobProgress[] = [];
    const done = await waitForJob(getJob, 'j1', {
      intervalMs: 20,
      backoff: 2,
      maxIntervalMs: 60,
      onProgress: (p) => progress.push(p),
    });
    expect(done.status).toBe('complete');
    expect(progress.map((p) => `${p.status} ${p.processed}/${p.total}`)).toEqual([
      'pending 0/3',
      'processing 1/3',
      'processing 2/3',
      'complete 3/3',
    ]);
    // Waits of 20, 40, 60 (capped), 60 ms between polls; a loaded machine only makes them longer.
    const gaps = polls.slice(1).map((at, i) => at - (polls[i] ?? 0));
    expect(gaps).toHaveLength(4);
    [20, 40, 60, 60].forEach((wait, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(wait - 2);
    });
  });

  it('returns a failed job as it is: failed is terminal too', async () => {
    const { getJob } = scripted([job('failed', 3)]);
    expect((await waitForJob(getJob, 'j1')).status).toBe('failed');
  });

  it('waits out a 503 (Retry-After) instead of throwing, then goes on', async () => {
    const unavailable = new ServiceUnavailableError(503, 'database unavailable', {}, undefined, 0);
    const { getJob, polls } = scripted([unavailable, job('complete', 3)]);
    expect((await waitForJob(getJob, 'j1', { intervalMs: 5 })).status).toBe('complete');
    expect(polls).toHaveLength(2);
  });

  it('throws WaitTimeoutError with the last job seen once the timeout passes', async () => {
    const { getJob } = scripted([job('processing', 1)]);
    const error = await waitForJob(getJob, 'j1', { intervalMs: 10, timeoutMs: 60 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ jobId: 'j1', timeoutMs: 60, lastJob: { processed_candidates: 1 } });
  });

  it('stops at once when the caller aborts, with the signal reason', async () => {
    const { getJob } = scripted([job('processing', 1)]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 30);
    const started = performance.now();
    await expect(
      waitForJob(getJob, 'j1', { intervalMs: 10_000, timeoutMs: 60_000, signal: controller.signal }),
    ).rejects.toThrow('user cancelled');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
