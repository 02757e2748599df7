import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { EngineScore } from '../domain/candidate-result.ts';
import type { ScoreOptions, ScoreOutcome, ScoringEngine } from './engine.ts';
import { LOCAL_ENGINE_VERSION, unwrapAll } from './local/engine.ts';
import type { ScoreTask } from './pool-worker.ts';

export interface ScoringPoolOptions {
  /** Worker threads; defaults to the machine's parallelism. */
  readonly threads?: number;
  /** CVs per task: small enough to spread a batch over every thread. */
  readonly chunkSize?: number;
  /**
   * How much lower than the process the scoring threads run (Unix nice, 0–19). Scoring is throughput
   * work; HTTP answers are latency work: with the threads niced, a GET arriving while every core scores
   * preempts them instead of waiting for a time slice. Only the threads are niced, never the process.
   */
  readonly niceIncrement?: number;
}

export interface ScoringPool extends ScoringEngine {
  readonly threads: number;
  close(): Promise<void>;
}

/**
 * Compiled code runs the compiled worker; source code (tests, tsx) runs the TypeScript worker through the
 * tsx loader, which each worker thread must register for itself.
 */
function workerLocation(): { filename: string; execArgv: string[] } {
  const self = import.meta.url;
  if (self.endsWith('.ts'))
    return { filename: new URL('./pool-worker.ts', self).href, execArgv: ['--import', 'tsx'] };
  return { filename: new URL('./pool-worker.js', self).href, execArgv: [] };
}

/**
 * A small young generation makes each worker collect short-lived scoring garbage sooner: two workers then
 * fit in well under 300 MB with the taxonomy loaded in each.
 */
export const SCORING_WORKER_LIMITS = Object.freeze({
  maxYoungGenerationSizeMb: 8,
  maxOldGenerationSizeMb: 256,
});

/** The local engine behind a worker-thread pool, with the same interface as the in-process engine. */
export function createScoringPool(options: ScoringPoolOptions = {}): ScoringPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const { filename, execArgv } = workerLocation();
  const piscina = new Piscina<ScoreTask, ScoreOutcome[]>({
    filename,
    execArgv,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { ...SCORING_WORKER_LIMITS },
    niceIncrement: options.niceIncrement ?? 0,
  });
  let closed = false;
  const scoreEach = async (jobSpec: string, cvs: readonly string[], scoreOptions?: ScoreOptions) => {
    // Piscina would start fresh workers for a task run after destroy(), and nothing would ever end them.
    if (closed) throw new Error('the scoring pool is closed');
    const asOf = scoreOptions?.asOf ?? new Date().toISOString().slice(0, 10);
    const chunk = options.chunkSize ?? Math.max(1, Math.ceil(cvs.length / (threads * 2)));
    const tasks: Promise<ScoreOutcome[]>[] = [];
    for (let i = 0; i < cvs.length; i += chunk)
      tasks.push(piscina.run({ jobSpec, cvs: cvs.slice(i, i + chunk), asOf }));
    return (await Promise.all(tasks)).flat();
  };
  return {
    name: 'local',
    version: LOCAL_ENGINE_VERSION,
    threads,
    scoreEach,
    async scoreBatch(jobSpec, cvs, scoreOptions): Promise<EngineScore[]> {
      return unwrapAll(await scoreEach(jobSpec, cvs, scoreOptions));
    },
    async close() {
      closed = true;
      await piscina.destroy();
    },
  };
}
