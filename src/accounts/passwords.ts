import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt. The stored string names its own parameters
 * ("scrypt$N$r$p$salt$hash", base64 salt and hash), so they can be raised later without breaking
 * existing hashes.
 */
/**
 * N = 2^15 (32 MiB, about 0.1 s a hash): above scrypt's interactive-login recommendation, below OWASP's
 * 2^17, which would hold 128 MiB per concurrent login on a small self-hosted box.
 */
const COST = 32_768;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
/** Headroom above the 128·N·r bytes scrypt needs, so stored hashes with higher costs still verify. */
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const options = { N: COST, r: BLOCK_SIZE, p: PARALLELISM };
  const hash = await derive(password, salt, KEY_LENGTH, options);
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), hash.toString('base64')].join(
    '$',
  );
}

/** True when password matches the stored hash. A malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed.options);
  return timingSafeEqual(candidate, parsed.hash);
}

interface ParsedHash {
  readonly options: ScryptOptions;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !hash) return undefined;
  const [N, blockSize, parallelism] = [Number(n), Number(r), Number(p)];
  if (![N, blockSize, parallelism].every((v) => Number.isInteger(v) && v > 0)) return undefined;
  const hashBytes = Buffer.from(hash, 'base64');
  if (hashBytes.length === 0) return undefined;
  return { options: { N, r: blockSize, p: parallelism }, salt: Buffer.from(salt, 'base64'), hash: hashBytes };
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of one verification on a hash that matches nothing, so a login with an unknown email
 * takes as long as one with a wrong password.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('base64'));
  await verifyPassword(password, await decoy);
  return false;
}
