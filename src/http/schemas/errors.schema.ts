import { z } from 'zod';

/** Error bodies, for the OpenAPI document; http/errors.ts builds them. */
export const ErrorBody = z
  .object({ detail: z.string().describe('What went wrong, for a person to read.') })
  .meta({ id: 'Error' });

export const ValidationErrorBody = z
  .object({
    detail: z.array(
      z.object({
        loc: z
          .array(z.union([z.string(), z.number().int()]))
          .describe('Where: ["body", "candidates", 0, "cv_text"]'),
        msg: z.string().describe('e.g. "field required"'),
        type: z.string().describe('e.g. "value_error.missing"'),
      }),
    ),
  })
  .meta({ id: 'ValidationError', description: 'Request failed validation: one entry per failing field.' });

/** 429: the monthly quota body, or a rate limit (detail only). */
export const TooManyRequestsBody = z
  .object({
    detail: z.string(),
    current_usage: z.number().int().optional().describe('Quota only: CVs used this billing month.'),
    hard_cap: z.number().int().optional().describe('Quota only: the monthly hard cap.'),
    requested_count: z.number().int().optional().describe('Quota only: CVs in the refused request.'),
    billing_month: z.string().optional().describe('Quota only: the UTC billing month, YYYY-MM.'),
  })
  .meta({ id: 'TooManyRequests' });

/** A `{detail}` error response with its meaning for this route. */
export const errorResponse = (description: string) => ErrorBody.describe(description);

/** Any route that reads the database can answer this while it is down (http/errors.ts). */
const DATABASE_UNAVAILABLE = errorResponse(
  'The database is unavailable or did not answer in time (Retry-After header); try again shortly.',
);

/** The reference's "500 Server Error": never more than this fixed detail (http/errors.ts). */
const SERVER_ERROR = errorResponse('An unexpected error occurred on our side; the body says nothing more.');

/** Responses every API-key route can give besides its own. */
export const API_KEY_ERRORS = {
  401: errorResponse('Missing X-API-Key header, invalid key, or revoked key.'),
  403: errorResponse('API access is not enabled for your organisation.'),
  429: TooManyRequestsBody.describe('Rate limit exceeded (Retry-After header), or monthly quota.'),
  500: SERVER_ERROR,
  503: DATABASE_UNAVAILABLE,
} as const;

/** Responses every dashboard (JWT) route can give besides its own. */
export const USER_ERRORS = {
  401: errorResponse('Missing or invalid JWT.'),
  403: errorResponse('Email address has not been verified, or the user has no organisation.'),
  429: TooManyRequestsBody.describe('Rate limit exceeded (Retry-After header).'),
  500: SERVER_ERROR,
  503: DATABASE_UNAVAILABLE,
} as const;
