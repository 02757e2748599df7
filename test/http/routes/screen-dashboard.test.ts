import { expect, it } from 'vitest';
import { updateOrganisation } from '../../../src/accounts/index.ts';
import { describeEachDialect } from '../../support/databases.ts';
import { screenBody, seedOrphanUser, seedTenant, useAppWithTenant } from '../support/test-app.ts';

/**
 * The dashboard's screening workspace submits and reads jobs with the user's JWT: the job belongs to the
 * organisation and is charged to it with no key, so no key slot is spent. The API-key contract is unchanged.
 */
describeEachDialect('screening with a dashboard JWT', (database) => {
  const ctx = useAppWithTenant(database);

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const submit = (headers: Record<string, string>, count = 2) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/screen', headers, payload: screenBody(count) });
  const listing = async () =>
    (await ctx.app.inject({ method: 'GET', url: '/api/v1/keys', headers: bearer(ctx.tenant.token) })).json();

  it('submits with a JWT, charges the organisation only, and reads the job with the JWT or a key', async () => {
    const before = await listing();
    const submitted = await submit(bearer(ctx.tenant.token), 3);
    expect(submitted.statusCode).toBe(200);
    const jobId = submitted.json().job_id;

    const after = await listing();
    expect(after.org_api_cvs_this_month).toBe(before.org_api_cvs_this_month + 3);
    expect(after.keys.map((k: { monthly_cv_count: number }) => k.monthly_cv_count)).toEqual(
      before.keys.map((k: { monthly_cv_count: number }) => k.monthly_cv_count),
    );
    expect(after.keys).toHaveLength(before.keys.length);

    for (const headers of [bearer(ctx.tenant.token), { 'x-api-key': ctx.tenant.apiKey }]) {
      const read = await ctx.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ job_id: jobId, total_candidates: 3 });
    }
  });

  it('still charges the key for an API-key submission', async () => {
    const before = await listing();
    expect((await submit({ 'x-api-key': ctx.tenant.apiKey }, 2)).statusCode).toBe(200);
    const after = await listing();
    const countOf = (body: { keys: { id: number; monthly_cv_count: number }[] }) =>
      body.keys.find((k) => k.id === ctx.tenant.keyId)?.monthly_cv_count;
    expect(countOf(after)).toBe((countOf(before) ?? 0) + 2);
  });

  it('lets an API key decide when both are sent: a bad key is 401 even with a good JWT', async () => {
    const response = await submit({ 'x-api-key': 'aptly_bad', ...bearer(ctx.tenant.token) });
    expect(response.statusCode).toBe(401);
  });

  it('answers 401 without credentials (the documented message) and for a bad JWT', async () => {
    const none = await submit({});
    expect(none.statusCode).toBe(401);
    expect(none.json().detail).toMatch(/X-API-Key/);
    expect((await submit(bearer('not-a-token'))).statusCode).toBe(401);
  });

  it('hides another organisation’s job from a JWT (404)', async () => {
    const other = await seedTenant(database().store.db);
    const jobId = (await submit({ 'x-api-key': other.apiKey })).json().job_id;
    const read = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${jobId}`,
      headers: bearer(ctx.tenant.token),
    });
    expect(read.statusCode).toBe(404);
  });

  it('refuses (403) a user without organisation, an unverified user and an org with API access off', async () => {
    const db = database().store.db;
    const orphan = await seedOrphanUser(db);
    const unverified = await seedTenant(db, { verified: false });
    const disabled = await seedTenant(db);
    await updateOrganisation(db, disabled.orgId, { apiAccessEnabled: false });
    for (const token of [orphan, unverified.token, disabled.token]) {
      expect((await submit(bearer(token))).statusCode).toBe(403);
    }
  });
});
