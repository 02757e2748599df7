import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API key material (DESIGN.md §1): "aptly_" + 40 random bytes in URL-safe base64 (54 characters).
 * Only the SHA-256 digest and the 20-character prefix are stored; the plaintext exists once, in the
 * response that creates it.
 */
const KEY_PREFIX = 'aptly_';
const RANDOM_BYTES = 40;
const DISPLAY_PREFIX_LENGTH = 20;
const KEY_SHAPE = /^aptly_[A-Za-z0-9_-]{54}$/;

export interface GeneratedApiKey {
  readonly plaintext: string;
  readonly prefix: string;
  readonly digest: string;
}

export function generateApiKey(): GeneratedApiKey {
  const plaintext = `${KEY_PREFIX}${randomBytes(RANDOM_BYTES).toString('base64url')}`;
  return { plaintext, prefix: displayPrefix(plaintext), digest: digestApiKey(plaintext) };
}

/** Hex SHA-256: keys carry 320 random bits, so a fast hash is enough (no salt or stretching needed). */
export function digestApiKey(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

export function displayPrefix(plaintext: string): string {
  return plaintext.slice(0, DISPLAY_PREFIX_LENGTH);
}

/** Whether text could be a key we issued; anything else is refused without a database lookup. */
export function isWellFormedApiKey(text: string): boolean {
  return KEY_SHAPE.test(text);
}

/** Constant-time equality of two hex digests, so a comparison leaks nothing about where they differ. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
