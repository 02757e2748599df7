import type { EngineScore } from '../domain/candidate-result.ts';

export interface ScoreOptions {
  /**
   * The date "present" / "current" in a CV resolves to (ISO date, e.g. the job's submission date).
   * Part of the input so that the same input always gives the same output.
   */
  asOf?: string;
}

/** One candidate's outcome: a score, or a clear reason it could not be scored. */
export type ScoreOutcome =
  | { readonly ok: true; readonly value: EngineScore }
  | { readonly ok: false; readonly error: string };

/**
 * Every scoring engine (local, LLM providers, evaluation baselines) implements this.
 * The job spec is parsed once per batch, never once per candidate.
 */
export interface ScoringEngine {
  readonly name: string;
  readonly version: string;
  /** Scores every CV; rejects if any CV cannot be scored (use `scoreEach` to get partial results). */
  scoreBatch(jobSpec: string, cvs: readonly string[], options?: ScoreOptions): Promise<EngineScore[]>;
  /** Scores every CV, reporting per candidate whether it could be scored. */
  scoreEach?(jobSpec: string, cvs: readonly string[], options?: ScoreOptions): Promise<ScoreOutcome[]>;
  close?(): Promise<void>;
}
