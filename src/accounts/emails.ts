/** Emails are compared case-insensitively: stored and looked up trimmed and lower-case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A pragmatic shape check: one @ between non-empty parts, no spaces. A dot in the domain is not required,
 * so self-hosted names like admin@localhost pass; sending mail is what truly verifies an address.
 */
export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(email);
}
