import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.ts';
import type { ApiKeyPrincipal } from '../domain/principals.ts';
import { addMs, now, type Timestamp } from '../domain/time.ts';
import { findKeyByDigest, touchKeyLastUsed } from '../store/api-keys.repository.ts';
import type { Database } from '../store/schema.ts';
import { digestApiKey, digestsEqual, isWellFormedApiKey } from './api-keys.ts';
import { MESSAGES } from './messages.ts';

/** last_used_at may lag by up to this much (DESIGN.md §1): a busy key costs one write a minute, not one a request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The caller of an API-key request (X-API-Key header). The key is looked up by its digest, so the
 * plaintext never reaches the database; revocation and API access are read on every call, so both take
 * effect on the next request.
 */
export async function authenticateApiKey(
  db: Kysely<Database>,
  plaintext: string | undefined,
  at: Timestamp = now(),
): Promise<ApiKeyPrincipal> {
  if (plaintext === undefined || plaintext === '') throw new AppError('unauthorized', MESSAGES.missingApiKey);
  if (!isWellFormedApiKey(plaintext)) throw new AppError('unauthorized', MESSAGES.invalidApiKey);
  const digest = digestApiKey(plaintext);
  const key = await findKeyByDigest(db, digest);
  if (!key || !digestsEqual(key.keyDigest, digest))
    throw new AppError('unauthorized', MESSAGES.invalidApiKey);
  if (key.revoked) throw new AppError('unauthorized', MESSAGES.revokedApiKey);
  if (!key.orgApiAccessEnabled) throw new AppError('forbidden', MESSAGES.apiAccessDisabled);
  const notBefore = addMs(at, -LAST_USED_RESOLUTION_MS);
  if (key.lastUsedAt === null || key.lastUsedAt < notBefore)
    await touchKeyLastUsed(db, key.id, at, notBefore);
  return { kind: 'api_key', orgId: key.orgId, keyId: key.id };
}
