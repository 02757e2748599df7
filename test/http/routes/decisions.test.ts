import { beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../../src/domain/time.ts';
import { type CandidateOutcome, claimCandidates, completeCandidates } from '../../../src/queue/index.ts';
import { createLocalEngine } from '../../../src/scoring/local/engine.ts';
import type { Store } from '../../../src/store/database.ts';
import { describeEachDialect } from '../../support/databases.ts';
import {
  screenBody,
  seedOrphanUser,
  seedTenant,
  type Tenant,
  useAppWithTenant,
} from '../support/test-app.ts';

/** Scores every queued candidate with the local engine, as a worker would. */
async function scoreQueued(store: Store): Promise<void> {
  const engine = createLocalEngine();
  for (;;) {
    const batch = await claimCandidates(store.db, store.dialect, 'test-worker', {
      limit: 50,
      leaseMs: 60_000,
      at: now(),
    });
    if (!batch) return;
    const outcomes = await engine.scoreEach?.(
      batch.jobSpec,
      batch.items.map((i) => i.cvText ?? ''),
      { asOf: batch.asOf },
    );
    const stored: CandidateOutcome[] = (outcomes ?? []).map((o, i) => {
      const position = batch.items[i]?.position ?? -1;
      return o.ok ? { position, ok: true, value: o.value } : { position, ok: false, error: o.error };
    });
    await completeCandidates(store.db, store.dialect, 'test-worker', batch.jobId, stored, now());
  }
}

describeEachDialect('GET /api/v1/decisions', (database) => {
  const ctx = useAppWithTenant(database);
  let other: Tenant;
  let jobIds: string[];
  const body = screenBody(3);

  beforeAll(async () => {
    const { store } = database();
    other = await seedTenant(store.db);
    jobIds = [];
    for (const t of [ctx.tenant, ctx.tenant, other]) {
      const submitted = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': t.apiKey },
        payload: body,
      });
      expect(submitted.statusCode).toBe(200);
      jobIds.push(submitted.json().job_id);
    }
    await scoreQueued(store);
  });

  const get = (url: string, headers: Record<string, string>) =>
    ctx.app.inject({ method: 'GET', url, headers });
  const bearer = (t: Tenant) => ({ authorization: `Bearer ${t.token}` });

  it('lists the organisation’s decisions, oldest first, with outcomes and no CV text or spec', async () => {
    const response = await get('/api/v1/decisions', bearer(ctx.tenant));
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.next_cursor).toBeNull();
    expect(page.decisions).toHaveLength(6);
    const [first] = page.decisions;
    expect(Object.keys(first)).toEqual([
      'id',
      'job_id',
      'org_id',
      'candidate_ref',
      'score',
      'verdict',
      'requirements',
      'engine',
      'engine_version',
      'key_id',
      'submitted_at',
      'decided_at',
    ]);
    expect(first).toMatchObject({
      org_id: ctx.tenant.orgId,
      key_id: ctx.tenant.keyId,
      engine: 'local',
      engine_version: 'test',
    });
    expect(new Set(page.decisions.map((d: { job_id: string }) => d.job_id))).toEqual(
      new Set(jobIds.slice(0, 2)),
    );
    expect(first.requirements.length).toBeGreaterThan(0);
    expect(Object.keys(first.requirements[0])).toEqual(['kind', 'label', 'importance', 'status']);
    // The job GET quotes the CVs as evidence; the decision log never does.
    const job = await get(`/api/v1/jobs/${jobIds[0]}`, { 'x-api-key': ctx.tenant.apiKey });
    const evidence = job
      .json()
      .results.flatMap((r: { requirements: { evidence: string | null }[] }) =>
        r.requirements.map((q) => q.evidence).filter((e) => e !== null),
      );
    expect(evidence.length).toBeGreaterThan(0);
    for (const quote of evidence) expect(response.body).not.toContain(quote);
    for (const c of body.candidates as { cv_text: string }[]) expect(response.body).not.toContain(c.cv_text);
    expect(response.body).not.toContain(body.job_spec as string);
    // Labels are the short phrases the engine read from the spec (a title, a skill); its sentences stay out.
    expect(response.body).not.toContain('Must have: 5+ years Python, FastAPI, PostgreSQL.');
  });

  it('pages with limit and cursor, and filters by since/until', async () => {
    const page1 = (await get('/api/v1/decisions?limit=4', bearer(ctx.tenant))).json();
    expect(page1.decisions).toHaveLength(4);
    expect(page1.next_cursor).toEqual(String(page1.decisions[3].id));
    const page2 = (
      await get(`/api/v1/decisions?limit=4&cursor=${page1.next_cursor}`, bearer(ctx.tenant))
    ).json();
    expect(page2.decisions).toHaveLength(2);
    expect(page2.next_cursor).toBeNull();
    const all = (await get('/api/v1/decisions', bearer(ctx.tenant))).json();
    expect([...page1.decisions, ...page2.decisions]).toEqual(all.decisions);

    expect(
      (await get('/api/v1/decisions?since=2000-01-01&until=2999-01-01', bearer(ctx.tenant))).json(),
    ).toEqual(all);
    expect((await get('/api/v1/decisions?until=2000-01-01', bearer(ctx.tenant))).json().decisions).toEqual(
      [],
    );
    const later = encodeURIComponent('2999-01-01T00:00:00+01:00');
    expect((await get(`/api/v1/decisions?since=${later}`, bearer(ctx.tenant))).json().decisions).toEqual([]);
  });

  it('never shows another organisation’s decisions', async () => {
    const mine = (await get('/api/v1/decisions', bearer(other))).json();
    expect(mine.decisions).toHaveLength(3);
    expect(mine.decisions.every((d: { org_id: number }) => d.org_id === other.orgId)).toBe(true);
    expect(mine.decisions.map((d: { job_id: string }) => d.job_id)).toEqual([
      jobIds[2],
      jobIds[2],
      jobIds[2],
    ]);
    // A cursor from another organisation's page moves the window, never the organisation.
    const theirs = (await get('/api/v1/decisions', bearer(ctx.tenant))).json();
    const crossed = (await get(`/api/v1/decisions?cursor=${theirs.decisions[0].id}`, bearer(other))).json();
    expect(crossed.decisions.every((d: { org_id: number }) => d.org_id === other.orgId)).toBe(true);
  });

  describe('refusals', () => {
    it('401 without a JWT, with a bad one, and with an API key (keys never read the log)', async () => {
      expect((await get('/api/v1/decisions', {})).statusCode).toBe(401);
      expect((await get('/api/v1/decisions', { authorization: 'Bearer nope' })).statusCode).toBe(401);
      const withKey = await get('/api/v1/decisions', { 'x-api-key': ctx.tenant.apiKey });
      expect(withKey.statusCode).toBe(401);
      const keyAsBearer = await get('/api/v1/decisions', { authorization: `Bearer ${ctx.tenant.apiKey}` });
      expect(keyAsBearer.statusCode).toBe(401);
    });

    it('403 for a user without organisation or with an unverified email', async () => {
      const orphan = await seedOrphanUser(database().store.db);
      expect((await get('/api/v1/decisions', { authorization: `Bearer ${orphan}` })).statusCode).toBe(403);
      const unverified = await seedTenant(database().store.db, { verified: false });
      expect((await get('/api/v1/decisions', bearer(unverified))).statusCode).toBe(403);
    });

    it('422 for a bad since, until, cursor or limit, naming the field', async () => {
      for (const [query, field] of [
        ['since=yesterday', 'since'],
        ['until=2026-11-01T09:00:00', 'until'],
        ['cursor=abc', 'cursor'],
        ['limit=0', 'limit'],
        ['limit=1001', 'limit'],
      ] as const) {
        const response = await get(`/api/v1/decisions?${query}`, bearer(ctx.tenant));
        expect(response.statusCode, query).toBe(422);
        expect(response.json().detail[0].loc).toEqual(['query', field]);
      }
    });
  });
});
