import { setTimeout as sleep } from 'node:timers/promises';
import { benchJobSpec, generateCvs } from '../../../bench/fixtures/index.ts';
import { progress } from './wait.ts';

export interface CandidateInput {
  readonly candidate_ref: string;
  readonly cv_text: string;
}

export interface JobView {
  readonly job_id: string;
  readonly status: string;
  readonly total_candidates: number;
  readonly processed_candidates: number;
  readonly completed_at: string | null;
  readonly results?: readonly { readonly candidate_ref: string; readonly score: number }[];
  readonly failed?: readonly { readonly candidate_ref: string; readonly error: string }[];
  readonly webhook?: {
    readonly status: string;
    readonly attempts: number;
    readonly last_status_code: number | null;
  } | null;
}

const JOB_SPEC = benchJobSpec();

/** Realistic, distinct CVs for job number `jobIndex` (refs `j<job>-c<n>`), shorter than 10,000 chars to keep runs quick. */
export function candidatesFor(jobIndex: number, count: number): CandidateInput[] {
  const cvs = generateCvs({ count, targetChars: 4_000, seed: `faults-${jobIndex}`, profession: 'software' });
  return cvs.map((cv_text, i) => ({ candidate_ref: `j${jobIndex}-c${i}`, cv_text }));
}

export interface Submission {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function submit(
  baseUrl: string,
  apiKey: string,
  candidates: readonly CandidateInput[],
  webhookUrl?: string,
): Promise<Submission> {
  const response = await fetch(`${baseUrl}/api/v1/screen`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      job_spec: JOB_SPEC,
      candidates,
      ...(webhookUrl ? { webhook_url: webhookUrl } : {}),
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The job, or undefined while the API cannot answer (a process restarting, the database away). */
export async function getJob(baseUrl: string, apiKey: string, jobId: string): Promise<JobView | undefined> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/jobs/${jobId}`, {
      headers: { 'X-API-Key': apiKey },
      signal: AbortSignal.timeout(10_000),
    });
    return response.ok ? ((await response.json()) as JobView) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads every job through the given APIs in turn (round-robin); undefined entries could not be read. */
export async function readJobs(
  baseUrls: readonly string[],
  apiKey: string,
  jobIds: readonly string[],
): Promise<(JobView | undefined)[]> {
  return Promise.all(jobIds.map((id, i) => getJob(baseUrls[i % baseUrls.length] ?? '', apiKey, id)));
}

/** Candidates processed so far over all jobs (unreadable jobs count as 0). */
export function processedOf(jobs: readonly (JobView | undefined)[]): number {
  return jobs.reduce((sum, job) => sum + (job?.processed_candidates ?? 0), 0);
}

/** Polls until every job is complete; fails after `timeoutMs` naming what is still open. */
export async function waitForCompletion(
  baseUrls: readonly string[],
  apiKey: string,
  jobIds: readonly string[],
  timeoutMs: number,
): Promise<JobView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await readJobs(baseUrls, apiKey, jobIds);
    const complete = jobs.filter((job): job is JobView => job?.status === 'complete');
    if (complete.length === jobIds.length) return complete;
    progress(`${complete.length}/${jobIds.length} jobs complete, ${processedOf(jobs)} candidates processed`);
    if (Date.now() > deadline) {
      const open = jobs.map(
        (job, i) =>
          `${jobIds[i]}: ${job ? `${job.status} ${job.processed_candidates}/${job.total_candidates}` : 'unreadable'}`,
      );
      throw new Error(`jobs not complete after ${timeoutMs} ms:\n${open.join('\n')}`);
    }
    await sleep(1_000);
  }
}
