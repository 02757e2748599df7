import type { LanguageModel } from 'ai';
import {
  callModel,
  describeProviderError,
  InvalidAnswerError,
  isTransient,
  ProviderUnavailableError,
  RequestRejectedError,
} from './call-model.ts';
import type { Limiter } from './limiter.ts';
import { type RetryPolicy, withRetries } from './retry.ts';
import type { ModelAnswer } from './schema.ts';

export interface AnswerContext {
  readonly model: LanguageModel;
  readonly limiter: Limiter;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
}

/** An answer that is not valid JSON for the schema gets one more chance, then the candidate fails. */
const INVALID_ANSWER_ATTEMPTS = 2;

/** The candidate's error when the model could not give a usable answer for it. */
export interface NoAnswer {
  readonly error: string;
}

/** The reference's own example error, for an answer that was twice not valid JSON for the schema. */
export const JSON_DECODE_ERROR = 'JSON decode error';

/**
 * The model's answer for one prompt, or the candidate's error: "JSON decode error" when it twice answered
 * something that is not valid JSON for the schema, or the provider's refusal of this request. Passing faults are retried (retry.ts) while holding a concurrency slot, so a
 * rate-limited provider is not hit by the waiting calls meanwhile; once retries are spent, or on an error
 * no retry can fix (bad key, unknown model), ProviderUnavailableError: a systemic fault, not the CV's.
 */
export async function answerFor(
  ctx: AnswerContext,
  system: string,
  prompt: string,
): Promise<ModelAnswer | NoAnswer> {
  for (let attempt = 0; attempt < INVALID_ANSWER_ATTEMPTS; attempt++) {
    try {
      return await ctx.limiter(() =>
        withRetries(
          () => callModel({ model: ctx.model, system, prompt, timeoutMs: ctx.timeoutMs }),
          ctx.retry,
          isTransient,
        ),
      );
    } catch (error) {
      if (error instanceof InvalidAnswerError) continue;
      if (error instanceof RequestRejectedError) return { error: error.message };
      if (error instanceof ProviderUnavailableError) throw error;
      throw new ProviderUnavailableError(describeProviderError(error));
    }
  }
  return { error: JSON_DECODE_ERROR };
}
