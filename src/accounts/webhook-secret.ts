import type { Kysely } from 'kysely';
import type { UserPrincipal } from '../domain/principals.ts';
import { findOrganisation, updateOrganisationRow } from '../store/organisations.repository.ts';
import type { Database } from '../store/schema.ts';
import { generateWebhookSecret } from '../webhooks/secret.ts';
import { organisationOf } from './member-access.ts';
import { organisationMissing } from './organisations.ts';

export interface WebhookSecretBody {
  readonly webhook_secret: string;
}

/** GET /api/v1/webhooks/secret: the secret the organisation's webhooks are signed with. */
export async function getWebhookSecret(
  db: Kysely<Database>,
  user: UserPrincipal,
): Promise<WebhookSecretBody> {
  const orgId = organisationOf(user);
  const org = await findOrganisation(db, orgId);
  if (!org) throw organisationMissing(orgId);
  return { webhook_secret: org.webhookSecret };
}

/** POST /api/v1/webhooks/secret/rotate: replaces the organisation's secret with a new random one. */
export async function rotateWebhookSecret(
  db: Kysely<Database>,
  user: UserPrincipal,
): Promise<WebhookSecretBody> {
  const orgId = organisationOf(user);
  const org = await updateOrganisationRow(db, orgId, { webhookSecret: generateWebhookSecret() });
  if (!org) throw organisationMissing(orgId);
  return { webhook_secret: org.webhookSecret };
}
