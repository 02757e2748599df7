/** The two endpoints the HTTP benchmark drives, over fetch, with the bench's API key. */
import { setTimeout as sleep } from 'node:timers/promises';

export interface Submitted {
  readonly jobId: string;
  /** From sending the POST to reading its answer. */
  readonly submitMs: number;
  /** performance.now() when the POST was sent. */
  readonly sentAt: number;
}

export function screenBody(jobSpec: string, cvs: readonly string[]): string {
  return JSON.stringify({
    job_spec: jobSpec,
    candidates: cvs.map((cv_text, i) => ({ candidate_ref: `bench-${i}`, cv_text })),
  });
}

export function apiHeaders(apiKey: string): Record<string, string> {
  return { 'X-API-Key': apiKey, 'Content-Type': 'application/json' };
}

/** A submission still answered 503 after this many attempts fails the run. */
export const MAX_SUBMIT_ATTEMPTS = 5;

/**
 * POST /api/v1/screen as a well-behaved client does it: a 503 (the database is overloaded or away) is
 * retried after its Retry-After, up to MAX_SUBMIT_ATTEMPTS; `retries` says how often, and submitMs
 * includes the waits.
 */
export async function submitJob(
  baseUrl: string,
  apiKey: string,
  body: string,
): Promise<Submitted & { retries: number }> {
  const sentAt = performance.now();
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${baseUrl}/api/v1/screen`, {
      method: 'POST',
      headers: apiHeaders(apiKey),
      body,
    });
    const text = await response.text();
    if (response.status === 503 && attempt < MAX_SUBMIT_ATTEMPTS) {
      await sleep(1000 * Number(response.headers.get('retry-after') ?? 1));
      continue;
    }
    const submitMs = performance.now() - sentAt;
    if (!response.ok) throw new Error(`submit answered ${response.status}: ${text}`);
    const { job_id } = JSON.parse(text) as { job_id: string };
    return { jobId: job_id, submitMs, sentAt, retries: attempt - 1 };
  }
}

async function jobStatus(baseUrl: string, apiKey: string, jobId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/jobs/${jobId}`, { headers: apiHeaders(apiKey) });
  if (!response.ok) throw new Error(`GET job answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { status: string }).status;
}

/**
 * Polls every job until all are complete; resolves with performance.now() when the last was seen
 * complete. One poll round every `pollMs` (all jobs), so polling stays a small, constant load.
 */
export async function waitForJobs(
  baseUrl: string,
  apiKey: string,
  jobIds: readonly string[],
  pollMs = 100,
): Promise<number> {
  const open = new Set(jobIds);
  while (open.size > 0) {
    for (const jobId of [...open]) {
      const status = await jobStatus(baseUrl, apiKey, jobId);
      if (status === 'failed') throw new Error(`job ${jobId} failed`);
      if (status === 'complete') open.delete(jobId);
    }
    if (open.size > 0) await sleep(pollMs);
  }
  return performance.now();
}
