import { beforeEach, expect, it } from 'vitest';
import { addMs, type Timestamp } from '../../src/domain/time.ts';
import { getJob, submitJob } from '../../src/jobs/index.ts';
import {
  claimCandidates,
  completeCandidates,
  failExhaustedLeases,
  MAX_ATTEMPTS,
  releaseCandidates,
  SYSTEMIC_FAILURE,
} from '../../src/queue/index.ts';
import { listCandidateStates } from '../../src/store/candidates.repository.ts';
import { createPrincipal, screenInput, submitDeps } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';
import { clearJobs } from './support.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;
const LEASE = 30_000;

describeEachDialect('releasing leases', (database) => {
  beforeEach(async () => {
    await clearJobs(database().store.db);
  });

  it('gives a batch back to the queue; a stopping worker’s claim does not count as an attempt', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(2), { at: AT });
    await claimCandidates(store.db, store.dialect, 'w', { limit: 2, leaseMs: LEASE, at: AT });
    expect(await releaseCandidates(store.db, store.dialect, 'w', body.job_id, [0, 1], { at: AT })).toEqual({
      requeued: 2,
      failed: 0,
    });
    expect((await listCandidateStates(store.db, body.job_id)).map((s) => [s.status, s.attempts])).toEqual([
      ['queued', 1],
      ['queued', 1],
    ]);
    await claimCandidates(store.db, store.dialect, 'w', { limit: 2, leaseMs: LEASE, at: AT });
    await releaseCandidates(store.db, store.dialect, 'w', body.job_id, [0, 1], {
      at: AT,
      countAttempt: false,
    });
    expect((await listCandidateStates(store.db, body.job_id)).map((s) => [s.status, s.attempts])).toEqual([
      ['queued', 1],
      ['queued', 1],
    ]);
    // Another worker's leases are not this worker's to release.
    await claimCandidates(store.db, store.dialect, 'owner', { limit: 2, leaseMs: LEASE, at: AT });
    expect(await releaseCandidates(store.db, store.dialect, 'w', body.job_id, [0, 1], { at: AT })).toEqual({
      requeued: 0,
      failed: 0,
    });
  });

  it('fails candidates out of attempts with the systemic error; a job with none scored ends failed', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const input = screenInput(2, { webhook_url: 'https://hooks.example.com/x' });
    const { body } = await submitJob(submitDeps(store), principal, input, { at: AT });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const batch = await claimCandidates(store.db, store.dialect, 'w', { limit: 2, leaseMs: LEASE, at: AT });
      expect(batch?.items).toHaveLength(2);
      const release = await releaseCandidates(store.db, store.dialect, 'w', body.job_id, [0, 1], { at: AT });
      expect(release).toEqual(
        attempt < MAX_ATTEMPTS ? { requeued: 2, failed: 0 } : { requeued: 0, failed: 2 },
      );
    }
    const view = await getJob(store.db, principal, body.job_id, AT);
    expect(view).toMatchObject({ status: 'failed', processed_candidates: 2, completed_at: AT, results: [] });
    expect(view.failed).toEqual([
      { candidate_ref: 'cand-0', error: SYSTEMIC_FAILURE },
      { candidate_ref: 'cand-1', error: SYSTEMIC_FAILURE },
    ]);
    expect(view.webhook).toEqual({ status: 'pending', attempts: 0, last_status_code: null });
  });

  it('completes (not fails) a job when some candidates were scored before the engine went down', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(2), { at: AT });
    await claimCandidates(store.db, store.dialect, 'w', { limit: 1, leaseMs: LEASE, at: AT });
    const value = { score: 60, match_reasons: [], gaps: [] };
    await completeCandidates(
      store.db,
      store.dialect,
      'w',
      body.job_id,
      [{ position: 0, ok: true, value }],
      AT,
    );
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await claimCandidates(store.db, store.dialect, 'w', { limit: 1, leaseMs: LEASE, at: AT });
      await releaseCandidates(store.db, store.dialect, 'w', body.job_id, [1], { at: AT });
    }
    const view = await getJob(store.db, principal, body.job_id, AT);
    expect(view.status).toBe('complete');
    expect(view.results?.map((r) => r.candidate_ref)).toEqual(['cand-0']);
    expect(view.failed).toEqual([{ candidate_ref: 'cand-1', error: SYSTEMIC_FAILURE }]);
  });

  it('reaps candidates whose workers kept dying on them, so the job still finishes', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(1), { at: AT });
    let at = AT;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await claimCandidates(store.db, store.dialect, `dies-${attempt}`, { limit: 1, leaseMs: LEASE, at });
      at = addMs(at, LEASE);
    }
    expect(await failExhaustedLeases(store.db, store.dialect, addMs(at, -LEASE - 1))).toBe(0);
    expect(await failExhaustedLeases(store.db, store.dialect, at)).toBe(1);
    expect(await failExhaustedLeases(store.db, store.dialect, at)).toBe(0);
    const view = await getJob(store.db, principal, body.job_id, at);
    expect(view).toMatchObject({
      status: 'failed',
      failed: [{ candidate_ref: 'cand-0', error: SYSTEMIC_FAILURE }],
    });
  });
});
