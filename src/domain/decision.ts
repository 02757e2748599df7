import type { RequirementImportance, RequirementOutcome, RequirementStatus } from './candidate-result.ts';
import type { Verdict } from './verdict.ts';

/** A requirement's outcome as the decision log keeps it: what was asked and whether it was met, no evidence. */
export interface DecisionRequirement {
  readonly kind: string;
  readonly label: string;
  readonly importance: RequirementImportance;
  readonly status: RequirementStatus;
}

/** One logged screening decision (README "Decision log and audits"). Holds no CV text and no job spec. */
export interface Decision {
  readonly id: number;
  readonly job_id: string;
  readonly org_id: number;
  readonly candidate_ref: string;
  readonly score: number;
  readonly verdict: Verdict;
  readonly requirements: DecisionRequirement[];
  readonly engine: string;
  readonly engine_version: string;
  readonly key_id: number | null;
  readonly submitted_at: string;
  readonly decided_at: string;
}

/** Default of APTLY_DECISION_LOG_DAYS. */
export const DEFAULT_DECISION_LOG_DAYS = 180;

/** Requirement labels are short phrases the engine derived from the spec; a runaway one is cut. */
const MAX_LABEL = 120;

/** Drops the evidence (it quotes the CV): the log keeps what was asked and the outcome only. */
export function toDecisionRequirements(
  requirements: readonly RequirementOutcome[] = [],
): DecisionRequirement[] {
  return requirements.map((r) => ({
    kind: r.kind,
    label: r.requirement.length > MAX_LABEL ? `${r.requirement.slice(0, MAX_LABEL - 1)}…` : r.requirement,
    importance: r.importance,
    status: r.status,
  }));
}
