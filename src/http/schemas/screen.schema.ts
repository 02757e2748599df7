import { z } from 'zod';
import { LIMITS } from '../../domain/limits.ts';

/**
 * POST /api/v1/screen. Types only: a wrong type is a 422 here; the semantic rules (non-blank job_spec,
 * 1–200 candidates, unique refs, public https webhook) are the jobs service's 400s. Unknown fields are
 * ignored.
 */
export const CandidateInput = z.object({
  candidate_ref: z
    .string()
    .describe('Your internal identifier for this candidate, unique within the request; echoed back.'),
  cv_text: z
    .string()
    .describe(
      `The CV as plain text. The first ${LIMITS.cvCharactersScored.toLocaleString('en')} characters are scored.`,
    ),
});

export const ScreenRequest = z
  .object({
    job_spec: z.string().describe('The full job description or specification, plain text.'),
    candidates: z
      .array(CandidateInput)
      .describe(`1 to ${LIMITS.maxCandidatesPerRequest} candidates; candidate_ref values must be unique.`),
    webhook_url: z
      .string()
      .nullable()
      .optional()
      .describe('A publicly accessible https URL that receives the results by POST when the job completes.'),
  })
  .meta({ id: 'ScreenRequest' });

export type ScreenInput = z.output<typeof ScreenRequest>;

export const ScreenHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .optional()
    .describe('Optional, at most 255 characters: a repeat with the same body returns the original response.'),
});

export const ScreenResponse = z
  .object({
    job_id: z.string().describe('UUID of the job; poll GET /api/v1/jobs/{job_id}.'),
    status: z.string().describe('Always `pending` on initial submission.'),
    total_candidates: z.number().int().describe('Number of candidates accepted for processing.'),
    expires_at: z
      .string()
      .describe('ISO 8601 UTC timestamp when results will be purged (72 hours from submission).'),
  })
  .meta({ id: 'ScreenResponse' });
