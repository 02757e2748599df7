import { expect, it } from 'vitest';
import { describeEachDialect } from '../../support/databases.ts';
import { seedOrphanUser, seedTenant, useAppWithTenant } from '../support/test-app.ts';

describeEachDialect('webhook signing secret (JWT)', (database) => {
  const ctx = useAppWithTenant(database);

  const read = (token: string) =>
    ctx.app.inject({
      method: 'GET',
      url: '/api/v1/webhooks/secret',
      headers: { authorization: `Bearer ${token}` },
    });
  const rotate = (token: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/secret/rotate',
      headers: { authorization: `Bearer ${token}` },
    });

  it('shows the organisation’s whsec_ secret; rotation replaces it for good', async () => {
    const before = await read(ctx.tenant.token);
    expect(before.statusCode).toBe(200);
    expect(before.json().webhook_secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const rotated = await rotate(ctx.tenant.token);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().webhook_secret).not.toBe(before.json().webhook_secret);
    expect((await read(ctx.tenant.token)).json()).toEqual(rotated.json());
  });

  it('keeps organisations apart', async () => {
    const other = await seedTenant(database().store.db);
    expect((await read(other.token)).json().webhook_secret).not.toBe(
      (await read(ctx.tenant.token)).json().webhook_secret,
    );
  });

  it('answers 401 without a JWT or with an API key, and 403 for unverified or organisation-less users', async () => {
    for (const url of ['/api/v1/webhooks/secret', '/api/v1/webhooks/secret/rotate']) {
      const method = url.endsWith('rotate') ? 'POST' : 'GET';
      expect((await ctx.app.inject({ method, url })).statusCode).toBe(401);
      expect(
        (await ctx.app.inject({ method, url, headers: { 'x-api-key': ctx.tenant.apiKey } })).statusCode,
      ).toBe(401);
    }
    const unverified = await seedTenant(database().store.db, { verified: false });
    expect((await read(unverified.token)).statusCode).toBe(403);
    expect((await rotate(unverified.token)).statusCode).toBe(403);
    const orphan = await seedOrphanUser(database().store.db);
    expect((await read(orphan)).statusCode).toBe(403);
    expect((await rotate(orphan)).json()).toEqual({
      detail: 'The authenticated user has no organisation associated with their account.',
    });
  });
});
