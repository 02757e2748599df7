/**
 * Every error the service reports to a client, by code. HTTP status and body are decided in one place
 * (`http/errors.ts`); domain and store code only throw these.
 */
export const ERROR_CODES = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unprocessable: 422,
  quota_exceeded: 429,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One entry of a 422 body, pydantic v1 style: `{loc: ["body","candidates",0,"cv_text"], msg, type}`. */
export interface ValidationIssue {
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The `detail` string the client sees: written for the client, never holding secrets or CV text. */
    readonly detail: string,
    /** Extra top-level fields of the body (the quota body's `current_usage`, …). */
    readonly extra: Readonly<Record<string, unknown>> = {},
    /** Extra response headers (`Retry-After`). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export class ValidationError extends Error {
  readonly code = 'unprocessable' as const;
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`${issues.length} validation error(s)`);
    this.name = 'ValidationError';
  }
}

export const badRequest = (detail: string) => new AppError('bad_request', detail);
export const unauthorized = (detail: string) => new AppError('unauthorized', detail);
export const forbidden = (detail: string) => new AppError('forbidden', detail);
export const notFound = (detail: string) => new AppError('not_found', detail);
export const gone = (detail: string) => new AppError('gone', detail);
export const conflict = (detail: string) => new AppError('conflict', detail);
