import type { CandidateFlag, RequirementOutcome } from '../../domain/candidate-result.ts';
import type { MonthIndex } from '../local/cv/date-ranges.ts';
import type { LocalScorer } from '../local/engine.ts';
import type { ParsedJob } from '../local/jobspec/types.ts';

/**
 * The local engine's reading of one CV, given to the model as context (hybrid grounding): which
 * requirements the spec holds, how important each is, and the CV evidence found for it. Its flags
 * (prompt_injection, truncated, ...) are ours to report whatever the model says.
 */
export interface GroundingContext {
  readonly requirements: readonly RequirementOutcome[];
  readonly flags: readonly CandidateFlag[];
}

export type ContextOutcome =
  | { readonly ok: true; readonly context: GroundingContext }
  | { readonly ok: false; readonly error: string };

/** A CV the local engine cannot score at all (blank, no text) is not worth a model call either. */
export function groundingContext(
  scorer: LocalScorer,
  job: ParsedJob,
  cv: string,
  asOf: MonthIndex,
): ContextOutcome {
  const local = scorer.score(job, cv, asOf);
  if (!local.ok) return local;
  return {
    ok: true,
    context: { requirements: local.value.requirements ?? [], flags: local.value.flags ?? [] },
  };
}
