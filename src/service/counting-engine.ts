import type { Metrics } from '../http/metrics/metrics.ts';
import type { ScoringEngine } from '../scoring/engine.ts';

/** The engine, counting each candidate it finishes (scored or failed) for /metrics. */
export function countingEngine(
  engine: ScoringEngine,
  metrics: Pick<Metrics, 'candidatesScored'>,
): ScoringEngine {
  const scoreEach = engine.scoreEach?.bind(engine);
  return {
    name: engine.name,
    version: engine.version,
    async scoreBatch(jobSpec, cvs, options) {
      const scores = await engine.scoreBatch(jobSpec, cvs, options);
      metrics.candidatesScored.inc({ outcome: 'scored' }, scores.length);
      return scores;
    },
    ...(scoreEach && {
      async scoreEach(jobSpec: string, cvs: readonly string[], options?: Parameters<typeof scoreEach>[2]) {
        const outcomes = await scoreEach(jobSpec, cvs, options);
        const scored = outcomes.filter((outcome) => outcome.ok).length;
        metrics.candidatesScored.inc({ outcome: 'scored' }, scored);
        metrics.candidatesScored.inc({ outcome: 'failed' }, outcomes.length - scored);
        return outcomes;
      },
    }),
  };
}
