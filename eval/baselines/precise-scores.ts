import type { EngineScore } from '../../src/domain/candidate-result.ts';
import { clampScore } from '../../src/domain/verdict.ts';
import type { ScoringEngine } from '../../src/scoring/engine.ts';

/**
 * A baseline that can also hand back its 0–100 score before the contract's rounding to an integer. The
 * ranking metrics use these, because rounding would create ties the method itself does not have
 * (TF-IDF cosines of a whole batch often fall within a few points).
 */
export interface PreciseScoringEngine extends ScoringEngine {
  preciseScores(jobSpec: string, cvs: readonly string[]): number[];
}

export function hasPreciseScores(engine: ScoringEngine): engine is PreciseScoringEngine {
  return typeof (engine as Partial<PreciseScoringEngine>).preciseScores === 'function';
}

/**
 * Wraps a 0–100 score in the engine contract. Baselines give no reasons or gaps: they exist to be
 * measured against, not to be shown to recruiters.
 */
export function toEngineScore(score0to100: number): EngineScore {
  return { score: clampScore(score0to100), match_reasons: [], gaps: [] };
}
