import type { Timestamp } from '../domain/time.ts';

/** An organisation: the tenant that owns users, API keys, jobs and a monthly CV quota. */
export interface Organisation {
  readonly id: number;
  readonly name: string;
  readonly apiAccessEnabled: boolean;
  /** CVs a month the organisation has committed to (reported, not enforced). */
  readonly committedScans: number;
  /** CVs a month beyond which submissions are refused with 429. */
  readonly hardCapScans: number;
  readonly webhookSecret: string;
  readonly createdAt: Timestamp;
}

/** A dashboard user. The password hash never leaves the accounts area. */
export interface User {
  readonly id: number;
  readonly orgId: number | null;
  /** Always lower-case: emails are compared case-insensitively. */
  readonly email: string;
  readonly passwordHash: string;
  readonly emailVerified: boolean;
  readonly createdAt: Timestamp;
}

/** A stored API key: its digest and prefix, never its plaintext. */
export interface ApiKeyRecord {
  readonly id: number;
  readonly orgId: number;
  readonly name: string;
  readonly keyPrefix: string;
  readonly keyDigest: string;
  readonly revoked: boolean;
  readonly createdAt: Timestamp;
  readonly lastUsedAt: Timestamp | null;
}

/** One key of GET /api/v1/keys, exactly as the contract shows it. */
export interface KeyListingItem {
  readonly id: number;
  readonly name: string;
  readonly key_prefix: string;
  readonly revoked: boolean;
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly monthly_cv_count: number;
  readonly billing_month: string;
}

/** The body of GET /api/v1/keys. */
export interface KeyListing {
  readonly api_access_enabled: boolean;
  readonly org_api_cvs_this_month: number;
  readonly committed_scans: number;
  readonly hard_cap_scans: number;
  readonly keys: KeyListingItem[];
}

/** The body of POST /api/v1/keys: the only time the plaintext key is shown. */
export interface CreatedKey {
  readonly id: number;
  readonly name: string;
  readonly key: string;
  readonly key_prefix: string;
  readonly created_at: string;
  readonly warning: string;
}

/** The body of POST /api/v1/auth/login. */
export interface AccessToken {
  readonly access_token: string;
  readonly token_type: 'bearer';
  /** Seconds until the token expires. */
  readonly expires_in: number;
}
