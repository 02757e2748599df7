import type { ScoringPool } from '../../src/scoring/pool.ts';
import type { BenchInput } from './measure.ts';
import type { MemorySampler } from './memory.ts';
import { median } from './stats.ts';

export interface PoolMetrics {
  threads: number;
  /** Pool creation plus the first batch: worker start-up, module and taxonomy load, JIT warm-up. */
  coldFirstBatchMs: number;
  warmBatchMs: number[];
  warmBatchMedianMs: number;
  /** Process-wide, so it includes every worker thread of the pool. */
  peakRssBytes: number;
  /** The main thread only; the workers' heaps show up in RSS. */
  peakHeapUsedBytes: number;
}

export type PoolLike = Pick<ScoringPool, 'scoreBatch' | 'close'>;

/** Wall time of the whole batch on the worker-thread pool: one cold batch, then `repeats` warm ones. */
export async function measurePool(
  createPool: () => PoolLike,
  threads: number,
  input: BenchInput,
  sampler: MemorySampler,
): Promise<PoolMetrics> {
  const { jobSpec, cvs, asOf } = input;
  sampler.reset();
  const coldStart = performance.now();
  const pool = createPool();
  try {
    await pool.scoreBatch(jobSpec, cvs, { asOf });
    const coldFirstBatchMs = performance.now() - coldStart;
    const warmBatchMs: number[] = [];
    for (let r = 0; r < input.repeats; r++) {
      const start = performance.now();
      await pool.scoreBatch(jobSpec, cvs, { asOf });
      warmBatchMs.push(performance.now() - start);
    }
    const peaks = sampler.peaks();
    return {
      threads,
      coldFirstBatchMs,
      warmBatchMs,
      warmBatchMedianMs: median(warmBatchMs),
      peakRssBytes: peaks.rssBytes,
      peakHeapUsedBytes: peaks.heapUsedBytes,
    };
  } finally {
    await pool.close();
  }
}
