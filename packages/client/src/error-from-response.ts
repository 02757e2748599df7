import {
  ApiError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  PayloadTooLargeError,
  QuotaExceededError,
  RateLimitError,
  ServiceUnavailableError,
  UnauthorizedError,
  ValidationError,
} from './errors.ts';
import type { TooManyRequestsBody, ValidationIssue } from './types.ts';

const BY_STATUS = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  410: GoneError,
  413: PayloadTooLargeError,
} as const;

/** The typed error for a non-2xx response whose body has been read (JSON when it parsed, else text). */
export function errorFromResponse(response: Response, body: unknown): ApiError {
  const { status } = response;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const detail = detailOf(body) ?? (response.statusText || `HTTP ${status}`);
  if (status === 422 && isIssueList(body)) return new ValidationError(status, body.detail, body, requestId);
  if (status === 429 && isQuota(body)) return new QuotaExceededError(body, requestId);
  if (status === 429 || status === 503) {
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    const seconds = Number.isFinite(retryAfter) ? retryAfter : undefined;
    const Retryable = status === 429 ? RateLimitError : ServiceUnavailableError;
    return new Retryable(status, detail, body, requestId, seconds);
  }
  const Typed = status in BY_STATUS ? BY_STATUS[status as keyof typeof BY_STATUS] : ApiError;
  return new Typed(status, detail, body, requestId);
}

function detailOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body || undefined;
  if (typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string')
    return body.detail;
  return undefined;
}

function isIssueList(body: unknown): body is { detail: ValidationIssue[] } {
  return typeof body === 'object' && body !== null && 'detail' in body && Array.isArray(body.detail);
}

function isQuota(body: unknown): body is Required<TooManyRequestsBody> {
  if (typeof body !== 'object' || body === null) return false;
  const quota = body as Partial<TooManyRequestsBody>;
  return (
    typeof quota.current_usage === 'number' &&
    typeof quota.hard_cap === 'number' &&
    typeof quota.requested_count === 'number' &&
    typeof quota.billing_month === 'string'
  );
}
