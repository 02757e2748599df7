import type { Kysely } from 'kysely';
import { badRequest, conflict } from '../domain/errors.ts';
import type { Timestamp } from '../domain/time.ts';
import { findOrganisation } from '../store/organisations.repository.ts';
import type { Database } from '../store/schema.ts';
import { insertUser } from '../store/users.repository.ts';
import { isPlausibleEmail, normaliseEmail } from './emails.ts';
import type { User } from './model.ts';
import { organisationMissing } from './organisations.ts';
import { hashPassword } from './passwords.ts';

const MIN_PASSWORD_LENGTH = 8;
/** Long inputs would only make scrypt slower; no real password is longer. */
const MAX_PASSWORD_LENGTH = 1_024;

export interface UserInput {
  /** Null: a user attached to no organisation (key management answers 403 for them). */
  readonly orgId: number | null;
  readonly email: string;
  readonly password: string;
  readonly verified?: boolean;
}

/** Creates a dashboard user; the password is stored only as a scrypt hash. */
export async function createUser(db: Kysely<Database>, input: UserInput, at: Timestamp): Promise<User> {
  const email = normaliseEmail(input.email);
  if (!isPlausibleEmail(email)) throw badRequest('Invalid email address');
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH)
    throw badRequest(`Password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  if (input.orgId !== null && !(await findOrganisation(db, input.orgId)))
    throw organisationMissing(input.orgId);
  const user = await insertUser(db, {
    orgId: input.orgId,
    email,
    passwordHash: await hashPassword(input.password),
    emailVerified: input.verified ?? false,
    createdAt: at,
  });
  if (!user) throw conflict('A user with this email address already exists');
  return user;
}
