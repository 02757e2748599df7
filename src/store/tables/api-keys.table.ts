import type { Generated } from 'kysely';

export interface ApiKeysTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  /** The first 20 characters, shown to identify a key. */
  key_prefix: string;
  /** Hex SHA-256 of the whole key; the plaintext is never stored. */
  key_digest: string;
  revoked: number;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** CVs submitted per key and billing month ("2026-05"). */
export interface KeyUsageTable {
  key_id: number;
  billing_month: string;
  cv_count: number;
}

/** CVs submitted per organisation and billing month: the quota counter, incremented atomically. */
export interface OrgUsageTable {
  org_id: number;
  billing_month: string;
  cv_count: number;
}
