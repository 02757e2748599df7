import { z } from 'zod';
import { CANDIDATE_FLAGS } from '../../domain/candidate-result.ts';
import { VERDICTS } from '../../domain/verdict.ts';

/** GET /api/v1/jobs/{job_id}, in the contract's field order (the serializer emits schema order). */
const RequirementOutcome = z.object({
  requirement: z.string(),
  kind: z.string(),
  importance: z.enum(['essential', 'desirable']),
  status: z.enum(['met', 'partial', 'missing']),
  evidence: z.string().nullable(),
});

export const CandidateResult = z
  .object({
    candidate_ref: z.string().describe('Echoed from your request.'),
    score: z.number().int().min(0).max(100),
    verdict: z.enum(VERDICTS).describe('75–100 Strong shortlist, 50–74 Borderline, 0–49 Do not progress.'),
    match_reasons: z.array(z.string()).describe('Up to 4 evidence-based reasons.'),
    gaps: z.array(z.string()).describe('Up to 3 specific gaps.'),
    requirements: z.array(RequirementOutcome).optional().describe('Additive: each requirement, met or not.'),
    flags: z
      .array(z.enum(CANDIDATE_FLAGS))
      .optional()
      .describe('Additive: e.g. keyword_stuffing, truncated.'),
  })
  .meta({ id: 'CandidateResult' });

export const FailedCandidate = z
  .object({ candidate_ref: z.string(), error: z.string() })
  .meta({ id: 'FailedCandidate' });

export const JobView = z
  .object({
    job_id: z.string(),
    status: z.enum(['pending', 'processing', 'complete', 'failed']),
    total_candidates: z.number().int(),
    processed_candidates: z.number().int().describe('Candidates scored (or failed) so far.'),
    created_at: z.string(),
    completed_at: z.string().nullable().describe('Null until the job is complete.'),
    expires_at: z.string(),
    results: z.array(CandidateResult).optional().describe('When complete: sorted by score, highest first.'),
    failed: z
      .array(FailedCandidate)
      .optional()
      .describe('When complete: candidates that could not be scored.'),
    scoring: z.object({ engine: z.string(), version: z.string() }).optional(),
    webhook: z
      .object({
        status: z.string(),
        attempts: z.number().int(),
        last_status_code: z.number().int().nullable(),
      })
      .nullable()
      .optional()
      .describe('Webhook delivery, when a webhook_url was given.'),
  })
  .meta({ id: 'Job' });

export const JobParams = z.object({
  job_id: z.string().describe('The UUID returned by POST /api/v1/screen.'),
});
