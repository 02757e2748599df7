import type { Kysely } from 'kysely';
import type { UserPrincipal } from '../domain/principals.ts';
import { billingMonthOf, type Timestamp } from '../domain/time.ts';
import { listKeysWithUsage } from '../store/api-keys.repository.ts';
import { findOrganisation } from '../store/organisations.repository.ts';
import type { Database } from '../store/schema.ts';
import { readOrgUsage } from '../store/usage.repository.ts';
import { toKeyListingItem } from './key-listing.ts';
import { organisationOf } from './member-access.ts';
import type { KeyListing } from './model.ts';
import { organisationMissing } from './organisations.ts';

/** GET /api/v1/keys: the organisation's plan, its usage this UTC billing month, and every key. */
export async function listKeys(
  db: Kysely<Database>,
  user: UserPrincipal,
  at: Timestamp,
): Promise<KeyListing> {
  const orgId = organisationOf(user);
  const billingMonth = billingMonthOf(at);
  const [org, used, keys] = await Promise.all([
    findOrganisation(db, orgId),
    readOrgUsage(db, orgId, billingMonth),
    listKeysWithUsage(db, orgId, billingMonth),
  ]);
  if (!org) throw organisationMissing(orgId);
  return {
    api_access_enabled: org.apiAccessEnabled,
    org_api_cvs_this_month: used,
    committed_scans: org.committedScans,
    hard_cap_scans: org.hardCapScans,
    keys: keys.map((key) => toKeyListingItem(key, billingMonth)),
  };
}
