import { beforeAll, expect, it } from 'vitest';
import type { Timestamp } from '../../../src/domain/time.ts';
import { describeEachDialect } from '../../support/databases.ts';
import { movableClock, screenBody, seedTenant, useAppWithTenant } from '../support/test-app.ts';

describeEachDialect('GET /api/v1/jobs/{job_id}', (database) => {
  let jobId: string;
  let expiresAt: Timestamp;
  const clock = movableClock();
  const ctx = useAppWithTenant(database, { now: clock.now });

  beforeAll(async () => {
    const submitted = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      headers: { 'x-api-key': ctx.tenant.apiKey },
      payload: screenBody(3),
    });
    jobId = submitted.json().job_id;
    expiresAt = submitted.json().expires_at;
  });

  const get = (id: string, apiKey: string | null = ctx.tenant.apiKey) =>
    ctx.app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${id}`,
      headers: apiKey ? { 'x-api-key': apiKey } : {},
    });

  it('shows a pending job in the documented field order, without results yet', async () => {
    const response = await get(jobId);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).slice(0, 7)).toEqual([
      'job_id',
      'status',
      'total_candidates',
      'processed_candidates',
      'created_at',
      'completed_at',
      'expires_at',
    ]);
    expect(body).toMatchObject({
      job_id: jobId,
      status: 'pending',
      total_candidates: 3,
      processed_candidates: 0,
    });
    expect(body.completed_at).toBeNull();
    expect(body).not.toHaveProperty('results');
    expect(body).not.toHaveProperty('failed');
    expect(body.scoring).toEqual({ engine: 'local', version: 'test' });
  });

  it('answers 404 for a missing job, a malformed id and another organisation’s job alike', async () => {
    const other = await seedTenant(database().store.db);
    for (const response of [
      await get('3f8a2b1c-d4e5-4f67-89ab-cdef01234567'),
      await get('not-a-uuid'),
      await get(jobId, other.apiKey),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ detail: 'Job not found' });
    }
  });

  it('answers 401 without a key and 403 when the organisation has API access off', async () => {
    expect((await get(jobId, null)).statusCode).toBe(401);
    const off = await seedTenant(database().store.db, { apiAccessEnabled: false });
    expect((await get(jobId, off.apiKey)).statusCode).toBe(403);
  });

  it('answers 410 once the job has expired', async () => {
    clock.set(expiresAt);
    try {
      const response = await get(jobId);
      expect(response.statusCode).toBe(410);
      expect(response.json()).toEqual({
        detail: 'Results have expired. Jobs are retained for 72 hours from submission.',
      });
    } finally {
      clock.set(undefined);
    }
  });
});
