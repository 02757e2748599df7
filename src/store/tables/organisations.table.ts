import type { Generated } from 'kysely';

/** Flags are 0/1 integers in every dialect (SQLite has no boolean); repositories turn them into booleans. */
export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  api_access_enabled: number;
  committed_scans: number;
  hard_cap_scans: number;
  /** `whsec_` + base64 of 32 random bytes: signs this organisation's webhooks. */
  webhook_secret: string;
  created_at: string;
}
