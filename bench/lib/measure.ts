import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SCORING_WORKER_LIMITS } from '../../src/scoring/pool.ts';
import type { MemorySampler } from './memory.ts';
import { mean, median, percentile } from './stats.ts';
import { type BenchSubjectName, SUBJECT_DESCRIPTIONS, type SubjectDescription } from './subjects.ts';
import type { SubjectTimings } from './time-subject.ts';

export interface BenchInput {
  jobSpec: string;
  cvs: readonly string[];
  /** Intended fit of each CV (same order as `cvs`), for the score sanity row. */
  fits: readonly (string | null)[];
  asOf: string;
  repeats: number;
}

export interface SingleThreadMetrics {
  /** Creating the subject: for the local engine, loading the taxonomy. */
  engineLoadMs: number;
  /** The once-per-job step (`prepare`); not part of the per-CV figures. */
  jobPrepareMs: number;
  warmupMs: number;
  passMs: number[];
  /** CVs ÷ wall time of one timed pass, median over the passes. */
  cvsPerSecond: number;
  perCvMs: { p50: number; p99: number; max: number; samples: number };
  /** The engine's own `scoreBatch` of the whole batch on this thread, median of the repeats. */
  batchMs: number;
  meanScoreByFit: Record<string, number>;
  unscorable: number;
  /** Process-wide, sampled by the memory sampler's own thread. */
  peakRssBytes: number;
  /** The measuring worker's V8 heap. */
  peakHeapUsedBytes: number;
}

/**
 * One CV after another on one worker thread with the scoring pool's V8 limits, so the figures (speed and
 * memory) are those of the engine as the service runs it. Compiled code runs the compiled worker; source
 * code (tests) runs the TypeScript one through tsx.
 */
export async function measureSingleThread(
  subject: BenchSubjectName,
  input: BenchInput,
  sampler: MemorySampler,
): Promise<{ subject: SubjectDescription; metrics: SingleThreadMetrics }> {
  sampler.reset();
  const timings = await runInWorker(subject, input);
  const peaks = sampler.peaks();
  return { subject: SUBJECT_DESCRIPTIONS[subject], metrics: summarize(timings, input, peaks.rssBytes) };
}

function runInWorker(subject: BenchSubjectName, input: BenchInput): Promise<SubjectTimings> {
  const fromSource = import.meta.url.endsWith('.ts');
  const compiled = new URL('./single-thread-worker.js', import.meta.url);
  const source = { entry: fileURLToPath(new URL('./single-thread-worker.ts', import.meta.url)) };
  const worker = new Worker(fromSource ? new URL('./require-worker.cjs', import.meta.url) : compiled, {
    workerData: { subject, input, ...(fromSource ? source : {}) },
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    resourceLimits: { ...SCORING_WORKER_LIMITS },
  });
  return new Promise((resolve, reject) => {
    let result: SubjectTimings | undefined;
    worker.once('message', (timings: SubjectTimings) => {
      result = timings;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`the ${subject} bench worker exited with code ${code} before reporting`));
    });
  });
}

function summarize(t: SubjectTimings, input: BenchInput, peakRssBytes: number): SingleThreadMetrics {
  const byFit = new Map<string, number[]>();
  t.scores.forEach((s, i) => {
    const fit = input.fits[i] ?? 'unknown';
    if (s !== null) byFit.set(fit, [...(byFit.get(fit) ?? []), s]);
  });
  return {
    engineLoadMs: t.engineLoadMs,
    jobPrepareMs: t.jobPrepareMs,
    warmupMs: t.warmupMs,
    passMs: t.passMs,
    cvsPerSecond: median(t.passMs.map((ms) => (input.cvs.length * 1000) / ms)),
    perCvMs: {
      p50: percentile(t.perCvTimes, 50),
      p99: percentile(t.perCvTimes, 99),
      max: Math.max(...t.perCvTimes),
      samples: t.perCvTimes.length,
    },
    batchMs: median(t.batchMs),
    meanScoreByFit: Object.fromEntries([...byFit].map(([fit, list]) => [fit, mean(list)])),
    unscorable: t.scores.filter((s) => s === null).length,
    peakRssBytes,
    peakHeapUsedBytes: t.peakHeapUsedBytes,
  };
}
