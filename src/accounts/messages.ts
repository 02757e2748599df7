import { LIMITS } from '../domain/limits.ts';

/** The client-facing `detail` strings of the accounts area, word for word as the contract states them. */
export const MESSAGES = Object.freeze({
  missingApiKey: 'Missing API key. Send it in the X-API-Key header.',
  invalidApiKey: 'Invalid API key',
  revokedApiKey: 'API key has been revoked',
  apiAccessDisabled:
    'API access is not enabled for your organisation. Contact hello@aptly.pro to get started.',
  incorrectLogin: 'Incorrect email or password',
  invalidCredentials: 'Could not validate credentials',
  emailNotVerified: 'Email address has not been verified',
  noOrganisation: 'The authenticated user has no organisation associated with their account.',
  tooManyKeys: `Maximum ${LIMITS.maxActiveApiKeys} active API keys allowed. Revoke an existing key before creating a new one.`,
  keyNotFound: 'API key not found',
  keyWarning: 'Store this key securely. It will not be shown again.',
});
