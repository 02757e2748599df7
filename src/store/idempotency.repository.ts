import type { Kysely } from 'kysely';
import type { Timestamp } from '../domain/time.ts';
import type { Database } from './schema.ts';

export interface IdempotencyClaim {
  readonly orgId: number;
  readonly key: string;
  readonly requestHash: string;
  readonly at: Timestamp;
  /** When the record may be forgotten (24 h on). */
  readonly expiresAt: Timestamp;
  /** An in-flight record claimed before this is taken to be abandoned (its process died mid-request). */
  readonly abandonedBefore: Timestamp;
}

export type ClaimOutcome =
  /** The key is ours: go on, then `completeIdempotencyKey` or `releaseIdempotencyKey`. */
  | { readonly kind: 'claimed'; readonly token: Timestamp }
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'in_flight' }
  | { readonly kind: 'mismatch' };

/**
 * Claims an Idempotency-Key for one request, or says why not. The claim is committed on its own, before
 * the request's work, so that a second request sees it in flight. `token` (the claim's created_at) lets
 * completion check that the claim was not taken over meanwhile.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  claim: IdempotencyClaim,
): Promise<ClaimOutcome> {
  // A record may vanish or be taken over between the statements below; a few rounds settle it.
  for (let round = 0; round < 5; round++) {
    const inserted = await db
      .insertInto('idempotency_records')
      .values({
        org_id: claim.orgId,
        key: claim.key,
        request_hash: claim.requestHash,
        state: 'in_flight',
        response_status: null,
        response_body: null,
        created_at: claim.at,
        expires_at: claim.expiresAt,
      })
      .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed', token: claim.at };

    const row = await db
      .selectFrom('idempotency_records')
      .selectAll()
      .where('org_id', '=', claim.orgId)
      .where('key', '=', claim.key)
      .executeTakeFirst();
    if (!row) continue;
    const expired = row.expires_at <= claim.at;
    const abandoned = row.state === 'in_flight' && row.created_at < claim.abandonedBefore;
    if (expired || abandoned) {
      if (await takeOver(db, claim, row.created_at)) return { kind: 'claimed', token: claim.at };
      continue;
    }
    if (row.request_hash !== claim.requestHash) return { kind: 'mismatch' };
    if (row.state === 'in_flight' || row.response_status === null || row.response_body === null)
      return { kind: 'in_flight' };
    return { kind: 'replay', status: Number(row.response_status), body: JSON.parse(row.response_body) };
  }
  throw new Error('could not settle an Idempotency-Key record under contention');
}

/** Replaces a stale record, only if nobody else replaced it first (compare-and-set on created_at). */
async function takeOver(
  db: Kysely<Database>,
  claim: IdempotencyClaim,
  seenCreatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('idempotency_records')
    .set({
      request_hash: claim.requestHash,
      state: 'in_flight',
      response_status: null,
      response_body: null,
      created_at: claim.at,
      expires_at: claim.expiresAt,
    })
    .where('org_id', '=', claim.orgId)
    .where('key', '=', claim.key)
    .where('created_at', '=', seenCreatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Stores the response to replay. Run it in the transaction that did the request's work: the work and the
 * record commit together. Returns false when the claim is no longer ours (taken over as abandoned).
 */
export async function completeIdempotencyKey(
  tx: Kysely<Database>,
  orgId: number,
  key: string,
  token: Timestamp,
  response: { readonly status: number; readonly body: unknown },
): Promise<boolean> {
  const result = await tx
    .updateTable('idempotency_records')
    .set({ state: 'done', response_status: response.status, response_body: JSON.stringify(response.body) })
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .where('state', '=', 'in_flight')
    .where('created_at', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Frees the key after a failed attempt (only failures are not replayed). */
export async function releaseIdempotencyKey(
  db: Kysely<Database>,
  orgId: number,
  key: string,
  token: Timestamp,
): Promise<void> {
  await db
    .deleteFrom('idempotency_records')
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .where('state', '=', 'in_flight')
    .where('created_at', '=', token)
    .execute();
}

/** Forgets records past their 24 h; returns how many went. */
export async function deleteExpiredIdempotencyRecords(db: Kysely<Database>, at: Timestamp): Promise<number> {
  const result = await db.deleteFrom('idempotency_records').where('expires_at', '<=', at).executeTakeFirst();
  return Number(result.numDeletedRows);
}
