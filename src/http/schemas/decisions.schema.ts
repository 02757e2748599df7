import { z } from 'zod';
import { DATE_BOUND_HINT, parseDateBound } from '../../domain/date-bound.ts';
import { VERDICTS } from '../../domain/verdict.ts';

export const DECISION_PAGE_LIMIT = { default: 100, max: 1000 } as const;

const dateBound = z
  .string()
  .transform((text, ctx) => {
    const at = parseDateBound(text);
    if (at === undefined) {
      ctx.addIssue({ code: 'custom', message: `must be ${DATE_BOUND_HINT}` });
      return z.NEVER;
    }
    return at;
  })
  .optional();

export const DecisionsQuery = z.object({
  since: dateBound.describe(`Decided at or after: ${DATE_BOUND_HINT}.`),
  until: dateBound.describe(`Decided before: ${DATE_BOUND_HINT}.`),
  cursor: z
    .string()
    .regex(/^\d{1,10}$/, 'must be the next_cursor of a previous page')
    .transform(Number)
    .optional()
    .describe('The next_cursor of the previous page.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(DECISION_PAGE_LIMIT.max)
    .default(DECISION_PAGE_LIMIT.default)
    .describe(`Decisions per page, 1–${DECISION_PAGE_LIMIT.max}.`),
});

const DecisionRequirement = z.object({
  kind: z.string().describe('e.g. technology, skill, years, degree, title.'),
  label: z.string().describe('The requirement, as the engine read it from the spec (a short phrase).'),
  importance: z.enum(['essential', 'desirable']),
  status: z.enum(['met', 'partial', 'missing']),
});

export const Decision = z
  .object({
    id: z.number().int().describe('Increasing with the log.'),
    job_id: z.string(),
    org_id: z.number().int(),
    candidate_ref: z.string(),
    score: z.number().int(),
    verdict: z.enum(VERDICTS),
    requirements: z.array(DecisionRequirement).describe('Outcome per requirement; no evidence, no CV text.'),
    engine: z.string(),
    engine_version: z.string(),
    key_id: z
      .number()
      .int()
      .nullable()
      .describe('The API key that submitted the job; null from the dashboard.'),
    submitted_at: z.string(),
    decided_at: z.string(),
  })
  .meta({ id: 'Decision' });

export const DecisionPage = z
  .object({
    decisions: z.array(Decision),
    next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page.'),
  })
  .meta({ id: 'DecisionPage' });
