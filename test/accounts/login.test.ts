import { expect, it } from 'vitest';
import { authenticateUser, login } from '../../src/accounts/index.ts';
import { describeEachDialect } from '../support/databases.ts';
import { makeOrganisation, makeUser, PASSWORD } from './fixtures.ts';

const SECRET = 'login-test-secret-long-enough-for-hs256';

describeEachDialect('login', (database) => {
  it('issues a bearer token for the right password that authenticates the user', async () => {
    const { db } = database().store;
    const org = await makeOrganisation(db);
    const user = await makeUser(db, org.id);
    const body = await login(db, SECRET, 3_600_000, user.email, PASSWORD);
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600 });
    expect(await authenticateUser(db, SECRET, `Bearer ${body.access_token}`)).toEqual({
      kind: 'user',
      userId: user.id,
      orgId: org.id,
      email: user.email,
      emailVerified: true,
    });
  });

  it('treats emails case-insensitively', async () => {
    const { db } = database().store;
    const user = await makeUser(db, null, { email: 'Grace.Hopper@Example.COM' });
    expect(user.email).toBe('grace.hopper@example.com');
    await expect(login(db, SECRET, 60_000, ' GRACE.hopper@example.com ', PASSWORD)).resolves.toMatchObject({
      token_type: 'bearer',
    });
  });

  it('answers the same 401 for a wrong password and for an unknown email', async () => {
    const { db } = database().store;
    const user = await makeUser(db, null);
    const refusal = { code: 'unauthorized', detail: 'Incorrect email or password' };
    await expect(login(db, SECRET, 60_000, user.email, `${PASSWORD}!`)).rejects.toMatchObject(refusal);
    await expect(login(db, SECRET, 60_000, 'nobody@example.com', PASSWORD)).rejects.toMatchObject(refusal);
    await expect(login(db, SECRET, 60_000, user.email, '')).rejects.toMatchObject(refusal);
  });

  it('takes about as long for an unknown email as for a wrong password', async () => {
    const { db } = database().store;
    const user = await makeUser(db, null);
    await login(db, SECRET, 60_000, 'warm-up@example.com', 'x').catch(() => {});
    // The quickest of three runs, so a pause of the machine in one run does not decide the outcome.
    const time = async (email: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const started = performance.now();
        await login(db, SECRET, 60_000, email, 'wrong password').catch(() => {});
        runs.push(performance.now() - started);
      }
      return Math.min(...runs);
    };
    const wrongPassword = await time(user.email);
    const unknownEmail = await time('nobody-else@example.com');
    // Both spend one scrypt verification; an early return would take a fraction of it.
    expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.4);
  });
});
