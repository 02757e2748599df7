import type { EngineScore } from '../../domain/candidate-result.ts';
import type { ScoreOptions, ScoringEngine } from '../engine.ts';

/** PROVISIONAL placeholder while the local engine is written; replaced before it is used for anything. */
export function createLocalEngine(): ScoringEngine {
  return {
    name: 'local',
    version: '0.0.0-placeholder',
    async scoreBatch(_jobSpec: string, cvs: readonly string[], _options?: ScoreOptions): Promise<EngineScore[]> {
      return cvs.map(() => ({ score: 0, match_reasons: [], gaps: [] }));
    },
  };
}
