import type { CandidateResult, FailedCandidate } from '../../domain/candidate-result.ts';

/** What a screening run produced: the same two lists a completed job carries. */
export interface ScreenOutcome {
  readonly results: CandidateResult[];
  readonly failed: FailedCandidate[];
}

export interface CvToScore {
  readonly ref: string;
  readonly text: string;
}
