import type { CandidateFlag, RequirementOutcome } from '../../domain/candidate-result.ts';
import type { ScoreOptions, ScoreOutcome, ScoringEngine } from '../engine.ts';
import { createLocalEngine } from '../local/engine.ts';

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

/** Reads CVs the way the local engine does; the service passes its worker-thread pool. */
export type LocalReader = Required<Pick<ScoringEngine, 'scoreEach'>>;

/** The in-process local engine, for `aptly eval`, the bench and tests. */
export function inProcessReader(): LocalReader {
  const engine = createLocalEngine();
  return {
    scoreEach: (jobSpec, cvs, options) => engine.scoreEach?.(jobSpec, cvs, options) ?? Promise.resolve([]),
  };
}

/**
 * The local reading of each CV. A CV the local engine cannot score at all (blank, no text) is not worth a
 * model call either: its reason becomes the candidate's error.
 */
export async function readContexts(
  reader: LocalReader,
  jobSpec: string,
  cvs: readonly string[],
  options?: ScoreOptions,
): Promise<ContextOutcome[]> {
  if (cvs.length === 0) return [];
  const outcomes = await reader.scoreEach(jobSpec, cvs, options);
  return outcomes.map(toContext);
}

function toContext(outcome: ScoreOutcome): ContextOutcome {
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    context: { requirements: outcome.value.requirements ?? [], flags: outcome.value.flags ?? [] },
  };
}
