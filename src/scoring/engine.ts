import type { EngineScore } from '../domain/candidate-result.ts';

export interface ScoreOptions {
  /**
   * The date "present" / "current" in a CV resolves to (ISO date, e.g. the job's submission date).
   * Part of the input so that the same input always gives the same output.
   */
  asOf?: string;
}

/**
 * Every scoring engine (local, LLM providers, evaluation baselines) implements this.
 * The job spec is parsed once per batch, never once per candidate.
 */
export interface ScoringEngine {
  readonly name: string;
  readonly version: string;
  scoreBatch(jobSpec: string, cvs: readonly string[], options?: ScoreOptions): Promise<EngineScore[]>;
  close?(): Promise<void>;
}
