import { expect, it } from 'vitest';
import { authenticateUser } from '../../src/accounts/index.ts';
import { issueAccessToken } from '../../src/accounts/jwt.ts';
import { describeEachDialect } from '../support/databases.ts';
import { makeUser } from './fixtures.ts';

const SECRET = 'user-auth-test-secret-long-enough-0000';
const REFUSAL = { code: 'unauthorized', detail: 'Could not validate credentials' };

describeEachDialect('authenticateUser', (database) => {
  it('accepts a valid bearer token whatever the scheme’s case', async () => {
    const { db } = database().store;
    const user = await makeUser(db, null, { verified: false });
    const token = await issueAccessToken(SECRET, user.id, 60_000);
    expect(await authenticateUser(db, SECRET, `bearer ${token}`)).toEqual({
      kind: 'user',
      userId: user.id,
      orgId: null,
      email: user.email,
      emailVerified: false,
    });
  });

  it('answers 401 without a header or with another scheme', async () => {
    const { db } = database().store;
    const user = await makeUser(db, null);
    const token = await issueAccessToken(SECRET, user.id, 60_000);
    for (const header of [undefined, '', 'Bearer', `Basic ${token}`, token, `Bearer ${token} extra`])
      await expect(authenticateUser(db, SECRET, header)).rejects.toMatchObject(REFUSAL);
  });

  it('answers 401 for an expired token', async () => {
    const { db } = database().store;
    const user = await makeUser(db, null);
    const expired = await issueAccessToken(SECRET, user.id, 60_000, new Date(Date.now() - 120_000));
    await expect(authenticateUser(db, SECRET, `Bearer ${expired}`)).rejects.toMatchObject(REFUSAL);
  });

  it('answers 401 for a token signed with another secret', async () => {
    const { db } = database().store;
    const user = await makeUser(db, null);
    const foreign = await issueAccessToken('someone-elses-secret-also-long-enough', user.id, 60_000);
    await expect(authenticateUser(db, SECRET, `Bearer ${foreign}`)).rejects.toMatchObject(REFUSAL);
  });

  it('answers 401 once the user no longer exists', async () => {
    const { db } = database().store;
    const user = await makeUser(db, null);
    const token = await issueAccessToken(SECRET, user.id, 60_000);
    await db.deleteFrom('users').where('id', '=', user.id).execute();
    await expect(authenticateUser(db, SECRET, `Bearer ${token}`)).rejects.toMatchObject(REFUSAL);
  });
});
