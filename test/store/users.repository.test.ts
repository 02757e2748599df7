import { expect, it } from 'vitest';
import { now } from '../../src/domain/time.ts';
import { insertOrganisation } from '../../src/store/organisations.repository.ts';
import { findUserByEmail, findUserById, insertUser } from '../../src/store/users.repository.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('users repository', (database) => {
  it('inserts and finds a user by id and by email', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db, {
      name: 'Acme',
      apiAccessEnabled: true,
      committedScans: 10,
      hardCapScans: 10,
      webhookSecret: 'whsec_x',
      createdAt: now(),
    });
    const createdAt = now();
    const user = await insertUser(db, {
      orgId: org.id,
      email: 'ada@example.com',
      passwordHash: 'scrypt$hash',
      emailVerified: true,
      createdAt,
    });
    expect(user).toEqual({
      id: expect.any(Number),
      orgId: org.id,
      email: 'ada@example.com',
      passwordHash: 'scrypt$hash',
      emailVerified: true,
      createdAt,
    });
    expect(await findUserById(db, user?.id ?? 0)).toEqual(user);
    expect(await findUserByEmail(db, 'ada@example.com')).toEqual(user);
    expect(await findUserByEmail(db, 'nobody@example.com')).toBeUndefined();
  });

  it('keeps users without an organisation', async () => {
    const { db } = database().store;
    const user = await insertUser(db, {
      orgId: null,
      email: 'loner@example.com',
      passwordHash: 'h',
      emailVerified: false,
      createdAt: now(),
    });
    expect(user?.orgId).toBeNull();
    expect(user?.emailVerified).toBe(false);
  });

  it('refuses a second user with the same email, also when two connections race', async () => {
    const { db } = database().store;
    const row = { orgId: null, email: 'twice@example.com', passwordHash: 'h', emailVerified: false };
    expect(await insertUser(db, { ...row, createdAt: now() })).toBeDefined();
    expect(await insertUser(db, { ...row, createdAt: now() })).toBeUndefined();
    const other = database().openAnother();
    try {
      const raced = { ...row, email: 'raced@example.com' };
      const results = await Promise.all([
        insertUser(db, { ...raced, createdAt: now() }),
        insertUser(other.db, { ...raced, createdAt: now() }),
      ]);
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
