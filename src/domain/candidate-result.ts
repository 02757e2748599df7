import type { Verdict } from './verdict.ts';

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
