import { STATUS_CODES } from 'node:http';
import { AppError, ERROR_CODES, ValidationError } from '../domain/errors.ts';
import { isDatabaseUnavailable } from '../store/unavailable.ts';

/** What the client receives for an error: status, `{detail, …}` body and extra headers. */
export interface HttpError {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>> & { readonly detail: unknown };
  readonly headers: Readonly<Record<string, string>>;
  /** True when the error is ours to fix (logged with its stack); client errors are not. */
  readonly internal: boolean;
}

/** Said when the database is down or stuck: the driver's own message would tell the client internals. */
export const DATABASE_UNAVAILABLE = 'The database is unavailable; try again shortly.';
/** The reference's words for a 500 ("Errors"): nothing internal, and where to turn. */
export const UNEXPECTED_ERROR =
  'An unexpected error occurred on our side. If this persists, contact hello@aptly.pro.';
/** Seconds a client is asked to wait: about the time a restarting database or a failover takes. */
const RETRY_AFTER_SECONDS = '5';

/** Details of framework errors a client can cause; anything else 4xx gets the plain status text. */
const FRAMEWORK_DETAILS: Readonly<Record<number, string>> = {
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Request body too large',
};

/**
 * THE one mapping from errors to HTTP (DESIGN.md §1). Domain errors carry their own client-facing detail;
 * errors the framework raises for bad input (oversized body, malformed multipart, …) keep their 4xx status
 * with a fixed detail; a database that is down or stuck is a 503 that passes once it is back; anything
 * else is a 500 that tells the client nothing internal.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof AppError) {
    return {
      status: ERROR_CODES[error.code],
      body: { detail: error.detail, ...error.extra },
      headers: error.headers,
      internal: false,
    };
  }
  if (error instanceof ValidationError) {
    return {
      status: ERROR_CODES.unprocessable,
      body: { detail: error.issues },
      headers: {},
      internal: false,
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: ERROR_CODES.unavailable,
      body: { detail: DATABASE_UNAVAILABLE },
      headers: { 'Retry-After': RETRY_AFTER_SECONDS },
      internal: false,
    };
  }
  const status = clientErrorStatus(error);
  if (status !== undefined) {
    const detail = FRAMEWORK_DETAILS[status] ?? STATUS_CODES[status] ?? 'Bad Request';
    return { status, body: { detail }, headers: {}, internal: false };
  }
  return { status: 500, body: { detail: UNEXPECTED_ERROR }, headers: {}, internal: true };
}

/** The 4xx status of an error raised by Fastify or one of its plugins, if it is one. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  const { statusCode } = error;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : undefined;
}
