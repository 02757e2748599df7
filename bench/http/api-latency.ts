/**
 * GET /api/v1/jobs/{id} against a bare Fastify route, and POST /api/v1/screen submit latency, on one
 * `--role api` process over SQLite: with no worker in that process, a job stays pending for as long as
 * it is measured and scoring never competes for the CPU. A worker process joins the database only to
 * complete the 10-candidate job, and leaves before that job's GET is measured.
 */
import { createUnlimitedKey } from '../lib/aptly-cli.ts';
import { startBareServer } from '../lib/bare-server.ts';
import { apiHeaders, screenBody, submitJob, waitForJobs } from '../lib/jobs-client.ts';
import { type LoadFigures, type LoadOptions, measureGet } from '../lib/load.ts';
import { startServeProcess, startWorkerProcess } from '../lib/serve-process.ts';
import { UNLIMITED_RATE } from './clusters.ts';

export interface ApiLatency {
  readonly bare: LoadFigures;
  readonly pending: LoadFigures;
  readonly complete: LoadFigures;
  readonly submitMs: readonly number[];
  /** Timed submissions answered 503 and retried (their waits are in submitMs). */
  readonly submitRetries: number;
  readonly apiPeakRssBytes: number | undefined;
}

export interface ApiLatencyPlan {
  readonly entry: readonly string[];
  readonly jobSpec: string;
  readonly smallJobCvs: readonly string[];
  readonly largeJobCvs: readonly string[];
  readonly submissions: number;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly log: (line: string) => void;
}

/** A short untimed run first: the JIT and connection set-up are not what is measured. */
async function warmThenMeasure(options: LoadOptions, durationSeconds: number): Promise<LoadFigures> {
  await measureGet(options, 1);
  return measureGet(options, durationSeconds);
}

export async function measureApiLatency(plan: ApiLatencyPlan): Promise<ApiLatency> {
  const { entry, connections, durationSeconds: seconds, log } = plan;
  log('bare Fastify route …');
  const bareServer = await startBareServer();
  const bare = await warmThenMeasure({ url: bareServer.url, connections }, seconds).finally(() =>
    bareServer.stop(),
  );

  const api = await startServeProcess({ entry, role: 'api', env: UNLIMITED_RATE });
  try {
    const apiKey = await createUnlimitedKey(entry, api.databaseUrl);
    const getJob = (jobId: string): LoadOptions => ({
      url: `${api.baseUrl}/api/v1/jobs/${jobId}`,
      headers: apiHeaders(apiKey),
      connections,
    });
    const smallBody = screenBody(plan.jobSpec, plan.smallJobCvs);
    log('GET of a pending job …');
    const pendingJob = await submitJob(api.baseUrl, apiKey, smallBody);
    const pending = await warmThenMeasure(getJob(pendingJob.jobId), seconds);

    log('GET of a complete job (a worker process completes it, then leaves) …');
    const completeJob = await submitJob(api.baseUrl, apiKey, smallBody);
    const worker = await startWorkerProcess({ entry, databaseUrl: api.databaseUrl });
    await waitForJobs(api.baseUrl, apiKey, [pendingJob.jobId, completeJob.jobId]).finally(() =>
      worker.stop(),
    );
    const complete = await warmThenMeasure(getJob(completeJob.jobId), seconds);

    log(`${plan.submissions} sequential submissions of ${plan.largeJobCvs.length} candidates …`);
    const largeBody = screenBody(plan.jobSpec, plan.largeJobCvs);
    await submitJob(api.baseUrl, apiKey, largeBody); // untimed: the first request warms the route
    const submitMs: number[] = [];
    let submitRetries = 0;
    for (let i = 0; i < plan.submissions; i++) {
      const submitted = await submitJob(api.baseUrl, apiKey, largeBody);
      submitMs.push(submitted.submitMs);
      submitRetries += submitted.retries;
    }
    return { bare, pending, complete, submitMs, submitRetries, apiPeakRssBytes: api.peakRssBytes() };
  } finally {
    await api.stop();
  }
}
