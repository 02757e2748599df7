import type { ScoreOptions, ScoreOutcome, ScoringEngine } from '../scoring/engine.ts';
import type { ClaimedBatch } from './claim-candidates.ts';
import type { CandidateOutcome } from './complete-candidates.ts';

/**
 * Scores a claimed batch: one outcome per candidate (scored, or the engine's reason it could not be).
 * Rejects when the engine as a whole failed (unreachable, crashed, answered nonsense): a systemic fault,
 * which the runner answers by releasing the batch, not by failing its candidates.
 */
export async function scoreBatch(engine: ScoringEngine, batch: ClaimedBatch): Promise<CandidateOutcome[]> {
  const cvs = batch.items.map((item) => item.cvText);
  const outcomes = await scoreEach(engine, batch.jobSpec, cvs, { asOf: batch.asOf });
  if (outcomes.length !== cvs.length)
    throw new Error(`the engine returned ${outcomes.length} outcomes for ${cvs.length} CVs`);
  return outcomes.map((outcome, i) => {
    const position = batch.items[i]?.position ?? -1;
    return outcome.ok
      ? { position, ok: true, value: outcome.value }
      : { position, ok: false, error: outcome.error };
  });
}

/** Engines without per-candidate outcomes score all-or-nothing: any rejection counts as systemic. */
async function scoreEach(
  engine: ScoringEngine,
  jobSpec: string,
  cvs: readonly string[],
  options: ScoreOptions,
): Promise<ScoreOutcome[]> {
  if (engine.scoreEach) return engine.scoreEach(jobSpec, cvs, options);
  const values = await engine.scoreBatch(jobSpec, cvs, options);
  return values.map((value) => ({ ok: true, value }));
}
