import { z } from 'zod';
import { CANDIDATE_FLAGS } from '../../domain/candidate-result.ts';
import { VERDICTS } from '../../domain/verdict.ts';
import { decodeJobCursor } from '../../jobs/job-list-cursor.ts';

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

/** What a job view and a job list item both say of a job's progress, in this order. */
const JOB_PROGRESS = {
  job_id: z.string(),
  status: z.enum(['pending', 'processing', 'complete', 'failed']),
  total_candidates: z.number().int(),
  processed_candidates: z.number().int().describe('Candidates scored (or failed) so far.'),
  created_at: z.string(),
} as const;

export const JobView = z
  .object({
    ...JOB_PROGRESS,
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

export const JOB_LIST_LIMIT = { default: 20, max: 100 } as const;

/** GET /api/v1/jobs: the query; the cursor is decoded here, so a forged one is a 422 on `cursor`. */
export const JobListQuery = z.object({
  cursor: z
    .string()
    .transform((text, ctx) => {
      const position = decodeJobCursor(text);
      if (position === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be the next_cursor of a previous page' });
        return z.NEVER;
      }
      return position;
    })
    .optional()
    .describe('The next_cursor of the previous page (opaque).'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(JOB_LIST_LIMIT.max)
    .default(JOB_LIST_LIMIT.default)
    .describe(`Jobs per page, 1–${JOB_LIST_LIMIT.max}.`),
});

export const JobListItem = z
  .object({
    ...JOB_PROGRESS,
    expires_at: z.string().describe('After this the job answers 410 and leaves the list.'),
    completed_at: z.string().nullable().describe('Null until the job is complete.'),
    source: z
      .enum(['api_key', 'dashboard'])
      .describe('Submitted with an API key (POST /api/v1/screen) or from the dashboard workspace.'),
    key_prefix: z.string().nullable().describe('The submitting API key’s prefix; null from the dashboard.'),
  })
  .meta({ id: 'JobListItem' });

export const JobListPage = z
  .object({
    jobs: z.array(JobListItem).describe('Newest first; no job spec, no CV text, no results.'),
    next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page.'),
  })
  .meta({ id: 'JobListPage' });
