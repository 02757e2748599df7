import type { LanguageModel } from 'ai';
import {
  callModel,
  describeProviderError,
  InvalidAnswerError,
  isTransient,
  ProviderUnavailableError,
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

/**
 * The model's answer for one prompt, or undefined when it twice answered something that is not valid
 * JSON for the schema. Passing faults are retried (retry.ts) while holding a concurrency slot, so a
 * rate-limited provider is not hit by the waiting calls meanwhile; once retries are spent, or on an error
 * no retry can fix (bad key, unknown model), ProviderUnavailableError: a systemic fault, not the CV's.
 */
export async function answerFor(
  ctx: AnswerContext,
  system: string,
  prompt: string,
): Promise<ModelAnswer | undefined> {
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
      if (error instanceof ProviderUnavailableError) throw error;
      throw new ProviderUnavailableError(describeProviderError(error));
    }
  }
  return undefined;
}
