import { ApiError } from '../api/http.ts';
import { API_ACCESS_OFF } from '../pages/keys-messages.ts';

/** The server's refusals of a submission, in the workspace's words. */
export function submitError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The job could not be submitted. Try again.';
  if (error.status === 429 && /quota/i.test(error.detail))
    return `${error.detail} The Usage page shows this month’s figures.`;
  if (error.status === 403 && /API access/.test(error.detail)) return API_ACCESS_OFF;
  if (error.status === 413)
    return 'The CVs are too large to send at once (25 MiB). Submit them in smaller batches.';
  return error.detail;
}
