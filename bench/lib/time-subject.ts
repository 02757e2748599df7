import type { BenchInput } from './measure.ts';
import type { BenchSubject } from './subjects.ts';

/** What one thread measured of one subject; plain data, so it can cross from a worker thread. */
export interface SubjectTimings {
  engineLoadMs: number;
  jobPrepareMs: number;
  warmupMs: number;
  passMs: number[];
  perCvTimes: number[];
  batchMs: number[];
  /** Score of each CV from the first pass (null when unscorable). */
  scores: (number | null)[];
  /** Peak V8 heap of the measuring thread, sampled between CVs. */
  peakHeapUsedBytes: number;
}

/**
 * One CV after another on this thread: two untimed warm-up passes (the JIT needs more than one to settle
 * on a 10,000-character CV pipeline), then `repeats` timed passes, then `repeats` whole-batch calls.
 */
export async function timeSubject(
  createSubject: () => BenchSubject,
  input: BenchInput,
): Promise<SubjectTimings> {
  const { jobSpec, cvs, asOf } = input;
  let peakHeapUsedBytes = 0;
  let lastSample = 0;
  const sampleHeap = () => {
    const now = performance.now();
    if (now - lastSample < 10) return;
    lastSample = now;
    peakHeapUsedBytes = Math.max(peakHeapUsedBytes, process.memoryUsage().heapUsed);
  };

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
      sampleHeap();
    }
    return performance.now() - passStart;
  };
  const warmupMs = pass('record');
  pass('warm');
  const passMs = Array.from({ length: input.repeats }, () => pass('time'));

  const batchMs: number[] = [];
  for (let r = 0; r < input.repeats; r++) {
    const start = performance.now();
    await subject.scoreBatch(jobSpec, cvs, asOf);
    batchMs.push(performance.now() - start);
    sampleHeap();
  }
  return { engineLoadMs, jobPrepareMs, warmupMs, passMs, perCvTimes, batchMs, scores, peakHeapUsedBytes };
}
