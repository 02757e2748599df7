import { beforeEach, expect, it } from 'vitest';
import { addMs, type Timestamp } from '../../src/domain/time.ts';
import { getJob, submitJob } from '../../src/jobs/index.ts';
import { type CandidateOutcome, claimCandidates, completeCandidates } from '../../src/queue/index.ts';
import { findJob } from '../../src/store/jobs.repository.ts';
import { createPrincipal, screenInput, submitDeps } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';
import { clearJobs } from './support.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;
const LEASE = 30_000;
const HOOK = 'https://hooks.example.com/aptly';

function scored(position: number, score: number): CandidateOutcome {
  return { position, ok: true, value: { score, match_reasons: [`r${position}`], gaps: [] } };
}

describeEachDialect('completeCandidates', (database) => {
  beforeEach(async () => {
    await clearJobs(database().store.db);
  });

  it('ignores a worker whose lease was taken over: every candidate is counted once', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(2), { at: AT });
    const at = addMs(AT, 1000);
    await claimCandidates(store.db, store.dialect, 'slow', { limit: 2, leaseMs: LEASE, at });
    const takeover = addMs(at, LEASE);
    await claimCandidates(store.db, store.dialect, 'fresh', { limit: 2, leaseMs: LEASE, at: takeover });

    const late = await completeCandidates(
      store.db,
      store.dialect,
      'slow',
      body.job_id,
      [scored(0, 10), scored(1, 20)],
      takeover,
    );
    expect(late).toEqual({ stored: 0 });
    const done = await completeCandidates(
      store.db,
      store.dialect,
      'fresh',
      body.job_id,
      [scored(0, 70), scored(1, 80)],
      takeover,
    );
    expect(done).toEqual({ stored: 2, finished: 'complete' });
    const again = await completeCandidates(
      store.db,
      store.dialect,
      'fresh',
      body.job_id,
      [scored(0, 1)],
      takeover,
    );
    expect(again).toEqual({ stored: 0 });

    const view = await getJob(store.db, principal, body.job_id, takeover);
    expect(view.processed_candidates).toBe(2);
    expect(view.results?.map((r) => [r.candidate_ref, r.score])).toEqual([
      ['cand-1', 80],
      ['cand-0', 70],
    ]);
  });

  it('stores the engine score clamped to 0–100 and the engine’s own failure reason', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(2), { at: AT });
    await claimCandidates(store.db, store.dialect, 'w', { limit: 2, leaseMs: LEASE, at: AT });
    await completeCandidates(
      store.db,
      store.dialect,
      'w',
      body.job_id,
      [
        { position: 0, ok: true, value: { score: 140.6, match_reasons: [], gaps: [] } },
        { position: 1, ok: false, error: 'CV is not text' },
      ],
      AT,
    );
    const view = await getJob(store.db, principal, body.job_id, AT);
    expect(view.results?.[0]).toMatchObject({ score: 100, verdict: 'Strong shortlist' });
    expect(view.failed).toEqual([{ candidate_ref: 'cand-1', error: 'CV is not text' }]);
  });

  it('finishes a job exactly once, with one webhook delivery, when two workers store its last candidates at once', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const connections = [database().openAnother(), database().openAnother()];
    try {
      for (let round = 0; round < 8; round++) {
        const { body } = await submitJob(
          submitDeps(store),
          principal,
          screenInput(2, { webhook_url: HOOK }),
          { at: AT },
        );
        const batches = await Promise.all(
          connections.map((s, w) =>
            claimCandidates(s.db, s.dialect, `w${w}`, { limit: 1, leaseMs: LEASE, at: AT }),
          ),
        );
        const results = await Promise.all(
          connections.map((s, w) => {
            const position = batches[w]?.items[0]?.position ?? -1;
            return completeCandidates(
              s.db,
              s.dialect,
              `w${w}`,
              body.job_id,
              [scored(position, 50)],
              addMs(AT, 5),
            );
          }),
        );
        expect(results.map((r) => r.stored)).toEqual([1, 1]);
        expect(results.filter((r) => r.finished === 'complete')).toHaveLength(1);
        const deliveries = await store.db
          .selectFrom('webhook_deliveries')
          .selectAll()
          .where('job_id', '=', body.job_id)
          .execute();
        expect(deliveries).toHaveLength(1);
        expect(deliveries[0]).toMatchObject({
          id: `msg_${body.job_id}`,
          org_id: principal.orgId,
          url: HOOK,
          status: 'pending',
          attempts: 0,
          next_attempt_at: addMs(AT, 5),
        });
        expect(await findJob(store.db, body.job_id)).toMatchObject({
          status: 'complete',
          processedCandidates: 2,
          completedAt: addMs(AT, 5),
        });
      }
    } finally {
      await Promise.all(connections.map((s) => s.close()));
    }
  });

  it('creates no delivery for a job without a webhook_url', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(1), { at: AT });
    await claimCandidates(store.db, store.dialect, 'w', { limit: 1, leaseMs: LEASE, at: AT });
    const done = await completeCandidates(store.db, store.dialect, 'w', body.job_id, [scored(0, 1)], AT);
    expect(done.finished).toBe('complete');
    const deliveries = await store.db.selectFrom('webhook_deliveries').select('id').execute();
    expect(deliveries).toEqual([]);
  });
});
