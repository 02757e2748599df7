import type { ScoreOptions, ScoreOutcome, ScoringEngine } from '../../src/scoring/engine.ts';

/** A scoring engine for queue tests: instant, deterministic, counting what it was asked. */
export interface FakeEngine extends ScoringEngine {
  /** Every CV text scored, in call order (a CV scored twice appears twice). */
  readonly scored: string[];
  readonly calls: { jobSpec: string; count: number; asOf: string | undefined }[];
  /** When set, every call rejects with this error (the engine is "down"). */
  failWith: Error | undefined;
  /** Milliseconds each call takes. */
  delayMs: number;
}

/** Scores a CV by its length, so results are distinct and predictable; "UNSCORABLE" CVs fail alone. */
export function createFakeEngine(): FakeEngine {
  const engine: FakeEngine = {
    name: 'fake',
    version: '0.0.1',
    scored: [],
    calls: [],
    failWith: undefined,
    delayMs: 0,
    async scoreBatch() {
      throw new Error('the queue uses scoreEach');
    },
    async scoreEach(
      jobSpec: string,
      cvs: readonly string[],
      options?: ScoreOptions,
    ): Promise<ScoreOutcome[]> {
      engine.calls.push({ jobSpec, count: cvs.length, asOf: options?.asOf });
      if (engine.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, engine.delayMs));
      if (engine.failWith) throw engine.failWith;
      engine.scored.push(...cvs);
      return cvs.map((cv) =>
        cv.includes('UNSCORABLE')
          ? { ok: false, error: 'CV could not be read' }
          : { ok: true, value: { score: cv.length % 101, match_reasons: ['reason'], gaps: ['gap'] } },
      );
    },
  };
  return engine;
}
