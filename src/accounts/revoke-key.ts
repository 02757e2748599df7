import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.ts';
import type { UserPrincipal } from '../domain/principals.ts';
import { billingMonthOf, type Timestamp } from '../domain/time.ts';
import { findOrgKeyWithUsage, revokeOrgKey } from '../store/api-keys.repository.ts';
import type { Database } from '../store/schema.ts';
import { toKeyListingItem } from './key-listing.ts';
import { organisationOf } from './member-access.ts';
import { MESSAGES } from './messages.ts';
import type { KeyListingItem } from './model.ts';

/**
 * DELETE /api/v1/keys/{key_id}: revokes one of the organisation's keys and returns it as listed. Another
 * organisation's key answers 404 exactly like a missing one. Revoking twice is harmless.
 */
export async function revokeKey(
  db: Kysely<Database>,
  user: UserPrincipal,
  keyId: number,
  at: Timestamp,
): Promise<KeyListingItem> {
  const orgId = organisationOf(user);
  if (!(await revokeOrgKey(db, orgId, keyId, at))) throw new AppError('not_found', MESSAGES.keyNotFound);
  const billingMonth = billingMonthOf(at);
  const key = await findOrgKeyWithUsage(db, orgId, keyId, billingMonth);
  if (!key) throw new AppError('not_found', MESSAGES.keyNotFound);
  return toKeyListingItem(key, billingMonth);
}
