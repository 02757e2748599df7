import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createOrganisation, createUser, type Organisation, type User } from '../../src/accounts/index.ts';
import type { UserPrincipal } from '../../src/domain/principals.ts';
import { now } from '../../src/domain/time.ts';
import type { Database } from '../../src/store/schema.ts';

/** Test data for the accounts area: every call makes new rows, so tests sharing a database stay apart. */
export const PASSWORD = 'correct horse battery staple';

export function uniqueEmail(): string {
  return `user-${randomBytes(6).toString('hex')}@example.com`;
}

export function makeOrganisation(
  db: Kysely<Database>,
  overrides: { apiAccessEnabled?: boolean; committedScans?: number; hardCapScans?: number } = {},
): Promise<Organisation> {
  return createOrganisation(db, { name: `Org ${randomBytes(3).toString('hex')}`, ...overrides }, now());
}

export function makeUser(
  db: Kysely<Database>,
  orgId: number | null,
  options: { verified?: boolean; email?: string } = {},
): Promise<User> {
  return createUser(
    db,
    { orgId, email: options.email ?? uniqueEmail(), password: PASSWORD, verified: options.verified ?? true },
    now(),
  );
}

export function principalOf(user: User): UserPrincipal {
  return {
    kind: 'user',
    userId: user.id,
    orgId: user.orgId,
    email: user.email,
    emailVerified: user.emailVerified,
  };
}

/** A verified member of a new organisation with API access: the usual caller of key management. */
export async function makeMember(
  db: Kysely<Database>,
  orgOverrides: Parameters<typeof makeOrganisation>[1] = {},
): Promise<{ org: Organisation; user: User; principal: UserPrincipal }> {
  const org = await makeOrganisation(db, orgOverrides);
  const user = await makeUser(db, org.id);
  return { org, user, principal: principalOf(user) };
}
