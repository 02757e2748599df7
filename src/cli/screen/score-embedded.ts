import {
  type CandidateResult,
  type FailedCandidate,
  toCandidateResult,
} from '../../domain/candidate-result.ts';
import type { ScoreOutcome, ScoringEngine } from '../../scoring/engine.ts';
import { createLocalEngine } from '../../scoring/local/engine.ts';
import { createScoringPool } from '../../scoring/pool.ts';
import type { CvToScore, ScreenOutcome } from './outcome.ts';
import type { Progress } from './progress.ts';

/** Batches above this size are worth the worker threads' start-up time. */
const POOL_THRESHOLD = 40;
/** CVs scored between two progress updates; the spec is parsed once per chunk, which costs little. */
const CHUNK = 20;

/** Scores on this machine with the local engine: no server, no database. */
export async function scoreEmbedded(
  jobSpec: string,
  cvs: readonly CvToScore[],
  asOf: string | undefined,
  progress: Progress,
): Promise<ScreenOutcome> {
  const engine: ScoringEngine = cvs.length > POOL_THRESHOLD ? createScoringPool() : createLocalEngine();
  try {
    if (!engine.scoreEach) throw new Error(`engine ${engine.name} cannot report per-candidate outcomes`);
    const outcomes: ScoreOutcome[] = [];
    progress.update(0, cvs.length);
    for (let start = 0; start < cvs.length; start += CHUNK) {
      const chunk = cvs.slice(start, start + CHUNK).map((c) => c.text);
      outcomes.push(...(await engine.scoreEach(jobSpec, chunk, asOf ? { asOf } : {})));
      progress.update(outcomes.length, cvs.length);
    }
    const results: CandidateResult[] = [];
    const failed: FailedCandidate[] = [];
    outcomes.forEach((outcome, i) => {
      const candidate_ref = cvs[i]?.ref ?? String(i + 1);
      if (outcome.ok) results.push(toCandidateResult(candidate_ref, outcome.value));
      else failed.push({ candidate_ref, error: outcome.error });
    });
    return { results, failed };
  } finally {
    progress.finish();
    await engine.close?.();
  }
}
