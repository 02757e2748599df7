import { setTimeout as sleep } from 'node:timers/promises';
import type { CandidateResult, FailedCandidate } from '../../domain/candidate-result.ts';
import { LIMITS } from '../../domain/limits.ts';
import type { CvToScore, ScreenOutcome } from './outcome.ts';
import type { Progress } from './progress.ts';

/** The server could not take or finish the batch: one line for the user, exit code 3. */
export class ScreenServerError extends Error {}

export interface RemoteOptions {
  readonly server: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  /** First poll delay; doubles up to MAX_POLL_MS. Tests shorten it. */
  readonly pollMs?: number;
}

const MAX_POLL_MS = 2_000;

interface SubmitResponse {
  job_id: string;
  total_candidates: number;
}

interface JobResponse {
  status: 'pending' | 'processing' | 'complete' | 'failed';
  total_candidates: number;
  processed_candidates: number;
  results?: CandidateResult[];
  failed?: FailedCandidate[];
}

/**
 * Submits the CVs to an Aptly server (POST /api/v1/screen, at most 200 per job, so a larger batch is
 * several jobs) and polls each job until it is terminal, reporting progress over all of them.
 */
export async function scoreRemote(
  jobSpec: string,
  cvs: readonly CvToScore[],
  options: RemoteOptions,
  progress: Progress,
): Promise<ScreenOutcome> {
  const deadline = Date.now() + options.timeoutMs;
  const results: CandidateResult[] = [];
  const failed: FailedCandidate[] = [];
  let done = 0;
  try {
    progress.update(0, cvs.length);
    for (let start = 0; start < cvs.length; start += LIMITS.maxCandidatesPerRequest) {
      const chunk = cvs.slice(start, start + LIMITS.maxCandidatesPerRequest);
      const candidates = chunk.map((c) => ({ candidate_ref: c.ref, cv_text: c.text }));
      const job = await call<SubmitResponse>(options, 'POST', '/api/v1/screen', {
        job_spec: jobSpec,
        candidates,
      });
      const finished = await waitForJob(job.job_id, options, deadline, (n) =>
        progress.update(done + n, cvs.length),
      );
      done += chunk.length;
      results.push(...(finished.results ?? []));
      failed.push(...(finished.failed ?? []));
    }
  } finally {
    progress.finish();
  }
  return { results, failed };
}

async function waitForJob(
  jobId: string,
  options: RemoteOptions,
  deadline: number,
  onProgress: (processed: number) => void,
): Promise<JobResponse> {
  let delay = options.pollMs ?? 250;
  for (;;) {
    const job = await call<JobResponse>(options, 'GET', `/api/v1/jobs/${encodeURIComponent(jobId)}`);
    onProgress(job.processed_candidates);
    if (job.status === 'complete' || job.status === 'failed') return job;
    if (Date.now() + delay > deadline) {
      throw new ScreenServerError(
        `timed out waiting for job ${jobId} (${job.processed_candidates}/${job.total_candidates} scored)`,
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, MAX_POLL_MS);
  }
}

async function call<T>(options: RemoteOptions, method: string, path: string, body?: unknown): Promise<T> {
  const url = new URL(path, options.server.endsWith('/') ? options.server : `${options.server}/`);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        'X-API-Key': options.apiKey,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new ScreenServerError(`cannot reach ${url.origin}${cause}`);
  }
  const text = await response.text();
  if (!response.ok)
    throw new ScreenServerError(`${method} ${url.pathname} answered ${response.status}: ${detailOf(text)}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ScreenServerError(
      `${method} ${url.pathname} answered ${response.status} with a body that is not JSON`,
    );
  }
}

/** The server's `detail`, which never holds CV text or keys; anything else is cut short. */
function detailOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { detail?: unknown };
    if (typeof parsed.detail === 'string') return parsed.detail;
    if (parsed.detail !== undefined) return JSON.stringify(parsed.detail).slice(0, 300);
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 200) || '(no body)';
}
