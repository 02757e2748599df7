import { describe, expect, it } from 'vitest';
import {
  digestApiKey,
  digestsEqual,
  displayPrefix,
  generateApiKey,
  isWellFormedApiKey,
} from '../../src/accounts/api-keys.ts';

describe('API key material', () => {
  it('is aptly_ followed by 54 URL-safe base64 characters (40 random bytes)', () => {
    const { plaintext } = generateApiKey();
    expect(plaintext).toMatch(/^aptly_[A-Za-z0-9_-]{54}$/);
    expect(Buffer.from(plaintext.slice(6), 'base64url')).toHaveLength(40);
  });

  it('differs every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().plaintext));
    expect(keys.size).toBe(200);
  });

  it('keeps the first 20 characters as the prefix and a hex SHA-256 digest, never the plaintext', () => {
    const key = generateApiKey();
    expect(key.prefix).toBe(key.plaintext.slice(0, 20));
    expect(key.prefix).toHaveLength(20);
    expect(key.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(key.digest).toBe(digestApiKey(key.plaintext));
    expect(key.digest).not.toContain(key.plaintext.slice(6));
  });

  it('matches the documented example key', () => {
    const example = 'aptly_upMY--sVyRGeuYGScwOWN4yqlzKRDsx3QwpA-ucNUUd-bCL7DuAFDQ';
    expect(isWellFormedApiKey(example)).toBe(true);
    expect(displayPrefix(example)).toBe('aptly_upMY--sVyRGeuY');
  });

  it('refuses text that is not shaped like a key', () => {
    const good = generateApiKey().plaintext;
    for (const bad of [
      '',
      'aptly_',
      good.slice(0, -1),
      `${good}x`,
      good.replace('aptly_', 'other_'),
      `${good.slice(0, -1)}+`,
    ])
      expect(isWellFormedApiKey(bad)).toBe(false);
  });

  it('compares digests exactly', () => {
    const a = digestApiKey('aptly_a');
    expect(digestsEqual(a, a)).toBe(true);
    expect(digestsEqual(a, digestApiKey('aptly_b'))).toBe(false);
    expect(digestsEqual(a, a.slice(1))).toBe(false);
  });
});
