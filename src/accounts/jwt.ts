import { errors, jwtVerify, SignJWT } from 'jose';

/**
 * Dashboard access tokens: HS256 JWTs whose `sub` is the user id. Stateless: a token stays valid until
 * `exp`, but every request re-reads the user, so a deleted user's token stops working at once.
 */
const ALGORITHM = 'HS256';

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs a token for userId valid for ttlMs from issuedAt (now unless given, e.g. by tests). */
export async function issueAccessToken(
  secret: string,
  userId: number,
  ttlMs: number,
  issuedAt: Date = new Date(),
): Promise<string> {
  const issuedSeconds = Math.floor(issuedAt.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(String(userId))
    .setIssuedAt(issuedSeconds)
    .setExpirationTime(issuedSeconds + Math.ceil(ttlMs / 1000))
    .sign(keyOf(secret));
}

/**
 * The user id a valid token names; undefined for a malformed, expired or foreign-signed token (the
 * caller answers all of these alike, so the reason is not kept).
 */
export async function verifyAccessToken(secret: string, token: string): Promise<number | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      requiredClaims: ['sub', 'exp'],
    });
    const userId = Number(payload.sub);
    return Number.isSafeInteger(userId) && userId > 0 ? userId : undefined;
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
}
