import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  /** Null: a user not (yet) attached to an organisation. */
  org_id: number | null;
  email: string;
  /** scrypt, self-describing ("scrypt$N$r$p$salt$hash"). */
  password_hash: string;
  email_verified: number;
  created_at: string;
}
