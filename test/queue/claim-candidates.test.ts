import { beforeEach, expect, it } from 'vitest';
import { addMs, type Timestamp } from '../../src/domain/time.ts';
import { submitJob } from '../../src/jobs/index.ts';
import { claimCandidates } from '../../src/queue/index.ts';
import { listCandidateStates } from '../../src/store/candidates.repository.ts';
import { findJob } from '../../src/store/jobs.repository.ts';
import { createPrincipal, JOB_SPEC, screenInput, submitDeps } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';
import { clearJobs } from './support.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;
const LEASE = 30_000;

describeEachDialect('claimCandidates', (database) => {
  beforeEach(async () => {
    await clearJobs(database().store.db);
  });

  it('leases candidates of the oldest job only, up to the limit, and marks the job processing', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const older = await submitJob(submitDeps(store), principal, screenInput(3), { at: AT });
    const newer = await submitJob(submitDeps(store), principal, screenInput(3), { at: addMs(AT, 1000) });
    const at = addMs(AT, 5000);

    const first = await claimCandidates(store.db, store.dialect, 'w1', { limit: 2, leaseMs: LEASE, at });
    expect(first).toEqual({
      jobId: older.body.job_id,
      jobSpec: JOB_SPEC,
      asOf: '2026-05-14',
      lockedUntil: addMs(at, LEASE),
      items: [
        { position: 0, candidateRef: 'cand-0', cvText: screenInput(3).candidates[0]?.cv_text },
        { position: 1, candidateRef: 'cand-1', cvText: screenInput(3).candidates[1]?.cv_text },
      ],
    });
    expect((await findJob(store.db, older.body.job_id))?.status).toBe('processing');
    expect((await findJob(store.db, newer.body.job_id))?.status).toBe('pending');
    expect((await listCandidateStates(store.db, older.body.job_id))[0]).toMatchObject({
      status: 'leased',
      lockedBy: 'w1',
      attempts: 1,
    });

    // The rest of the older job, never mixed with the newer one.
    const second = await claimCandidates(store.db, store.dialect, 'w2', { limit: 10, leaseMs: LEASE, at });
    expect(second?.jobId).toBe(older.body.job_id);
    expect(second?.items.map((i) => i.position)).toEqual([2]);
    const third = await claimCandidates(store.db, store.dialect, 'w2', { limit: 10, leaseMs: LEASE, at });
    expect(third?.jobId).toBe(newer.body.job_id);
    expect(
      await claimCandidates(store.db, store.dialect, 'w3', { limit: 10, leaseMs: LEASE, at }),
    ).toBeUndefined();
  });

  it('takes a candidate back only once its lease expired, and never beyond the attempt limit', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(1), { at: AT });
    let at = addMs(AT, 1000);
    expect(
      await claimCandidates(store.db, store.dialect, 'w1', { limit: 5, leaseMs: LEASE, at }),
    ).toBeDefined();
    expect(
      await claimCandidates(store.db, store.dialect, 'w2', {
        limit: 5,
        leaseMs: LEASE,
        at: addMs(at, LEASE - 1),
      }),
    ).toBeUndefined();
    for (const worker of ['w2', 'w3']) {
      at = addMs(at, LEASE);
      const batch = await claimCandidates(store.db, store.dialect, worker, { limit: 5, leaseMs: LEASE, at });
      expect(batch?.jobId).toBe(body.job_id);
    }
    expect((await listCandidateStates(store.db, body.job_id))[0]).toMatchObject({
      lockedBy: 'w3',
      attempts: 3,
    });
    at = addMs(at, LEASE);
    expect(
      await claimCandidates(store.db, store.dialect, 'w4', { limit: 5, leaseMs: LEASE, at }),
    ).toBeUndefined();
  });

  it('leaves expired jobs alone', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    await submitJob(submitDeps(store, { retentionMs: 60_000 }), principal, screenInput(2), { at: AT });
    const at = addMs(AT, 60_000);
    expect(
      await claimCandidates(store.db, store.dialect, 'w1', { limit: 5, leaseMs: LEASE, at }),
    ).toBeUndefined();
  });

  it('never gives one candidate to two workers claiming at once on separate connections', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(200), { at: AT });
    const connections = [database().openAnother(), database().openAnother()];
    try {
      const claimed: number[][] = [[], []];
      const at = addMs(AT, 1000);
      await Promise.all(
        connections.map(async (s, w) => {
          for (;;) {
            const batch = await claimCandidates(s.db, s.dialect, `w${w}`, { limit: 7, leaseMs: LEASE, at });
            if (!batch) return;
            claimed[w]?.push(...batch.items.map((i) => i.position));
          }
        }),
      );
      const all = [...(claimed[0] ?? []), ...(claimed[1] ?? [])].sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 200 }, (_, i) => i));
      expect(claimed[0]?.length).toBeGreaterThan(0);
      expect(claimed[1]?.length).toBeGreaterThan(0);
      const states = await listCandidateStates(store.db, body.job_id);
      expect(states.every((s) => s.status === 'leased' && s.attempts === 1)).toBe(true);
    } finally {
      await Promise.all(connections.map((s) => s.close()));
    }
  });
});
