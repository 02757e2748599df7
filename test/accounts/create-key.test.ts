import { expect, it } from 'vitest';
import { digestApiKey } from '../../src/accounts/api-keys.ts';
import { authenticateApiKey, createApiKey, createKey, revokeKey } from '../../src/accounts/index.ts';
import { now } from '../../src/domain/time.ts';
import { describeEachDialect } from '../support/databases.ts';
import { makeMember, makeUser, principalOf } from './fixtures.ts';

const TOO_MANY = {
  code: 'bad_request',
  detail: 'Maximum 5 active API keys allowed. Revoke an existing key before creating a new one.',
};

describeEachDialect('createKey', (database) => {
  it('returns the documented body with the key shown once, and stores only digest and prefix', async () => {
    const { db } = database().store;
    const { principal } = await makeMember(db);
    const at = now();
    const created = await createKey(db, principal, 'Production', at);
    expect(created).toEqual({
      id: expect.any(Number),
      name: 'Production',
      key: expect.stringMatching(/^aptly_[A-Za-z0-9_-]{54}$/),
      key_prefix: created.key.slice(0, 20),
      created_at: at,
      warning: 'Store this key securely. It will not be shown again.',
    });
    const row = await db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.key_digest).toBe(digestApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(20));
    await expect(authenticateApiKey(db, created.key)).resolves.toMatchObject({ keyId: created.id });
  });

  it('allows 5 active keys, then 400 until one is revoked', async () => {
    const { db } = database().store;
    const { principal } = await makeMember(db);
    const keys = [];
    for (let i = 0; i < 5; i += 1) keys.push(await createKey(db, principal, `Key ${i}`, now()));
    await expect(createKey(db, principal, 'Sixth', now())).rejects.toMatchObject(TOO_MANY);
    await revokeKey(db, principal, keys[0]?.id ?? 0, now());
    await expect(createKey(db, principal, 'Replacement', now())).resolves.toMatchObject({
      name: 'Replacement',
    });
    await expect(createKey(db, principal, 'Seventh', now())).rejects.toMatchObject(TOO_MANY);
  });

  it('never makes a sixth active key when creations race', async () => {
    const { db } = database().store;
    const { org, principal } = await makeMember(db);
    // PostgreSQL: a second pool, so the transactions truly run at once. SQLite: one connection per process
    // (better-sqlite3 waits for locks synchronously); processes racing are tested in test/cli/admin.test.ts.
    const other = database().dialect === 'postgres' ? database().openAnother() : undefined;
    try {
      const attempts = Array.from({ length: 12 }, (_, i) =>
        createKey(i % 2 === 0 ? db : (other?.db ?? db), principal, `Racer ${i}`, now()),
      );
      const settled = await Promise.allSettled(attempts);
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(5);
      for (const failure of settled.filter((s) => s.status === 'rejected'))
        expect(failure.reason).toMatchObject(TOO_MANY);
      const active = await db
        .selectFrom('api_keys')
        .select('id')
        .where('org_id', '=', org.id)
        .where('revoked', '=', 0)
        .execute();
      expect(active).toHaveLength(5);
    } finally {
      await other?.close();
    }
  });

  it('answers 403 to an unverified user, a user without organisation, and an organisation without API access', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db);
    const unverified = principalOf(await makeUser(db, org.id, { verified: false }));
    await expect(createKey(db, unverified, 'x', now())).rejects.toMatchObject({
      code: 'forbidden',
      detail: 'Email address has not been verified',
    });
    const homeless = principalOf(await makeUser(db, null));
    await expect(createKey(db, homeless, 'x', now())).rejects.toMatchObject({
      code: 'forbidden',
      detail: 'The authenticated user has no organisation associated with their account.',
    });
    const closed = await makeMember(db, { apiAccessEnabled: false });
    await expect(createKey(db, closed.principal, 'x', now())).rejects.toMatchObject({
      code: 'forbidden',
      detail: 'API access is not enabled for your organisation. Contact hello@aptly.pro to get started.',
    });
    const none = await db.selectFrom('api_keys').select('id').where('org_id', '=', closed.org.id).execute();
    expect(none).toEqual([]);
  });
});

describeEachDialect('createApiKey (admin)', (database) => {
  it('creates keys for an organisation without API access, under the same 5-key limit', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db, { apiAccessEnabled: false });
    for (let i = 0; i < 5; i += 1) await createApiKey(db, org.id, `Key ${i}`, now());
    await expect(createApiKey(db, org.id, 'Sixth', now())).rejects.toMatchObject(TOO_MANY);
  });

  it('answers 404 for an unknown organisation', async () => {
    const { db } = database().store;
    await expect(createApiKey(db, 987_654, 'x', now())).rejects.toMatchObject({
      code: 'not_found',
      detail: 'Organisation 987654 not found',
    });
  });

  it('joins the caller’s transaction instead of opening another', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db);
    const outcome = db.transaction().execute(async (trx) => {
      await createApiKey(trx, org.id, 'Rolled back', now());
      throw new Error('abort');
    });
    await expect(outcome).rejects.toThrow('abort');
    expect(await db.selectFrom('api_keys').select('id').where('org_id', '=', org.id).execute()).toEqual([]);
  });
});
