import type { Kysely } from 'kysely';
import type { ScreeningPrincipal, UserPrincipal } from '../domain/principals.ts';
import { findOrganisation } from '../store/organisations.repository.ts';
import type { Database } from '../store/schema.ts';
import { organisationOf } from './member-access.ts';
import { organisationMissing, requireApiAccess } from './organisations.ts';

/**
 * A dashboard user screening by hand: the job belongs to their organisation and is charged to its quota,
 * with no key (so the workspace never takes one of the organisation's key slots). The same refusals as an
 * API key apply: no verified membership, or API access off, is 403.
 */
export async function authenticateDashboardScreener(
  db: Kysely<Database>,
  user: UserPrincipal,
): Promise<ScreeningPrincipal> {
  const orgId = organisationOf(user);
  const org = await findOrganisation(db, orgId);
  if (!org) throw organisationMissing(orgId);
  requireApiAccess(org);
  return { orgId, keyId: null };
}
