import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, login } from '../../../src/accounts/index.ts';
import { now } from '../../../src/domain/time.ts';
import { describeEachDialect } from '../../support/databases.ts';
import {
  screenBody,
  seedOrphanUser,
  seedTenant,
  TEST_JWT_SECRET,
  TEST_PASSWORD,
  type Tenant,
  useAppWithTenant,
} from '../support/test-app.ts';

interface Listed {
  job_id: string;
  source: string;
  key_prefix: string | null;
}

/** GET /api/v1/jobs: the dashboard's recent jobs, for everyone in the organisation, whoever submitted them. */
describeEachDialect('GET /api/v1/jobs', (database) => {
  const ctx = useAppWithTenant(database);
  let other: Tenant;
  /** Tenant's jobs in submission order: key, key, dashboard. */
  let jobIds: string[];
  let otherJobId: string;
  const body = screenBody(2);

  beforeAll(async () => {
    other = await seedTenant(database().store.db);
    jobIds = [];
    const submitters: Record<string, string>[] = [
      { 'x-api-key': ctx.tenant.apiKey },
      { 'x-api-key': ctx.tenant.apiKey },
      { authorization: `Bearer ${ctx.tenant.token}` },
    ];
    for (const headers of submitters) jobIds.push(await submit(headers));
    otherJobId = await submit({ 'x-api-key': other.apiKey });
  });

  async function submit(headers: Record<string, string>): Promise<string> {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/screen', headers, payload: body });
    expect(response.statusCode).toBe(200);
    return response.json().job_id;
  }
  const get = (url: string, headers: Record<string, string>) =>
    ctx.app.inject({ method: 'GET', url, headers });
  const bearer = (t: Tenant) => ({ authorization: `Bearer ${t.token}` });
  const ids = (page: { jobs: Listed[] }) => page.jobs.map((j) => j.job_id);

  it('lists the organisation’s jobs newest first, from keys and the dashboard, without spec or CVs', async () => {
    const response = await get('/api/v1/jobs', bearer(ctx.tenant));
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.next_cursor).toBeNull();
    expect(ids(page)).toEqual([...jobIds].reverse());
    const [dashboardJob, keyJob] = page.jobs;
    expect(Object.keys(keyJob)).toEqual([
      'job_id',
      'status',
      'total_candidates',
      'processed_candidates',
      'created_at',
      'expires_at',
      'completed_at',
      'source',
      'key_prefix',
    ]);
    expect(keyJob).toMatchObject({
      status: 'pending',
      total_candidates: 2,
      processed_candidates: 0,
      completed_at: null,
      source: 'api_key',
      key_prefix: ctx.tenant.apiKey.slice(0, 20),
    });
    expect(Date.parse(keyJob.expires_at)).toBeGreaterThan(Date.parse(keyJob.created_at));
    expect(dashboardJob).toMatchObject({ source: 'dashboard', key_prefix: null });
    expect(response.body).not.toContain(body.job_spec as string);
    for (const c of body.candidates as { cv_text: string }[]) expect(response.body).not.toContain(c.cv_text);
    expect(response.body).not.toContain(ctx.tenant.apiKey);
  });

  it('shows a colleague in the same organisation the same jobs', async () => {
    const email = `colleague-${ctx.tenant.orgId}@example.com`;
    const db = database().store.db;
    await createUser(db, { orgId: ctx.tenant.orgId, email, password: TEST_PASSWORD, verified: true }, now());
    const { access_token } = await login(db, TEST_JWT_SECRET, 3_600_000, email, TEST_PASSWORD);
    const theirs = (await get('/api/v1/jobs', { authorization: `Bearer ${access_token}` })).json();
    expect(ids(theirs)).toEqual([...jobIds].reverse());
  });

  it('pages with limit and an opaque cursor', async () => {
    const page1 = (await get('/api/v1/jobs?limit=2', bearer(ctx.tenant))).json();
    expect(ids(page1)).toEqual([jobIds[2], jobIds[1]]);
    expect(page1.next_cursor).toEqual(expect.any(String));
    const page2 = (await get(`/api/v1/jobs?limit=2&cursor=${page1.next_cursor}`, bearer(ctx.tenant))).json();
    expect(ids(page2)).toEqual([jobIds[0]]);
    expect(page2.next_cursor).toBeNull();
  });

  it('never shows another organisation’s jobs, not even through its cursor', async () => {
    expect(ids((await get('/api/v1/jobs', bearer(other))).json())).toEqual([otherJobId]);
    const theirs = (await get('/api/v1/jobs?limit=1', bearer(ctx.tenant))).json();
    // A cursor from another organisation's page moves the window, never the organisation.
    const crossed = (await get(`/api/v1/jobs?cursor=${theirs.next_cursor}`, bearer(other))).json();
    expect(ids(crossed).filter((id) => id !== otherJobId)).toEqual([]);
  });

  it('leaves out jobs that expired or were purged', async () => {
    const db = database().store.db;
    const past = '2000-01-01T00:00:00.000000Z';
    await db
      .updateTable('jobs')
      .set({ expires_at: past })
      .where('id', '=', jobIds[0] ?? '')
      .execute();
    await db
      .updateTable('jobs')
      .set({ purged_at: now() })
      .where('id', '=', jobIds[1] ?? '')
      .execute();
    expect(ids((await get('/api/v1/jobs', bearer(ctx.tenant))).json())).toEqual([jobIds[2]]);
    expect((await get(`/api/v1/jobs/${jobIds[0]}`, bearer(ctx.tenant))).statusCode).toBe(410);
  });

  describe('refusals', () => {
    it('401 without a JWT, with a bad one, and with an API key (keys list no jobs)', async () => {
      expect((await get('/api/v1/jobs', {})).statusCode).toBe(401);
      expect((await get('/api/v1/jobs', { authorization: 'Bearer nope' })).statusCode).toBe(401);
      expect((await get('/api/v1/jobs', { 'x-api-key': ctx.tenant.apiKey })).statusCode).toBe(401);
      const keyAsBearer = await get('/api/v1/jobs', { authorization: `Bearer ${ctx.tenant.apiKey}` });
      expect(keyAsBearer.statusCode).toBe(401);
    });

    it('403 for a user without organisation or with an unverified email', async () => {
      const orphan = await seedOrphanUser(database().store.db);
      expect((await get('/api/v1/jobs', { authorization: `Bearer ${orphan}` })).statusCode).toBe(403);
      const unverified = await seedTenant(database().store.db, { verified: false });
      expect((await get('/api/v1/jobs', bearer(unverified))).statusCode).toBe(403);
    });

    it('422 for a bad cursor or limit, naming the field', async () => {
      const forged = Buffer.from('yesterday|not-a-job').toString('base64url');
      for (const [query, field] of [
        ['cursor=abc', 'cursor'],
        [`cursor=${forged}`, 'cursor'],
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['limit=ten', 'limit'],
      ] as const) {
        const response = await get(`/api/v1/jobs?${query}`, bearer(ctx.tenant));
        expect(response.statusCode, query).toBe(422);
        expect(response.json().detail[0].loc).toEqual(['query', field]);
      }
    });
  });
});
