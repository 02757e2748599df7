import {
  APICallError,
  generateText,
  type LanguageModel,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
} from 'ai';
import { type ModelAnswer, ModelAnswerSchema } from './schema.ts';

/** The model answered, but not with JSON that fits the schema. */
export class InvalidAnswerError extends Error {
  override name = 'InvalidAnswerError';
}

/**
 * The provider refused this one request (400, 413, 422: too long for the model's context, a content
 * filter): the CV's problem, not the provider's, so only this candidate fails.
 */
export class RequestRejectedError extends Error {
  override name = 'RequestRejectedError';
}

/** The provider could not be used: unreachable, overloaded past our retries, or refusing our requests. */
export class ProviderUnavailableError extends Error {
  override name = 'ProviderUnavailableError';
}

export interface ModelCall {
  readonly model: LanguageModel;
  readonly system: string;
  readonly prompt: string;
  readonly timeoutMs: number;
}

/**
 * One structured-output call at temperature 0. The SDK's own retries are off: ours (retry.ts) honour
 * Retry-After and tell an invalid answer from an unreachable provider. Errors come out as one of three
 * kinds: InvalidAnswerError, a transient error (isTransient), or ProviderUnavailableError.
 */
export async function callModel(call: ModelCall): Promise<ModelAnswer> {
  try {
    const result = await generateText({
      model: call.model,
      system: call.system,
      prompt: call.prompt,
      temperature: 0,
      // Ample for 4 reasons and 3 gaps; bounds the cost of a model that rambles or loops.
      maxOutputTokens: 2_000,
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(call.timeoutMs),
      output: Output.object({ schema: ModelAnswerSchema, name: 'cv_screening' }),
    });
    return result.output;
  } catch (error) {
    if (NoObjectGeneratedError.isInstance(error) || NoOutputGeneratedError.isInstance(error))
      throw new InvalidAnswerError('the answer is not valid JSON');
    if (isTransient(error)) throw error;
    if (APICallError.isInstance(error) && [400, 413, 422].includes(error.statusCode ?? 0))
      throw new RequestRejectedError(
        `The language model provider rejected this CV (HTTP ${error.statusCode ?? 400})`,
      );
    throw new ProviderUnavailableError(describeProviderError(error));
  }
}

/** Worth another try: rate limited, a server error, a timeout, a connection that failed. */
export function isTransient(error: unknown): boolean {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    return status === undefined || status === 408 || status === 429 || status >= 500 || error.isRetryable;
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true;
  return error instanceof TypeError; // fetch's "fetch failed" when the connection is refused or reset
}

/** A message for logs and job errors: status and URL only, never a request body (it holds the CV). */
export function describeProviderError(error: unknown): string {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode === undefined ? 'no answer' : `HTTP ${error.statusCode}`;
    return `the language model provider failed (${status} from ${error.url})`;
  }
  if (error instanceof Error && error.name === 'TimeoutError')
    return 'the language model provider did not answer in time';
  return `the language model provider failed (${error instanceof Error ? error.name : 'unknown error'})`;
}
