import { expect, it } from 'vitest';
import { resolveJwtSecret } from '../../src/accounts/index.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('resolveJwtSecret', (database) => {
  it('uses APTLY_JWT_SECRET when configured, storing nothing', async () => {
    const { db } = database().store;
    const configured = 'configured-secret-of-at-least-32-chars';
    expect(await resolveJwtSecret(db, { jwtSecret: configured })).toBe(configured);
    expect(await db.selectFrom('settings').selectAll().where('name', '=', 'jwt_secret').execute()).toEqual(
      [],
    );
  });

  it('otherwise generates one secret, shared by every connection racing for it and kept across restarts', async () => {
    const other = database().openAnother();
    try {
      const [a, b] = await Promise.all([
        resolveJwtSecret(database().store.db, {}),
        resolveJwtSecret(other.db, {}),
      ]);
      expect(a).toBe(b);
      expect(a.length).toBeGreaterThanOrEqual(64);
      expect(await resolveJwtSecret(database().store.db, {})).toBe(a);
    } finally {
      await other.close();
    }
  });
});
