import { z } from 'zod';

/**
 * What the model must answer, as the structured-output schema sent to the provider. Deliberately loose on
 * limits (no integer score, no maximum list lengths): a model that overshoots is trimmed by our code
 * (finalize.ts), not failed, and strict-mode providers accept only plain types. Every reason carries the
 * CV passage it rests on, which grounding.ts checks.
 */
export const ModelAnswerSchema = z.object({
  score: z.number().describe('0 to 100: fit against the job requirements only'),
  match_reasons: z
    .array(
      z.object({
        reason: z.string().describe('one specific, evidence-based reason the candidate fits'),
        evidence: z.string().describe('the words of the CV this reason rests on, quoted exactly'),
      }),
    )
    .describe('up to 4 reasons, strongest first'),
  gaps: z.array(z.string()).describe('up to 3 specific, actionable gaps against the requirements'),
});

export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;
