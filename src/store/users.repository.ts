import type { Kysely, Selectable } from 'kysely';
import type { User } from '../accounts/model.ts';
import type { Timestamp } from '../domain/time.ts';
import type { Database } from './schema.ts';
import type { UsersTable } from './tables/users.table.ts';

export interface NewUser {
  readonly orgId: number | null;
  /** Already lower-case. */
  readonly email: string;
  readonly passwordHash: string;
  readonly emailVerified: boolean;
  readonly createdAt: Timestamp;
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    passwordHash: row.password_hash,
    emailVerified: row.email_verified === 1,
    createdAt: row.created_at as Timestamp,
  };
}

/** Inserts the user; undefined when the email is already taken (the unique index decides, race-free). */
export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<User | undefined> {
  const row = await db
    .insertInto('users')
    .values({
      org_id: user.orgId,
      email: user.email,
      password_hash: user.passwordHash,
      email_verified: user.emailVerified ? 1 : 0,
      created_at: user.createdAt,
    })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && toUser(row);
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** Looks the user up by lower-case email. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row && toUser(row);
}
