/** The accounts area as other areas use it: authentication, key management, organisations, bootstrap. */
export { authenticateApiKey } from './authenticate-api-key.ts';
export { authenticateDashboardScreener } from './authenticate-dashboard-screener.ts';
export { authenticateUser } from './authenticate-user.ts';
export { BOOTSTRAP_ADMIN_EMAIL, type BootstrapResult, bootstrapIfEmpty } from './bootstrap.ts';
export { createApiKey, createKey } from './create-key.ts';
export { resolveJwtSecret } from './jwt-secret.ts';
export { listKeys } from './list-keys.ts';
export { login } from './login.ts';
export { organisationOf } from './member-access.ts';
export { MESSAGES } from './messages.ts';
export type {
  AccessToken,
  ApiKeyRecord,
  CreatedKey,
  KeyListing,
  KeyListingItem,
  Organisation,
  User,
} from './model.ts';
export {
  createOrganisation,
  DEFAULT_PLAN,
  type OrganisationInput,
  type OrganisationPatch,
  updateOrganisation,
} from './organisations.ts';
export { revokeKey } from './revoke-key.ts';
export { createUser, type UserInput } from './users.ts';
export { getWebhookSecret, rotateWebhookSecret, type WebhookSecretBody } from './webhook-secret.ts';
