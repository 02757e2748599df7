import { expect, it } from 'vitest';
import { getWebhookSecret, rotateWebhookSecret } from '../../src/accounts/index.ts';
import { describeEachDialect } from '../support/databases.ts';
import { makeMember, makeUser, principalOf } from './fixtures.ts';

describeEachDialect('webhook secret', (database) => {
  it('is the organisation’s whsec_ secret, replaced by rotation', async () => {
    const { db } = database().store;
    const { org, principal } = await makeMember(db);
    const first = await getWebhookSecret(db, principal);
    expect(first).toEqual({ webhook_secret: org.webhookSecret });
    expect(first.webhook_secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const rotated = await rotateWebhookSecret(db, principal);
    expect(rotated.webhook_secret).toMatch(/^whsec_/);
    expect(rotated.webhook_secret).not.toBe(first.webhook_secret);
    expect(await getWebhookSecret(db, principal)).toEqual(rotated);
  });

  it('differs between organisations', async () => {
    const { db } = database().store;
    const a = await makeMember(db);
    const b = await makeMember(db);
    expect((await getWebhookSecret(db, a.principal)).webhook_secret).not.toBe(
      (await getWebhookSecret(db, b.principal)).webhook_secret,
    );
  });

  it('answers 403 to an unverified user and to a user without organisation', async () => {
    const { db } = database().store;
    const { org } = await makeMember(db);
    const unverified = principalOf(await makeUser(db, org.id, { verified: false }));
    const homeless = principalOf(await makeUser(db, null));
    for (const call of [getWebhookSecret, rotateWebhookSecret]) {
      await expect(call(db, unverified)).rejects.toMatchObject({
        code: 'forbidden',
        detail: 'Email address has not been verified',
      });
      await expect(call(db, homeless)).rejects.toMatchObject({
        code: 'forbidden',
        detail: 'The authenticated user has no organisation associated with their account.',
      });
    }
    expect(
      (
        await db
          .selectFrom('organisations')
          .select('webhook_secret')
          .where('id', '=', org.id)
          .executeTakeFirst()
      )?.webhook_secret,
    ).toBe(org.webhookSecret);
  });
});
