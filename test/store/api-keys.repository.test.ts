import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { addMs, now, type Timestamp } from '../../src/domain/time.ts';
import {
  countActiveKeys,
  findKeyByDigest,
  findOrgKeyWithUsage,
  insertApiKey,
  listKeysWithUsage,
  revokeOrgKey,
  touchKeyLastUsed,
} from '../../src/store/api-keys.repository.ts';
import { insertOrganisation } from '../../src/store/organisations.repository.ts';
import type { Database } from '../../src/store/schema.ts';
import { describeEachDialect } from '../support/databases.ts';

let counter = 0;

async function newOrg(db: Kysely<Database>, apiAccessEnabled = true) {
  return insertOrganisation(db, {
    name: 'Org',
    apiAccessEnabled,
    committedScans: 10,
    hardCapScans: 10,
    webhookSecret: 'whsec_x',
    createdAt: now(),
  });
}

function newKey(orgId: number, name = 'Key') {
  counter += 1;
  return {
    orgId,
    name,
    keyPrefix: `aptly_prefix${counter}`.slice(0, 20),
    keyDigest: `${counter}`.padStart(64, 'd'),
    createdAt: now(),
  };
}

describeEachDialect('API keys repository', (database) => {
  it('stores digest and prefix and finds the key by digest with its organisation access', async () => {
    const { db } = database().store;
    const org = await newOrg(db, false);
    const key = await insertApiKey(db, newKey(org.id, 'Production'));
    expect(key).toMatchObject({ orgId: org.id, name: 'Production', revoked: false, lastUsedAt: null });
    expect(await findKeyByDigest(db, key.keyDigest)).toEqual({ ...key, orgApiAccessEnabled: false });
    expect(await findKeyByDigest(db, 'f'.repeat(64))).toBeUndefined();
  });

  it('counts only active keys of the organisation', async () => {
    const { db } = database().store;
    const org = await newOrg(db);
    const other = await newOrg(db);
    const a = await insertApiKey(db, newKey(org.id));
    await insertApiKey(db, newKey(org.id));
    await insertApiKey(db, newKey(other.id));
    expect(await countActiveKeys(db, org.id)).toBe(2);
    await revokeOrgKey(db, org.id, a.id, now());
    expect(await countActiveKeys(db, org.id)).toBe(1);
  });

  it('revokes only the organisation’s own key, keeping the first revocation time', async () => {
    const { db } = database().store;
    const org = await newOrg(db);
    const stranger = await newOrg(db);
    const key = await insertApiKey(db, newKey(org.id));
    expect(await revokeOrgKey(db, stranger.id, key.id, now())).toBe(false);
    expect((await findKeyByDigest(db, key.keyDigest))?.revoked).toBe(false);
    const first = now();
    expect(await revokeOrgKey(db, org.id, key.id, first)).toBe(true);
    expect(await revokeOrgKey(db, org.id, key.id, addMs(first, 5000))).toBe(true);
    const row = await db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('id', '=', key.id)
      .executeTakeFirst();
    expect(row?.revoked_at).toBe(first);
  });

  it('records a use only when none was recorded since the cut-off', async () => {
    const { db } = database().store;
    const org = await newOrg(db);
    const key = await insertApiKey(db, newKey(org.id));
    const t0 = now();
    const lastUsed = async () => (await findKeyByDigest(db, key.keyDigest))?.lastUsedAt;
    await touchKeyLastUsed(db, key.id, t0, addMs(t0, -60_000));
    expect(await lastUsed()).toBe(t0);
    const t1 = addMs(t0, 30_000);
    await touchKeyLastUsed(db, key.id, t1, addMs(t1, -60_000));
    expect(await lastUsed()).toBe(t0);
    const t2 = addMs(t0, 61_000);
    await touchKeyLastUsed(db, key.id, t2, addMs(t2, -60_000));
    expect(await lastUsed()).toBe(t2);
  });

  it('lists every key by id with its count for the billing month asked', async () => {
    const { db } = database().store;
    const org = await newOrg(db);
    const first = await insertApiKey(db, newKey(org.id, 'first'));
    const second = await insertApiKey(db, newKey(org.id, 'second'));
    const stranger = await insertApiKey(db, newKey((await newOrg(db)).id, 'stranger'));
    await revokeOrgKey(db, org.id, second.id, now());
    await db
      .insertInto('key_usage')
      .values([
        { key_id: first.id, billing_month: '2026-04', cv_count: 142 },
        { key_id: first.id, billing_month: '2026-05', cv_count: 3 },
        { key_id: stranger.id, billing_month: '2026-04', cv_count: 99 },
      ])
      .execute();
    const april = await listKeysWithUsage(db, org.id, '2026-04');
    expect(april.map((k) => [k.name, k.revoked, k.monthlyCvCount])).toEqual([
      ['first', false, 142],
      ['second', true, 0],
    ]);
    expect((await listKeysWithUsage(db, org.id, '2026-05'))[0]?.monthlyCvCount).toBe(3);
    expect(await findOrgKeyWithUsage(db, org.id, first.id, '2026-04')).toMatchObject({ monthlyCvCount: 142 });
    expect(await findOrgKeyWithUsage(db, org.id, stranger.id, '2026-04')).toBeUndefined();
  });

  it('never stores anything but digest and prefix of a key', async () => {
    const { db } = database().store;
    const org = await newOrg(db);
    const key = await insertApiKey(db, newKey(org.id));
    const row = await db.selectFrom('api_keys').selectAll().where('id', '=', key.id).executeTakeFirst();
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        'created_at',
        'id',
        'key_digest',
        'key_prefix',
        'last_used_at',
        'name',
        'org_id',
        'revoked',
        'revoked_at',
      ].sort(),
    );
    expect(row?.created_at).toBe(key.createdAt satisfies Timestamp);
  });
});
