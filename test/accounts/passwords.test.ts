import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../../src/accounts/passwords.ts';

describe('password hashing', () => {
  it('stores a self-describing scrypt hash that does not contain the password', async () => {
    const hash = await hashPassword('s3cret password');
    expect(hash).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('s3cret');
  });

  it('verifies the right password and refuses any other', async () => {
    const hash = await hashPassword('s3cret password');
    expect(await verifyPassword('s3cret password', hash)).toBe(true);
    expect(await verifyPassword('s3cret passwore', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so equal passwords hash differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats Unicode forms of one password alike', async () => {
    const composed = 'caf\u00e9 au lait';
    const decomposed = 'cafe\u0301 au lait';
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it('never matches a malformed stored hash', async () => {
    for (const stored of [
      '',
      'plaintext',
      'scrypt$0$8$1$c2FsdA==$aGFzaA==',
      'bcrypt$1$2$3$4$5',
      'scrypt$16384$8$1$$',
    ])
      expect(await verifyPassword('plaintext', stored)).toBe(false);
  });

  it('has a decoy that matches nothing', async () => {
    expect(await verifyAgainstDecoy('anything')).toBe(false);
  });
});
