import type { TooManyRequestsBody, ValidationIssue } from './types.ts';

/** Any non-2xx answer of the API: the status, the `detail` of its `{"detail": …}` body and the raw body. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    /** The `detail` string; for a 422, the issues joined ("body.candidates.0.cv_text: field required"). */
    readonly detail: string,
    readonly body: unknown,
    /** The X-Request-Id of the answer: quote it when reporting a problem. */
    readonly requestId: string | undefined,
  ) {
    super(`${status}: ${detail}`);
  }
}

/** 400: a semantic rule of the request (empty job_spec, duplicate candidate_ref, 6th active key, ...). */
export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}
/** 401: missing, invalid or revoked API key; missing or invalid JWT. */
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
}
/** 403: API access not enabled for the organisation, unverified email, or a user without organisation. */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
}
/** 404: no such job or key in your organisation. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
/** 409: an Idempotency-Key whose first request is still in flight. */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
/** 410: the job's results expired (72 hours after submission). */
export class GoneError extends ApiError {
  override name = 'GoneError';
}
/** 413: the request body is too large. */
export class PayloadTooLargeError extends ApiError {
  override name = 'PayloadTooLargeError';
}

/** 422: the body failed validation; one issue per failing field. */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
  constructor(
    status: number,
    readonly details: ValidationIssue[],
    body: unknown,
    requestId: string | undefined,
  ) {
    super(status, details.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; '), body, requestId);
  }
}

/** 429 with the quota fields: this request would push the organisation over its monthly hard cap. */
export class QuotaExceededError extends ApiError {
  override name = 'QuotaExceededError';
  readonly currentUsage: number;
  readonly hardCap: number;
  readonly requestedCount: number;
  /** The UTC billing month, YYYY-MM. */
  readonly billingMonth: string;
  constructor(quota: Required<TooManyRequestsBody>, requestId: string | undefined) {
    super(429, quota.detail, quota, requestId);
    this.currentUsage = quota.current_usage;
    this.hardCap = quota.hard_cap;
    this.requestedCount = quota.requested_count;
    this.billingMonth = quota.billing_month;
  }
}

/** An answer that asks to come back later (Retry-After): a rate limit, or the server's database away. */
export class RetryableError extends ApiError {
  override name = 'RetryableError';
  constructor(
    status: number,
    detail: string,
    body: unknown,
    requestId: string | undefined,
    /** Seconds from the Retry-After header, when it gave a number. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(status, detail, body, requestId);
  }
}
/** 429 without quota fields: too many requests per minute; retry after `retryAfterSeconds`. */
export class RateLimitError extends RetryableError {
  override name = 'RateLimitError';
}
/** 503: the service cannot reach its database right now; retry after `retryAfterSeconds`. */
export class ServiceUnavailableError extends RetryableError {
  override name = 'ServiceUnavailableError';
}

/** waitForJob's timeout passed before the job reached a terminal status. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
  constructor(
    readonly jobId: string,
    readonly timeoutMs: number,
    /** The job as last seen, if it was seen at all. */
    readonly lastJob: unknown,
  ) {
    super(`job ${jobId} did not finish within ${timeoutMs} ms`);
  }
}
