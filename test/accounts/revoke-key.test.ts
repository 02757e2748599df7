import { expect, it } from 'vitest';
import { createApiKey, listKeys, revokeKey } from '../../src/accounts/index.ts';
import { now } from '../../src/domain/time.ts';
import { describeEachDialect } from '../support/databases.ts';
import { makeMember, makeUser, principalOf } from './fixtures.ts';

const NOT_FOUND = { code: 'not_found', detail: 'API key not found' };

describeEachDialect('revokeKey', (database) => {
  it('revokes the key and returns its listing object; revoking again returns it unchanged', async () => {
    const { db } = database().store;
    const { org, principal } = await makeMember(db);
    const created = await createApiKey(db, org.id, 'Production', now());
    const at = now();
    const revoked = await revokeKey(db, principal, created.id, at);
    expect(revoked).toEqual({
      id: created.id,
      name: 'Production',
      key_prefix: created.key_prefix,
      revoked: true,
      created_at: created.created_at,
      last_used_at: null,
      monthly_cv_count: 0,
      billing_month: at.slice(0, 7),
    });
    expect(await revokeKey(db, principal, created.id, now())).toEqual({
      ...revoked,
      billing_month: expect.any(String),
    });
    expect((await listKeys(db, principal, now())).keys).toEqual([
      { ...revoked, billing_month: expect.any(String) },
    ]);
  });

  it('answers 404 for another organisation’s key and leaves it active', async () => {
    const { db } = database().store;
    const mine = await makeMember(db);
    const theirs = await makeMember(db);
    const theirKey = await createApiKey(db, theirs.org.id, 'Theirs', now());
    await expect(revokeKey(db, mine.principal, theirKey.id, now())).rejects.toMatchObject(NOT_FOUND);
    expect((await listKeys(db, theirs.principal, now())).keys[0]?.revoked).toBe(false);
  });

  it('answers 404 for a key that does not exist', async () => {
    const { db } = database().store;
    const { principal } = await makeMember(db);
    await expect(revokeKey(db, principal, 123_456, now())).rejects.toMatchObject(NOT_FOUND);
  });

  it('answers 403 to a user without organisation and to an unverified user', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db);
    const key = await createApiKey(db, org.id, 'Kept', now());
    await expect(revokeKey(db, principalOf(await makeUser(db, null)), key.id, now())).rejects.toMatchObject({
      code: 'forbidden',
      detail: 'The authenticated user has no organisation associated with their account.',
    });
    const unverified = principalOf(await makeUser(db, org.id, { verified: false }));
    await expect(revokeKey(db, unverified, key.id, now())).rejects.toMatchObject({
      code: 'forbidden',
      detail: 'Email address has not been verified',
    });
  });
});
