import type { Metrics } from '../http/metrics/metrics.ts';
import type { ScoringEngine } from '../scoring/engine.ts';

/**
 * The engine, counting each candidate it finishes (scored or failed) and timing each batch, for /metrics.
 * A batch the engine rejects is timed too: a slow failure is as telling as a slow success.
 */
export function countingEngine(
  engine: ScoringEngine,
  metrics: Pick<Metrics, 'candidatesScored' | 'scoringDuration'>,
): ScoringEngine {
  const scoreEach = engine.scoreEach?.bind(engine);
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const stop = metrics.scoringDuration.startTimer({ engine: engine.name });
    try {
      return await work();
    } finally {
      stop();
    }
  };
  return {
    name: engine.name,
    version: engine.version,
    async scoreBatch(jobSpec, cvs, options) {
      const scores = await timed(() => engine.scoreBatch(jobSpec, cvs, options));
      metrics.candidatesScored.inc({ outcome: 'scored' }, scores.length);
      return scores;
    },
    ...(scoreEach && {
      async scoreEach(jobSpec: string, cvs: readonly string[], options?: Parameters<typeof scoreEach>[2]) {
        const outcomes = await timed(() => scoreEach(jobSpec, cvs, options));
        const scored = outcomes.filter((outcome) => outcome.ok).length;
        metrics.candidatesScored.inc({ outcome: 'scored' }, scored);
        metrics.candidatesScored.inc({ outcome: 'failed' }, outcomes.length - scored);
        return outcomes;
      },
    }),
  };
}
