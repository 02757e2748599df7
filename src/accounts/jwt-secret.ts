import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.ts';
import type { Database } from '../store/schema.ts';
import { insertSettingIfAbsent, readSetting } from '../store/settings.repository.ts';

const SETTING = 'jwt_secret';

/**
 * The key dashboard JWTs are signed with: APTLY_JWT_SECRET when set, else one generated on first use and
 * kept in the database, so every process (API and workers, on any machine) signs and verifies alike and
 * tokens survive restarts. Processes racing on first use all end up with the one that was stored.
 */
export async function resolveJwtSecret(
  db: Kysely<Database>,
  config: Pick<Config, 'jwtSecret'>,
): Promise<string> {
  if (config.jwtSecret !== undefined) return config.jwtSecret;
  await insertSettingIfAbsent(db, SETTING, randomBytes(48).toString('base64url'));
  const secret = await readSetting(db, SETTING);
  if (secret === undefined) throw new Error('the generated JWT secret could not be read back from settings');
  return secret;
}
