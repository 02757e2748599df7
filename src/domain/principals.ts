/** Who is calling, once authenticated. */
export interface ApiKeyPrincipal {
  readonly kind: 'api_key';
  readonly orgId: number;
  readonly keyId: number;
}

/**
 * Who owns a screening job and which key, if any, its CVs are counted against: an API key, or a dashboard
 * user screening by hand (keyId null: charged to the organisation only).
 */
export interface ScreeningPrincipal {
  readonly orgId: number;
  readonly keyId: number | null;
}

/** A dashboard user, from a verified JWT. */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: number;
  /** Null: the user has no organisation (403 on key management). */
  readonly orgId: number | null;
  readonly email: string;
  readonly emailVerified: boolean;
}
