import { beforeEach, expect, it } from 'vitest';
import { addMs, type Timestamp } from '../../src/domain/time.ts';
import { describeRetention } from '../../src/jobs/get-job.ts';
import { getJob, submitJob } from '../../src/jobs/index.ts';
import { claimCandidates, completeCandidates, purgeExpiredJobs } from '../../src/queue/index.ts';
import { clearJobs } from '../queue/support.ts';
import { describeEachDialect } from '../support/databases.ts';
import { createPrincipal, screenInput, submitDeps } from './fixtures.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;
const LATER = addMs(AT, 60_000);

describeEachDialect('getJob', (database) => {
  beforeEach(async () => {
    await clearJobs(database().store.db);
  });

  it('answers 404 for a missing job, a malformed id and another organisation’s job', async () => {
    const { store } = database();
    const owner = await createPrincipal(store.db);
    const stranger = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), owner, screenInput(1), { at: AT });
    for (const [principal, id] of [
      [owner, '3f8a2b1c-d4e5-4f67-89ab-cdef01234567'],
      [owner, 'not-a-uuid'],
      [owner, "' or 1=1 --"],
      [stranger, body.job_id],
    ] as const) {
      await expect(getJob(store.db, principal, id, LATER)).rejects.toMatchObject({
        code: 'not_found',
        detail: 'Job not found',
      });
    }
  });

  it('shows a running job in the documented field order, without results, with progress', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(3), { at: AT });
    const pending = await getJob(store.db, principal, body.job_id, LATER);
    expect(Object.keys(pending)).toEqual([
      'job_id',
      'status',
      'total_candidates',
      'processed_candidates',
      'created_at',
      'completed_at',
      'expires_at',
      'scoring',
      'webhook',
    ]);
    expect(pending).toEqual({
      job_id: body.job_id,
      status: 'pending',
      total_candidates: 3,
      processed_candidates: 0,
      created_at: AT,
      completed_at: null,
      expires_at: body.expires_at,
      scoring: { engine: 'fake', version: '0.0.1' },
      webhook: null,
    });

    const batch = await claimCandidates(store.db, store.dialect, 'w1', {
      limit: 1,
      leaseMs: 60_000,
      at: LATER,
    });
    expect(batch?.jobId).toBe(body.job_id);
    const outcome = { position: 0, ok: true as const, value: { score: 80, match_reasons: [], gaps: [] } };
    await completeCandidates(store.db, store.dialect, 'w1', body.job_id, [outcome], LATER);
    expect(await getJob(store.db, principal, body.job_id, LATER)).toMatchObject({
      status: 'processing',
      processed_candidates: 1,
      completed_at: null,
    });
  });

  it('adds sorted results and failures once complete, and the webhook’s state', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const input = screenInput(3, { webhook_url: 'https://hooks.example.com/aptly' });
    const { body } = await submitJob(submitDeps(store), principal, input, { at: AT });
    expect((await getJob(store.db, principal, body.job_id, LATER)).webhook).toEqual({
      status: 'pending',
      attempts: 0,
      last_status_code: null,
    });
    await claimCandidates(store.db, store.dialect, 'w1', { limit: 10, leaseMs: 60_000, at: LATER });
    await completeCandidates(
      store.db,
      store.dialect,
      'w1',
      body.job_id,
      [
        { position: 0, ok: true, value: { score: 40, match_reasons: ['a'], gaps: ['b'] } },
        { position: 1, ok: false, error: 'CV could not be read' },
        { position: 2, ok: true, value: { score: 90, match_reasons: ['c'], gaps: [] } },
      ],
      LATER,
    );
    const view = await getJob(store.db, principal, body.job_id, LATER);
    expect(Object.keys(view)).toEqual([
      'job_id',
      'status',
      'total_candidates',
      'processed_candidates',
      'created_at',
      'completed_at',
      'expires_at',
      'results',
      'failed',
      'scoring',
      'webhook',
    ]);
    expect(view).toMatchObject({ status: 'complete', processed_candidates: 3, completed_at: LATER });
    expect(view.results).toEqual([
      { candidate_ref: 'cand-2', score: 90, verdict: 'Strong shortlist', match_reasons: ['c'], gaps: [] },
      { candidate_ref: 'cand-0', score: 40, verdict: 'Do not progress', match_reasons: ['a'], gaps: ['b'] },
    ]);
    expect(view.failed).toEqual([{ candidate_ref: 'cand-1', error: 'CV could not be read' }]);
    expect(view.webhook).toEqual({ status: 'pending', attempts: 0, last_status_code: null });
  });

  it('answers 410 from expiry on, naming the retention the job was given, and after the purge', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(1), { at: AT });
    const expiry = body.expires_at as Timestamp;
    await expect(getJob(store.db, principal, body.job_id, addMs(expiry, -1))).resolves.toMatchObject({
      status: 'pending',
    });
    await expect(getJob(store.db, principal, body.job_id, expiry)).rejects.toMatchObject({
      code: 'gone',
      detail: 'Results have expired. Jobs are retained for 72 hours from submission.',
    });
    const short = await submitJob(submitDeps(store, { retentionMs: 3_600_000 }), principal, screenInput(1), {
      at: AT,
    });
    await purgeExpiredJobs(store.db, store.dialect, addMs(AT, 2 * 3_600_000));
    // Purged: still 410, never 404, even asked at a time before its expiry.
    await expect(getJob(store.db, principal, short.body.job_id, AT)).rejects.toMatchObject({
      code: 'gone',
      detail: 'Results have expired. Jobs are retained for 1 hour from submission.',
    });
    const stranger = await createPrincipal(store.db);
    await expect(getJob(store.db, stranger, short.body.job_id, AT)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('names a retention under an hour in minutes or seconds, never "0 hours"', () => {
    expect(describeRetention(72 * 3_600_000)).toBe('72 hours');
    expect(describeRetention(3_600_000)).toBe('1 hour');
    expect(describeRetention(5_400_000)).toBe('1.5 hours');
    expect(describeRetention(60_000)).toBe('1 minute');
    expect(describeRetention(7_200)).toBe('7.2 seconds');
  });
});
