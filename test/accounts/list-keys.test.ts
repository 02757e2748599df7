import { expect, it } from 'vitest';
import { createApiKey, listKeys, revokeKey, updateOrganisation } from '../../src/accounts/index.ts';
import type { Timestamp } from '../../src/domain/time.ts';
import { describeEachDialect } from '../support/databases.ts';
import { makeMember, makeUser, principalOf } from './fixtures.ts';

const APRIL = '2026-04-24T09:12:44.000000Z' as Timestamp;

describeEachDialect('listKeys', (database) => {
  it('returns the documented body: plan, usage this month and every key, revoked ones too, by id', async () => {
    const { db } = database().store;
    const { org, principal } = await makeMember(db);
    const production = await createApiKey(db, org.id, 'Production', APRIL);
    const staging = await createApiKey(db, org.id, 'Staging', APRIL);
    await revokeKey(db, principal, staging.id, APRIL);
    await db
      .insertInto('org_usage')
      .values([
        { org_id: org.id, billing_month: '2026-04', cv_count: 142 },
        { org_id: org.id, billing_month: '2026-03', cv_count: 900 },
      ])
      .execute();
    await db
      .insertInto('key_usage')
      .values([
        { key_id: production.id, billing_month: '2026-04', cv_count: 142 },
        { key_id: production.id, billing_month: '2026-03', cv_count: 900 },
      ])
      .execute();
    expect(await listKeys(db, principal, APRIL)).toEqual({
      api_access_enabled: true,
      org_api_cvs_this_month: 142,
      committed_scans: 1000,
      hard_cap_scans: 1500,
      keys: [
        {
          id: production.id,
          name: 'Production',
          key_prefix: production.key_prefix,
          revoked: false,
          created_at: APRIL,
          last_used_at: null,
          monthly_cv_count: 142,
          billing_month: '2026-04',
        },
        {
          id: staging.id,
          name: 'Staging',
          key_prefix: staging.key_prefix,
          revoked: true,
          created_at: APRIL,
          last_used_at: null,
          monthly_cv_count: 0,
          billing_month: '2026-04',
        },
      ],
    });
  });

  it('starts each UTC billing month at zero', async () => {
    const { db } = database().store;
    const { org, principal } = await makeMember(db);
    await createApiKey(db, org.id, 'Production', APRIL);
    await db
      .insertInto('org_usage')
      .values({ org_id: org.id, billing_month: '2026-04', cv_count: 5 })
      .execute();
    const may = await listKeys(db, principal, '2026-05-01T00:00:00.000000Z' as Timestamp);
    expect(may.org_api_cvs_this_month).toBe(0);
    expect(may.keys[0]).toMatchObject({ monthly_cv_count: 0, billing_month: '2026-05' });
  });

  it('shows only the user’s own organisation and its access flag', async () => {
    const { db } = database().store;
    const mine = await makeMember(db, { apiAccessEnabled: false, committedScans: 10, hardCapScans: 20 });
    const theirs = await makeMember(db);
    await createApiKey(db, theirs.org.id, 'Not mine', APRIL);
    expect(await listKeys(db, mine.principal, APRIL)).toEqual({
      api_access_enabled: false,
      org_api_cvs_this_month: 0,
      committed_scans: 10,
      hard_cap_scans: 20,
      keys: [],
    });
    await updateOrganisation(db, mine.org.id, { apiAccessEnabled: true });
    expect((await listKeys(db, mine.principal, APRIL)).api_access_enabled).toBe(true);
  });

  it('answers 403 to an unverified user and to a user without organisation', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db);
    const unverified = principalOf(await makeUser(db, org.id, { verified: false }));
    await expect(listKeys(db, unverified, APRIL)).rejects.toMatchObject({
      code: 'forbidden',
      detail: 'Email address has not been verified',
    });
    const homeless = principalOf(await makeUser(db, null));
    await expect(listKeys(db, homeless, APRIL)).rejects.toMatchObject({
      code: 'forbidden',
      detail: 'The authenticated user has no organisation associated with their account.',
    });
  });
});
