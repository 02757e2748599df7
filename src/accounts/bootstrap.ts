import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Timestamp } from '../domain/time.ts';
import { countOrganisations } from '../store/organisations.repository.ts';
import type { Database } from '../store/schema.ts';
import { insertSettingIfAbsent } from '../store/settings.repository.ts';
import { createApiKey } from './create-key.ts';
import { createOrganisation, DEFAULT_PLAN } from './organisations.ts';
import { createUser } from './users.ts';

export const BOOTSTRAP_ADMIN_EMAIL = 'admin@localhost';
const BOOTSTRAP_CLAIM = 'bootstrap';

/** What a first start created: shown once, then only the hashes and digests remain. */
export interface BootstrapResult {
  readonly organisationId: number;
  readonly email: string;
  readonly password: string;
  readonly apiKey: string;
}

/**
 * First start on an empty database: a default organisation, a verified admin user and one API key, so a
 * newcomer can call the API at once. Nothing happens when any organisation exists. The first process
 * to claim the `bootstrap` setting does it all in the same transaction; a process racing it waits for
 * that transaction and then finds the claim taken.
 */
export async function bootstrapIfEmpty(
  db: Kysely<Database>,
  at: Timestamp,
): Promise<BootstrapResult | undefined> {
  const password = randomBytes(18).toString('base64url');
  return db.transaction().execute(async (trx) => {
    if (!(await insertSettingIfAbsent(trx, BOOTSTRAP_CLAIM, at))) return undefined;
    if ((await countOrganisations(trx)) > 0) return undefined;
    const org = await createOrganisation(trx, { name: 'Default', ...DEFAULT_PLAN }, at);
    await createUser(trx, { orgId: org.id, email: BOOTSTRAP_ADMIN_EMAIL, password, verified: true }, at);
    const key = await createApiKey(trx, org.id, 'Default', at);
    return { organisationId: org.id, email: BOOTSTRAP_ADMIN_EMAIL, password, apiKey: key.key };
  });
}
