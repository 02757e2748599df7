import { expect, it } from 'vitest';
import { createUser } from '../../src/accounts/index.ts';
import { verifyPassword } from '../../src/accounts/passwords.ts';
import { now } from '../../src/domain/time.ts';
import { describeEachDialect } from '../support/databases.ts';
import { makeOrganisation, uniqueEmail } from './fixtures.ts';

describeEachDialect('users', (database) => {
  it('are stored with a lower-case email and a scrypt hash, never the password', async () => {
    const { db } = database().store;
    const org = await makeOrganisation(db);
    const at = now();
    const user = await createUser(
      db,
      { orgId: org.id, email: 'Ada@Example.com', password: 'analytical engine' },
      at,
    );
    expect(user).toMatchObject({
      orgId: org.id,
      email: 'ada@example.com',
      emailVerified: false,
      createdAt: at,
    });
    const row = await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row)).not.toContain('analytical engine');
    expect(await verifyPassword('analytical engine', row.password_hash)).toBe(true);
  });

  it('may be created verified, or without organisation', async () => {
    const { db } = database().store;
    const user = await createUser(
      db,
      { orgId: null, email: uniqueEmail(), password: 'password1', verified: true },
      now(),
    );
    expect(user).toMatchObject({ orgId: null, emailVerified: true });
  });

  it('refuse a duplicate email whatever its case', async () => {
    const { db } = database().store;
    const email = uniqueEmail();
    await createUser(db, { orgId: null, email, password: 'password1' }, now());
    await expect(
      createUser(db, { orgId: null, email: email.toUpperCase(), password: 'password2' }, now()),
    ).rejects.toMatchObject({ code: 'conflict', detail: 'A user with this email address already exists' });
  });

  it('refuse an unknown organisation, a bad email and a short password', async () => {
    const { db } = database().store;
    await expect(
      createUser(db, { orgId: 424_242, email: uniqueEmail(), password: 'password1' }, now()),
    ).rejects.toMatchObject({
      code: 'not_found',
      detail: 'Organisation 424242 not found',
    });
    for (const email of ['', 'no-at-sign', 'two@@example.com', 'with space@example.com'])
      await expect(
        createUser(db, { orgId: null, email, password: 'password1' }, now()),
      ).rejects.toMatchObject({
        code: 'bad_request',
        detail: 'Invalid email address',
      });
    await expect(
      createUser(db, { orgId: null, email: uniqueEmail(), password: 'short' }, now()),
    ).rejects.toMatchObject({
      code: 'bad_request',
      detail: 'Password must be 8 to 1024 characters',
    });
  });
});
