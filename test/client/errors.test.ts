import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AptlyClient,
  ConflictError,
  GoneError,
  QuotaExceededError,
  RateLimitError,
  ServiceUnavailableError,
  ValidationError,
} from '../../packages/client/src/index.ts';

/** A client whose fetch answers one canned response: the statuses a live test cannot easily provoke. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}): AptlyClient {
  const fetchStub: typeof fetch = async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-1', ...headers },
    });
  return new AptlyClient({ baseUrl: 'http://aptly.test', apiKey: 'aptly_test', fetch: fetchStub });
}

const failure = (client: AptlyClient) => client.getJob('j1').catch((error: unknown) => error);

describe('typed errors by status', () => {
  it('410 is a GoneError and 409 a ConflictError, both ApiErrors with detail and request id', async () => {
    const gone = await failure(answering(410, { detail: 'Results have expired' }));
    expect(gone).toBeInstanceOf(GoneError);
    expect(gone).toBeInstanceOf(ApiError);
    expect(gone).toMatchObject({ status: 410, detail: 'Results have expired', requestId: 'req-1' });
    expect(await failure(answering(409, { detail: 'in flight' }))).toBeInstanceOf(ConflictError);
  });

  it('429 with the quota fields is a QuotaExceededError carrying them; without, a RateLimitError', async () => {
    const quota = {
      detail: 'Monthly API quota would be exceeded.',
      current_usage: 3400,
      hard_cap: 3500,
      requested_count: 200,
      billing_month: '2026-05',
    };
    expect(await failure(answering(429, quota))).toMatchObject({
      name: 'QuotaExceededError',
      currentUsage: 3400,
      hardCap: 3500,
      requestedCount: 200,
      billingMonth: '2026-05',
    });
    const limited = await failure(answering(429, { detail: 'Rate limit exceeded' }, { 'retry-after': '7' }));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited).not.toBeInstanceOf(QuotaExceededError);
    expect(limited).toMatchObject({ retryAfterSeconds: 7 });
  });

  it('503 is a ServiceUnavailableError with Retry-After; 422 a ValidationError with its issues', async () => {
    expect(await failure(answering(503, { detail: 'down' }, { 'retry-after': '2' }))).toMatchObject({
      name: 'ServiceUnavailableError',
      retryAfterSeconds: 2,
    });
    expect(await failure(answering(503, { detail: 'down' }))).toBeInstanceOf(ServiceUnavailableError);
    const issues = [{ loc: ['body', 'job_spec'], msg: 'field required', type: 'value_error.missing' }];
    const invalid = await failure(answering(422, { detail: issues }));
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).toMatchObject({ details: issues, detail: 'body.job_spec: field required' });
  });

  it('a body that is not JSON still gives a typed error with the text as detail', async () => {
    expect(await failure(answering(502, 'Bad Gateway'))).toMatchObject({
      name: 'ApiError',
      status: 502,
      detail: 'Bad Gateway',
    });
  });
});
