import { badRequest } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import type { SubmitInput } from './submission.ts';

export const DUPLICATE_REFS =
  'Duplicate candidate_ref values found, all candidate_ref values must be unique within a request';

/** Why a blank CV is not scored; the candidate ends in `failed` with this error. */
export const EMPTY_CV = 'cv_text is empty: nothing to score';

/**
 * The 400 rules of a well-typed submission (DESIGN.md §1, "400 vs 422"), with the documented messages.
 * A blank cv_text is not among them: it is accepted and that candidate fails on its own.
 */
export function checkSubmission(input: SubmitInput): void {
  if (input.job_spec.trim() === '') throw badRequest('job_spec must not be empty');
  if (input.candidates.length === 0) throw badRequest('At least one candidate is required');
  if (input.candidates.length > LIMITS.maxCandidatesPerRequest)
    throw badRequest(`Maximum ${LIMITS.maxCandidatesPerRequest} candidates per request`);
  const refs = new Set(input.candidates.map((c) => c.candidate_ref));
  if (refs.size !== input.candidates.length) throw badRequest(DUPLICATE_REFS);
}

export function isBlankCv(cvText: string): boolean {
  return cvText.trim() === '';
}
