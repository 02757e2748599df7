import type { Kysely } from 'kysely';
import { badRequest } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import type { UserPrincipal } from '../domain/principals.ts';
import type { Timestamp } from '../domain/time.ts';
import { countActiveKeys, insertApiKey } from '../store/api-keys.repository.ts';
import { lockOrganisation } from '../store/organisations.repository.ts';
import type { Database } from '../store/schema.ts';
import { generateApiKey } from './api-keys.ts';
import { organisationOf } from './member-access.ts';
import { MESSAGES } from './messages.ts';
import type { CreatedKey, Organisation } from './model.ts';
import { organisationMissing, requireApiAccess } from './organisations.ts';
import { inTransaction } from './transaction.ts';

/** POST /api/v1/keys: a new key for the user's organisation, which must have API access. */
export async function createKey(
  db: Kysely<Database>,
  user: UserPrincipal,
  name: string,
  at: Timestamp,
): Promise<CreatedKey> {
  const orgId = organisationOf(user);
  return createWithinLimit(db, orgId, name, at, requireApiAccess);
}

/** The admin CLI's key creation: any organisation, API access on or off, under the same 5-key limit. */
export function createApiKey(
  db: Kysely<Database>,
  orgId: number,
  name: string,
  at: Timestamp,
): Promise<CreatedKey> {
  return createWithinLimit(db, orgId, name, at, () => {});
}

/**
 * Counts and inserts while holding the organisation's lock, so concurrent creations (in this process or
 * another) are serialised and can never make a sixth active key.
 */
async function createWithinLimit(
  db: Kysely<Database>,
  orgId: number,
  name: string,
  at: Timestamp,
  checkOrganisation: (org: Organisation) => void,
): Promise<CreatedKey> {
  const key = generateApiKey();
  const stored = await inTransaction(db, async (trx) => {
    const org = await lockOrganisation(trx, orgId);
    if (!org) throw organisationMissing(orgId);
    checkOrganisation(org);
    if ((await countActiveKeys(trx, orgId)) >= LIMITS.maxActiveApiKeys)
      throw badRequest(MESSAGES.tooManyKeys);
    return insertApiKey(trx, { orgId, name, keyPrefix: key.prefix, keyDigest: key.digest, createdAt: at });
  });
  return {
    id: stored.id,
    name: stored.name,
    key: key.plaintext,
    key_prefix: stored.keyPrefix,
    created_at: stored.createdAt,
    warning: MESSAGES.keyWarning,
  };
}
