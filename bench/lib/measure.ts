import type { MemorySampler } from './memory.ts';
import { mean, median, percentile } from './stats.ts';
import type { BenchSubject } from './subjects.ts';

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
  peakRssBytes: number;
  peakHeapUsedBytes: number;
}

/** In-process, one CV after another: an untimed warm-up pass, then `repeats` timed passes. */
export async function measureSingleThread(
  createSubject: () => BenchSubject,
  input: BenchInput,
  sampler: MemorySampler,
): Promise<{ subject: BenchSubject; metrics: SingleThreadMetrics }> {
  const { jobSpec, cvs, asOf } = input;
  sampler.reset();
  const loadStart = performance.now();
  const subject = createSubject();
  const engineLoadMs = performance.now() - loadStart;
  const prepareStart = performance.now();
  const score = subject.prepare(jobSpec, asOf);
  const jobPrepareMs = performance.now() - prepareStart;

  const scores: (number | null)[] = [];
  const perCvTimes: number[] = [];
  /** 'record' keeps the scores, 'time' keeps per-CV times, 'warm' keeps nothing. */
  const pass = (mode: 'record' | 'warm' | 'time'): number => {
    const passStart = performance.now();
    for (const cv of cvs) {
      const start = performance.now();
      const result = score(cv);
      const end = performance.now();
      if (mode === 'record') scores.push(result);
      else if (mode === 'time') perCvTimes.push(end - start);
      sampler.poke();
    }
    return performance.now() - passStart;
  };
  // Two untimed passes: the JIT needs more than one to settle on a 10,000-character CV pipeline.
  const warmupMs = pass('record');
  pass('warm');
  const passMs = Array.from({ length: input.repeats }, () => pass('time'));

  const batchTimes: number[] = [];
  for (let r = 0; r < input.repeats; r++) {
    const start = performance.now();
    await subject.scoreBatch(jobSpec, cvs, asOf);
    batchTimes.push(performance.now() - start);
  }

  const byFit = new Map<string, number[]>();
  scores.forEach((s, i) => {
    const fit = input.fits[i] ?? 'unknown';
    if (s !== null) byFit.set(fit, [...(byFit.get(fit) ?? []), s]);
  });
  const peaks = sampler.peaks();
  const metrics: SingleThreadMetrics = {
    engineLoadMs,
    jobPrepareMs,
    warmupMs,
    passMs,
    cvsPerSecond: median(passMs.map((ms) => (cvs.length * 1000) / ms)),
    perCvMs: {
      p50: percentile(perCvTimes, 50),
      p99: percentile(perCvTimes, 99),
      max: Math.max(...perCvTimes),
      samples: perCvTimes.length,
    },
    batchMs: median(batchTimes),
    meanScoreByFit: Object.fromEntries([...byFit].map(([fit, list]) => [fit, mean(list)])),
    unscorable: scores.filter((s) => s === null).length,
    peakRssBytes: peaks.rssBytes,
    peakHeapUsedBytes: peaks.heapUsedBytes,
  };
  return { subject, metrics };
}
