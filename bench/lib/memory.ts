import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Worker } from 'node:worker_threads';

/**
 * Peak memory sampler.
 *
 * RSS is sampled every `intervalMs` by a tiny worker thread, so samples keep coming while the main
 * thread is busy in a synchronous scoring loop (a main-thread setInterval would not fire then).
 * RSS is process-wide, so it includes the main thread, this sampler and any scoring-pool workers.
 *
 * The main thread's V8 heap cannot be read from another thread; it is sampled on the main thread by
 * a setInterval (which fires whenever the event loop is free, e.g. while awaiting a worker pool) and by
 * `poke()`, which hot loops call between items and which samples when `intervalMs` has passed.
 */
export interface MemoryPeaks {
  rssBytes: number;
  heapUsedBytes: number;
  samples: number;
}

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const cells = new BigInt64Array(workerData.buffer);
// cells[0]: peak RSS, cells[1]: sample count, cells[2]: stop flag
function tick() {
  if (Atomics.load(cells, 2) === 1n) return;
  const rss = BigInt(process.memoryUsage.rss());
  if (rss > Atomics.load(cells, 0)) Atomics.store(cells, 0, rss);
  Atomics.add(cells, 1, 1n);
  setTimeout(tick, workerData.intervalMs);
}
tick();
`;

export class MemorySampler {
  private readonly cells: BigInt64Array;
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private heapPeak = 0;
  private lastPoke = 0;

  private constructor(private readonly intervalMs: number) {
    const buffer = new SharedArrayBuffer(3 * BigInt64Array.BYTES_PER_ELEMENT);
    this.cells = new BigInt64Array(buffer);
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { buffer, intervalMs } });
    this.worker.unref();
    this.timer = setInterval(() => this.sampleMain(), intervalMs);
    this.timer.unref();
    this.sampleMain();
  }

  static start(intervalMs = 10): MemorySampler {
    return new MemorySampler(intervalMs);
  }

  /** Call between work items in a hot synchronous loop; samples at most once per interval. */
  poke(): void {
    const now = performance.now();
    if (now - this.lastPoke >= this.intervalMs) this.sampleMain(now);
  }

  /** Peaks since the last reset. Includes a fresh sample. */
  peaks(): MemoryPeaks {
    this.sampleMain();
    return {
      rssBytes: Number(Atomics.load(this.cells, 0)),
      heapUsedBytes: this.heapPeak,
      samples: Number(Atomics.load(this.cells, 1)),
    };
  }

  /** Starts a new measurement window. */
  reset(): void {
    Atomics.store(this.cells, 0, 0n);
    Atomics.store(this.cells, 1, 0n);
    this.heapPeak = 0;
    this.sampleMain();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    Atomics.store(this.cells, 2, 1n);
    await this.worker.terminate();
  }

  private sampleMain(now = performance.now()): void {
    this.lastPoke = now;
    const usage = process.memoryUsage();
    if (usage.heapUsed > this.heapPeak) this.heapPeak = usage.heapUsed;
    const rss = BigInt(usage.rss);
    if (rss > Atomics.load(this.cells, 0)) Atomics.store(this.cells, 0, rss);
  }
}

/**
 * A `gc()` even when node was started without --expose-gc, so every phase starts from a clean heap and
 * one engine's garbage is not charged to the next.
 */
export function exposeGc(): () => void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc === 'function') return () => (gc as () => void)();
  } catch {
    // Without it the phases simply share a heap.
  }
  return () => {};
}
