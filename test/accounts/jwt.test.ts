import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueAccessToken, verifyAccessToken } from '../../src/accounts/jwt.ts';

const SECRET = 'a-test-secret-that-is-long-enough-000000';

describe('access tokens', () => {
  it('carry the user id as sub and verify with the same secret', async () => {
    const token = await issueAccessToken(SECRET, 42, 3_600_000);
    expect(await verifyAccessToken(SECRET, token)).toBe(42);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(payload.sub).toBe('42');
    expect(payload.exp - payload.iat).toBe(3600);
  });

  it('are refused once expired', async () => {
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    const token = await issueAccessToken(SECRET, 42, 3_600_000, twoHoursAgo);
    expect(await verifyAccessToken(SECRET, token)).toBeUndefined();
  });

  it('are refused when signed with another secret', async () => {
    const token = await issueAccessToken('another-secret-also-long-enough-1111111', 42, 3_600_000);
    expect(await verifyAccessToken(SECRET, token)).toBeUndefined();
  });

  it('are refused unsigned (alg none), tampered or malformed', async () => {
    const unsigned = new UnsecuredJWT({ sub: '42' }).setExpirationTime('1h').encode();
    expect(await verifyAccessToken(SECRET, unsigned)).toBeUndefined();
    const [header, , signature] = (await issueAccessToken(SECRET, 42, 3_600_000)).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: '1', exp: 9_999_999_999 })).toString('base64url');
    expect(await verifyAccessToken(SECRET, `${header}.${forged}.${signature}`)).toBeUndefined();
    expect(await verifyAccessToken(SECRET, 'not.a.token')).toBeUndefined();
    expect(await verifyAccessToken(SECRET, '')).toBeUndefined();
  });

  it('are refused without an expiry or with a sub that is not a user id', async () => {
    const key = new TextEncoder().encode(SECRET);
    const noExp = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('42').sign(key);
    expect(await verifyAccessToken(SECRET, noExp)).toBeUndefined();
    const badSub = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .setExpirationTime('1h')
      .sign(key);
    expect(await verifyAccessToken(SECRET, badSub)).toBeUndefined();
  });
});
