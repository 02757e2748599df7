import { performance } from 'node:perf_hooks';
import { LIMITS } from '../src/domain/limits.ts';
import type { ScoringEngine } from '../src/scoring/engine.ts';
import { hasPreciseScores } from './baselines/precise-scores.ts';
import type { EngineEntry } from './engines.ts';

export interface ScoreRequest {
  label: string;
  spec: string;
  cvs: readonly string[];
}

export interface ScoredBatch {
  /** The contract's integer 0–100 scores (verdicts, score distribution). */
  scores: number[];
  /** Same scores before rounding where the engine can give them, else the integer scores (ranking metrics). */
  precise: number[];
}

export interface EngineRun {
  entry: EngineEntry;
  run: ScoringRun;
}

export interface ScoringRun {
  batches: ScoredBatch[];
  /** Wall time spent inside scoreBatch only. */
  seconds: number;
}

/**
 * Scores each request with one engine, in requests of at most the contract's 200 CVs (a larger job is
 * split the way a client would have to split it).
 */
export async function scoreAll(
  engine: ScoringEngine,
  requests: readonly ScoreRequest[],
  asOf: string,
  progress: (line: string) => void,
): Promise<ScoringRun> {
  const batches: ScoredBatch[] = [];
  let milliseconds = 0;
  for (const [index, request] of requests.entries()) {
    progress(`${engine.name}: ${index + 1}/${requests.length} ${request.label} (${request.cvs.length} CVs)`);
    const scores: number[] = [];
    const precise: number[] = [];
    for (let start = 0; start < request.cvs.length; start += LIMITS.maxCandidatesPerRequest) {
      const chunk = request.cvs.slice(start, start + LIMITS.maxCandidatesPerRequest);
      const began = performance.now();
      const results = await engine.scoreBatch(request.spec, chunk, { asOf });
      milliseconds += performance.now() - began;
      if (results.length !== chunk.length) {
        throw new Error(`${engine.name} returned ${results.length} scores for ${chunk.length} CVs`);
      }
      const chunkScores = results.map((r) => r.score);
      scores.push(...chunkScores);
      precise.push(...(hasPreciseScores(engine) ? engine.preciseScores(request.spec, chunk) : chunkScores));
    }
    batches.push({ scores, precise });
  }
  return { batches, seconds: milliseconds / 1000 };
}
