/**
 * Concurrent large jobs on one deployment: CVs/s from the first POST to the last job seen complete, a
 * small GET's latency idle and while the jobs are scored, and every process's peak RSS.
 */
import { apiHeaders, screenBody, submitJob, waitForJobs } from '../lib/jobs-client.ts';
import { type LoadFigures, type LoadOptions, measureGet, startGetLoad } from '../lib/load.ts';
import type { ClusterPlan } from './clusters.ts';

/**
 * A polling dashboard's load, not a saturating one: at full speed the load generator would take the
 * cores the scorers need, and the p99 would measure queueing at the limit rather than what scoring
 * does to a GET.
 */
export const PROBE_LOAD = { connections: 10, overallRate: 200 } as const;

export interface ThroughputRun {
  readonly label: string;
  readonly cvs: number;
  readonly seconds: number;
  readonly cvsPerSecond: number;
  /** One large job on warm workers, from the POST to reading complete. */
  readonly oneJobMs: number;
  /** The first large job: cold scoring threads (JIT, taxonomy load). */
  readonly coldJobMs: number;
  /** Submissions of the concurrent jobs answered 503 and retried (see submitJob). */
  readonly submitRetries: number;
  readonly getIdle: LoadFigures;
  readonly getDuringScoring: LoadFigures;
  readonly peakRss: readonly { readonly name: string; readonly bytes: number | undefined }[];
}

export interface ThroughputPlan {
  readonly jobSpec: string;
  readonly cvs: readonly string[];
  readonly jobs: number;
  readonly durationSeconds: number;
  readonly log: (line: string) => void;
}

export async function measureThroughput(cluster: ClusterPlan, plan: ThroughputPlan): Promise<ThroughputRun> {
  plan.log(`${cluster.label}: starting …`);
  const running = await cluster.start();
  try {
    const { baseUrl, apiKey } = running;
    const body = screenBody(plan.jobSpec, plan.cvs);
    const oneJob = async () => {
      const { jobId, sentAt } = await submitJob(baseUrl, apiKey, body);
      // Polled as often as bench:e2e does, so this figure compares with its time to complete.
      return (await waitForJobs(baseUrl, apiKey, [jobId], 20)) - sentAt;
    };
    const coldJobMs = await oneJob();
    const oneJobMs = await oneJob();

    // The probe is a one-candidate job: a small body, so the GET measures the service, not serialisation.
    const probe = await submitJob(baseUrl, apiKey, screenBody(plan.jobSpec, plan.cvs.slice(0, 1)));
    await waitForJobs(baseUrl, apiKey, [probe.jobId]);
    const probeLoad: LoadOptions = {
      url: `${baseUrl}/api/v1/jobs/${probe.jobId}`,
      headers: apiHeaders(apiKey),
      ...PROBE_LOAD,
    };
    const getIdle = await measureGet(probeLoad, plan.durationSeconds);

    plan.log(`${cluster.label}: ${plan.jobs} concurrent jobs of ${plan.cvs.length} candidates …`);
    const load = startGetLoad(probeLoad);
    const start = performance.now();
    const submitted = await Promise.all(
      Array.from({ length: plan.jobs }, () => submitJob(baseUrl, apiKey, body)),
    );
    const end = await waitForJobs(
      baseUrl,
      apiKey,
      submitted.map((s) => s.jobId),
    );
    const getDuringScoring = await load.stop();
    const seconds = (end - start) / 1000;
    const cvs = plan.jobs * plan.cvs.length;
    return {
      label: cluster.label,
      cvs,
      seconds,
      cvsPerSecond: cvs / seconds,
      oneJobMs,
      coldJobMs,
      submitRetries: submitted.reduce((sum, s) => sum + s.retries, 0),
      getIdle,
      getDuringScoring,
      peakRss: running.processes.map(({ name, process }) => ({ name, bytes: process.peakRssBytes() })),
    };
  } finally {
    await running.stop();
  }
}
