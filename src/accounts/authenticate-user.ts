import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.ts';
import type { UserPrincipal } from '../domain/principals.ts';
import type { Database } from '../store/schema.ts';
import { findUserById } from '../store/users.repository.ts';
import { verifyAccessToken } from './jwt.ts';
import { MESSAGES } from './messages.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The dashboard user of a JWT request (Authorization: Bearer). Every failure — no header, another
 * scheme, a bad, expired or foreign-signed token, a user since deleted — gets the same 401.
 */
export async function authenticateUser(
  db: Kysely<Database>,
  jwtSecret: string,
  authorizationHeader: string | undefined,
): Promise<UserPrincipal> {
  const token = authorizationHeader?.match(BEARER)?.[1];
  const userId = token === undefined ? undefined : await verifyAccessToken(jwtSecret, token);
  const user = userId === undefined ? undefined : await findUserById(db, userId);
  if (!user) throw new AppError('unauthorized', MESSAGES.invalidCredentials);
  return {
    kind: 'user',
    userId: user.id,
    orgId: user.orgId,
    email: user.email,
    emailVerified: user.emailVerified,
  };
}
