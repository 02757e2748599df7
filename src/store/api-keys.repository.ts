import type { Kysely, Selectable } from 'kysely';
import type { ApiKeyRecord } from '../accounts/model.ts';
import type { Timestamp } from '../domain/time.ts';
import { compiledQuery } from './compiled-query.ts';
import type { Database } from './schema.ts';
import type { ApiKeysTable } from './tables/api-keys.table.ts';

export interface NewApiKey {
  readonly orgId: number;
  readonly name: string;
  readonly keyPrefix: string;
  readonly keyDigest: string;
  readonly createdAt: Timestamp;
}

/** A key found by digest, with what authentication needs to know about its organisation. */
export interface ApiKeyForAuth extends ApiKeyRecord {
  readonly orgApiAccessEnabled: boolean;
}

/** A key with its CV count for one billing month, for GET /api/v1/keys. */
export interface ApiKeyWithUsage extends ApiKeyRecord {
  readonly monthlyCvCount: number;
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    keyPrefix: row.key_prefix,
    keyDigest: row.key_digest,
    revoked: row.revoked === 1,
    createdAt: row.created_at as Timestamp,
    lastUsedAt: row.last_used_at as Timestamp | null,
  };
}

export async function insertApiKey(db: Kysely<Database>, key: NewApiKey): Promise<ApiKeyRecord> {
  const row = await db
    .insertInto('api_keys')
    .values({
      org_id: key.orgId,
      name: key.name,
      key_prefix: key.keyPrefix,
      key_digest: key.keyDigest,
      revoked: 0,
      created_at: key.createdAt,
      revoked_at: null,
      last_used_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApiKey(row);
}

export async function countActiveKeys(db: Kysely<Database>, orgId: number): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('revoked', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const selectKeyByDigest = compiledQuery<{ digest: string }>()((db, param) =>
  db
    .selectFrom('api_keys')
    .innerJoin('organisations', 'organisations.id', 'api_keys.org_id')
    .selectAll('api_keys')
    .select('organisations.api_access_enabled')
    .where('api_keys.key_digest', '=', param('digest')),
);

/** Runs on every API-key request, so its query is compiled once (compiled-query.ts). */
export async function findKeyByDigest(
  db: Kysely<Database>,
  digest: string,
): Promise<ApiKeyForAuth | undefined> {
  const [row] = await selectKeyByDigest(db, { digest });
  return row && { ...toApiKey(row), orgApiAccessEnabled: row.api_access_enabled === 1 };
}

/**
 * Records a use at `at` unless one was recorded since `notBefore`: the condition makes racing
 * processes write at most once per window.
 */
export async function touchKeyLastUsed(
  db: Kysely<Database>,
  keyId: number,
  at: Timestamp,
  notBefore: Timestamp,
): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: at })
    .where('id', '=', keyId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notBefore)]))
    .execute();
}

/** Every key of the organisation, revoked ones too, by id, each with its count for billingMonth. */
export async function listKeysWithUsage(
  db: Kysely<Database>,
  orgId: number,
  billingMonth: string,
): Promise<ApiKeyWithUsage[]> {
  const rows = await keysWithUsage(db, billingMonth).where('api_keys.org_id', '=', orgId).execute();
  return rows.map((row) => ({ ...toApiKey(row), monthlyCvCount: row.cv_count ?? 0 }));
}

/** One key of the organisation with its count for billingMonth; undefined if it is not theirs. */
export async function findOrgKeyWithUsage(
  db: Kysely<Database>,
  orgId: number,
  keyId: number,
  billingMonth: string,
): Promise<ApiKeyWithUsage | undefined> {
  const row = await keysWithUsage(db, billingMonth)
    .where('api_keys.org_id', '=', orgId)
    .where('api_keys.id', '=', keyId)
    .executeTakeFirst();
  return row && { ...toApiKey(row), monthlyCvCount: row.cv_count ?? 0 };
}

function keysWithUsage(db: Kysely<Database>, billingMonth: string) {
  return db
    .selectFrom('api_keys')
    .leftJoin('key_usage', (join) =>
      join.onRef('key_usage.key_id', '=', 'api_keys.id').on('key_usage.billing_month', '=', billingMonth),
    )
    .selectAll('api_keys')
    .select('key_usage.cv_count')
    .orderBy('api_keys.id');
}

/** Marks the organisation's key revoked (keeping the first revocation time); false if it is not theirs. */
export async function revokeOrgKey(
  db: Kysely<Database>,
  orgId: number,
  keyId: number,
  at: Timestamp,
): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set((eb) => ({ revoked: 1, revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)) }))
    .where('org_id', '=', orgId)
    .where('id', '=', keyId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
