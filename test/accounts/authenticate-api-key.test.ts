import { expect, it } from 'vitest';
import { authenticateApiKey, createApiKey, revokeKey, updateOrganisation } from '../../src/accounts/index.ts';
import { addMs, now } from '../../src/domain/time.ts';
import { describeEachDialect } from '../support/databases.ts';
import { makeMember } from './fixtures.ts';

describeEachDialect('authenticateApiKey', (database) => {
  it('identifies the key and its organisation', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db);
    const created = await createApiKey(db, org.id, 'Production', now());
    expect(await authenticateApiKey(db, created.key)).toEqual({
      kind: 'api_key',
      orgId: org.id,
      keyId: created.id,
    });
  });

  it('answers 401 for a missing key', async () => {
    const { db } = database().store;
    for (const missing of [undefined, ''])
      await expect(authenticateApiKey(db, missing)).rejects.toMatchObject({
        code: 'unauthorized',
        detail: 'Missing API key. Send it in the X-API-Key header.',
      });
  });

  it('answers 401 for a malformed or unknown key', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db);
    const real = (await createApiKey(db, org.id, 'Real', now())).key;
    const unknown = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of ['aptly_your_key_here', 'Bearer x', unknown, real.toUpperCase(), ` ${real}`])
      await expect(authenticateApiKey(db, bad)).rejects.toMatchObject({
        code: 'unauthorized',
        detail: 'Invalid API key',
      });
  });

  it('answers 401 for a revoked key, from the very next request', async () => {
    const { db } = database().store;
    const { org, principal } = await makeMember(db);
    const created = await createApiKey(db, org.id, 'Soon revoked', now());
    await authenticateApiKey(db, created.key);
    await revokeKey(db, principal, created.id, now());
    await expect(authenticateApiKey(db, created.key)).rejects.toMatchObject({
      code: 'unauthorized',
      detail: 'API key has been revoked',
    });
  });

  it('answers 403 when the organisation has no API access, and lets the key in once access is on', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db, { apiAccessEnabled: false });
    const created = await createApiKey(db, org.id, 'Waiting', now());
    await expect(authenticateApiKey(db, created.key)).rejects.toMatchObject({
      code: 'forbidden',
      detail: 'API access is not enabled for your organisation. Contact hello@aptly.pro to get started.',
    });
    await updateOrganisation(db, org.id, { apiAccessEnabled: true });
    await expect(authenticateApiKey(db, created.key)).resolves.toMatchObject({ orgId: org.id });
  });

  it('records the last use at most once a minute', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db);
    const created = await createApiKey(db, org.id, 'Busy', now());
    const lastUsed = async () =>
      (await db.selectFrom('api_keys').select('last_used_at').where('id', '=', created.id).executeTakeFirst())
        ?.last_used_at;
    expect(await lastUsed()).toBeNull();
    const t0 = now();
    await authenticateApiKey(db, created.key, t0);
    expect(await lastUsed()).toBe(t0);
    await authenticateApiKey(db, created.key, addMs(t0, 59_000));
    expect(await lastUsed()).toBe(t0);
    const later = addMs(t0, 60_001);
    await authenticateApiKey(db, created.key, later);
    expect(await lastUsed()).toBe(later);
  });
});
