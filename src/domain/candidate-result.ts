import { type Verdict, verdictForScore } from './verdict.ts';

export type RequirementImportance = 'essential' | 'desirable';
export type RequirementStatus = 'met' | 'partial' | 'missing';

/** Additive per-requirement outcome (DESIGN.md §1, "additive fields"). */
export interface RequirementOutcome {
  requirement: string;
  kind: string;
  importance: RequirementImportance;
  status: RequirementStatus;
  evidence: string | null;
}

export const CANDIDATE_FLAGS = ['keyword_stuffing', 'prompt_injection', 'non_english', 'truncated'] as const;
export type CandidateFlag = (typeof CANDIDATE_FLAGS)[number];

/** What any scoring engine returns for one CV; the verdict is added by `toCandidateResult`. */
export interface EngineScore {
  score: number;
  match_reasons: string[];
  gaps: string[];
  requirements?: RequirementOutcome[];
  flags?: CandidateFlag[];
}

export interface CandidateResult extends EngineScore {
  candidate_ref: string;
  verdict: Verdict;
}

export interface FailedCandidate {
  candidate_ref: string;
  error: string;
}

/**
 * The verdict always comes from the score, by our code. Fields keep the contract's order: candidate_ref,
 * score, verdict, match_reasons, gaps, then the additive ones.
 */
export function toCandidateResult(candidate_ref: string, engine: EngineScore): CandidateResult {
  return {
    candidate_ref,
    score: engine.score,
    verdict: verdictForScore(engine.score),
    match_reasons: engine.match_reasons,
    gaps: engine.gaps,
    ...(engine.requirements ? { requirements: engine.requirements } : {}),
    ...(engine.flags ? { flags: engine.flags } : {}),
  };
}
