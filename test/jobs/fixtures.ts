import type { Kysely } from 'kysely';
import type { ApiKeyPrincipal } from '../../src/domain/principals.ts';
import { now } from '../../src/domain/time.ts';
import type { SubmitDeps, SubmitInput } from '../../src/jobs/index.ts';
import type { Store } from '../../src/store/database.ts';
import type { Database } from '../../src/store/schema.ts';

/**
 * Organisations and keys inserted directly, so these tests stand on the schema alone and not on the
 * accounts area's code.
 */
export async function createOrganisation(
  db: Kysely<Database>,
  options: { hardCap?: number; name?: string } = {},
): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({
      name: options.name ?? 'Test org',
      api_access_enabled: 1,
      committed_scans: 1000,
      hard_cap_scans: options.hardCap ?? 1500,
      webhook_secret: 'whsec_dGVzdA==',
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

let keySerial = 0;

export async function createPrincipal(
  db: Kysely<Database>,
  options: { hardCap?: number; orgId?: number } = {},
): Promise<ApiKeyPrincipal> {
  const orgId = options.orgId ?? (await createOrganisation(db, options));
  keySerial += 1;
  const digest = `${process.pid}-${Date.now()}-${keySerial}`.padEnd(64, '0');
  const key = await db
    .insertInto('api_keys')
    .values({
      org_id: orgId,
      name: 'Test key',
      key_prefix: 'aptly_test__________',
      key_digest: digest,
      revoked: 0,
      created_at: now(),
      revoked_at: null,
      last_used_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { kind: 'api_key', orgId, keyId: Number(key.id) };
}

export const JOB_SPEC =
  'Senior Python Developer with 5+ years of experience building production APIs. Must have: FastAPI, PostgreSQL.';

export function screenInput(count: number, overrides: Partial<SubmitInput> = {}): SubmitInput {
  return {
    job_spec: JOB_SPEC,
    candidates: Array.from({ length: count }, (_, i) => ({
      candidate_ref: `cand-${i}`,
      cv_text: `Candidate ${i}. 7 years Python, FastAPI and PostgreSQL in production.`,
    })),
    ...overrides,
  };
}

export function submitDeps(store: Store, overrides: Partial<SubmitDeps> = {}): SubmitDeps {
  return {
    db: store.db,
    dialect: store.dialect,
    engineInfo: { name: 'fake', version: '0.0.1' },
    retentionMs: 72 * 3_600_000,
    checkWebhookUrl: async () => undefined,
    ...overrides,
  };
}
