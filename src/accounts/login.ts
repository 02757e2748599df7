import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.ts';
import type { Database } from '../store/schema.ts';
import { findUserByEmail } from '../store/users.repository.ts';
import { normaliseEmail } from './emails.ts';
import { issueAccessToken } from './jwt.ts';
import { MESSAGES } from './messages.ts';
import type { AccessToken } from './model.ts';
import { verifyAgainstDecoy, verifyPassword } from './passwords.ts';

/**
 * POST /api/v1/auth/login. An unknown email and a wrong password get the same answer after the same
 * work (one scrypt verification), so the response tells nothing about which emails have accounts.
 */
export async function login(
  db: Kysely<Database>,
  jwtSecret: string,
  ttlMs: number,
  email: string,
  password: string,
): Promise<AccessToken> {
  const user = await findUserByEmail(db, normaliseEmail(email));
  const matches = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstDecoy(password);
  if (!user || !matches) throw new AppError('unauthorized', MESSAGES.incorrectLogin);
  return {
    access_token: await issueAccessToken(jwtSecret, user.id, ttlMs),
    token_type: 'bearer',
    expires_in: Math.ceil(ttlMs / 1000),
  };
}
