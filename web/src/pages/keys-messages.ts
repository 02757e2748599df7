import { ApiError } from '../api/http.ts';

/** The most active keys an organisation may have (the reference's limit). */
export const MAX_ACTIVE_KEYS = 5;

export const API_ACCESS_OFF =
  'API access is not enabled for your organisation, so keys cannot be created and existing keys are ' +
  'refused. Contact hello@aptly.pro to get started; on a self-hosted server an administrator turns it on ' +
  'with `npx aptly org update ID --api-access on`.';

export const KEY_LIMIT_REACHED =
  `Your organisation has ${MAX_ACTIVE_KEYS} active keys, the most allowed. Revoke a key you no longer use ` +
  'before creating another.';

/** The server's refusals to create a key, in the page's words rather than raw errors. */
export function createKeyError(error: unknown): string {
  if (error instanceof ApiError && error.status === 400 && /Maximum/.test(error.detail))
    return KEY_LIMIT_REACHED;
  if (error instanceof ApiError && error.status === 403 && /API access/.test(error.detail))
    return API_ACCESS_OFF;
  if (error instanceof ApiError && error.status === 403)
    return `${error.detail}. Ask an administrator to verify your account or add you to an organisation.`;
  if (error instanceof ApiError && error.status === 422) return 'Give the key a name of 1 to 100 characters.';
  return error instanceof ApiError ? error.detail : 'The key could not be created. Try again.';
}
