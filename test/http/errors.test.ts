import { describe, expect, it } from 'vitest';
import { AppError, ValidationError } from '../../src/domain/errors.ts';
import { toHttpError } from '../../src/http/errors.ts';

describe('toHttpError: the one mapping from errors to HTTP', () => {
  it.each([
    ['bad_request', 400],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['gone', 410],
    ['payload_too_large', 413],
    ['unprocessable', 422],
    ['quota_exceeded', 429],
    ['rate_limited', 429],
    ['unavailable', 503],
  ] as const)('%s → %i with {detail}', (code, status) => {
    const http = toHttpError(new AppError(code, 'Why it failed'));
    expect(http.status).toBe(status);
    expect(http.body).toEqual({ detail: 'Why it failed' });
    expect(http.internal).toBe(false);
  });

  it('keeps the extra fields and headers of an error (quota body, Retry-After)', () => {
    const http = toHttpError(
      new AppError('quota_exceeded', 'Over', { current_usage: 3 }, { 'Retry-After': '5' }),
    );
    expect(http.body).toEqual({ detail: 'Over', current_usage: 3 });
    expect(http.headers).toEqual({ 'Retry-After': '5' });
  });

  it('turns validation issues into a 422 list', () => {
    const issues = [{ loc: ['body', 'name'], msg: 'field required', type: 'value_error.missing' }];
    expect(toHttpError(new ValidationError(issues))).toMatchObject({ status: 422, body: { detail: issues } });
  });

  it('keeps a framework 4xx with a fixed detail, never the framework message', () => {
    const tooLarge = Object.assign(new Error('Request body is too large: 123 bytes'), { statusCode: 413 });
    expect(toHttpError(tooLarge)).toMatchObject({ status: 413, body: { detail: 'Request body too large' } });
    const odd = Object.assign(new Error('internal wording'), { statusCode: 406 });
    expect(toHttpError(odd)).toMatchObject({ status: 406, body: { detail: 'Not Acceptable' } });
  });

  it('answers anything else with a bare 500 that leaks nothing', () => {
    const http = toHttpError(new Error('connection to db at 10.0.0.5 failed: password authentication'));
    expect(http).toEqual({
      status: 500,
      body: {
        detail: 'An unexpected error occurred on our side. If this persists, contact hello@aptly.pro.',
      },
      headers: {},
      internal: true,
    });
    expect(toHttpError(Object.assign(new Error('x'), { statusCode: 503 })).status).toBe(500);
    expect(toHttpError('a string').status).toBe(500);
  });
});
