import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface UsageCharge {
  readonly orgId: number;
  /** Null: a dashboard user's submission, counted for the organisation only. */
  readonly keyId: number | null;
  /** UTC billing month, "2026-05". */
  readonly billingMonth: string;
  /** CVs in the submission. */
  readonly count: number;
}

export type ChargeResult =
  | { readonly charged: true; readonly used: number; readonly hardCap: number }
  | { readonly charged: false; readonly used: number; readonly hardCap: number };

/**
 * The quota check and increment as ONE statement: the organisation's monthly counter grows by `count` only
 * if it stays within the hard cap. On PostgreSQL the conflicting row is locked and the WHERE re-evaluated
 * on its latest version, so concurrent submissions can never overshoot; on SQLite writers are serial.
 * Run it inside the transaction that inserts the job, so a refused or failed submission charges nothing.
 * The per-key counter is kept alongside, without a cap, when the submission came with a key.
 */
export async function chargeUsage(tx: Kysely<Database>, charge: UsageCharge): Promise<ChargeResult> {
  const hardCap = await readHardCap(tx, charge.orgId);
  const used = await readOrgUsage(tx, charge.orgId, charge.billingMonth);
  if (used + charge.count > hardCap) return { charged: false, used, hardCap };
  const row = await tx
    .insertInto('org_usage')
    .values({ org_id: charge.orgId, billing_month: charge.billingMonth, cv_count: charge.count })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'billing_month'])
        .doUpdateSet((eb) => ({ cv_count: eb('org_usage.cv_count', '+', eb.ref('excluded.cv_count')) }))
        .where((eb) => eb(eb('org_usage.cv_count', '+', eb.ref('excluded.cv_count')), '<=', hardCap)),
    )
    .returning('cv_count')
    .executeTakeFirst();
  // No row back: another submission got in first and this one no longer fits.
  if (!row)
    return { charged: false, used: await readOrgUsage(tx, charge.orgId, charge.billingMonth), hardCap };
  if (charge.keyId !== null) await chargeKey(tx, charge.keyId, charge.billingMonth, charge.count);
  return { charged: true, used: Number(row.cv_count), hardCap };
}

async function chargeKey(
  tx: Kysely<Database>,
  keyId: number,
  billingMonth: string,
  count: number,
): Promise<void> {
  await tx
    .insertInto('key_usage')
    .values({ key_id: keyId, billing_month: billingMonth, cv_count: count })
    .onConflict((oc) =>
      oc
        .columns(['key_id', 'billing_month'])
        .doUpdateSet((eb) => ({ cv_count: eb('key_usage.cv_count', '+', eb.ref('excluded.cv_count')) })),
    )
    .execute();
}

async function readHardCap(db: Kysely<Database>, orgId: number): Promise<number> {
  const org = await db
    .selectFrom('organisations')
    .select('hard_cap_scans')
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw new Error(`organisation ${orgId} does not exist`);
  return Number(org.hard_cap_scans);
}

/** CVs the organisation submitted in the billing month (0 when none). */
export async function readOrgUsage(
  db: Kysely<Database>,
  orgId: number,
  billingMonth: string,
): Promise<number> {
  const row = await db
    .selectFrom('org_usage')
    .select('cv_count')
    .where('org_id', '=', orgId)
    .where('billing_month', '=', billingMonth)
    .executeTakeFirst();
  return row ? Number(row.cv_count) : 0;
}

/** CVs submitted with each of the given keys in the billing month; keys without usage are absent. */
export async function readKeyUsage(
  db: Kysely<Database>,
  keyIds: readonly number[],
  billingMonth: string,
): Promise<Map<number, number>> {
  if (keyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('key_usage')
    .select(['key_id', 'cv_count'])
    .where('key_id', 'in', keyIds)
    .where('billing_month', '=', billingMonth)
    .execute();
  return new Map(rows.map((r) => [Number(r.key_id), Number(r.cv_count)]));
}
