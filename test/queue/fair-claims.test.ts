import { afterEach, beforeEach, expect, it } from 'vitest';
import { addMs, now, type Timestamp } from '../../src/domain/time.ts';
import { submitJob } from '../../src/jobs/index.ts';
import {
  type ClaimedBatch,
  claimCandidates,
  completeCandidates,
  startWorker,
  type Worker,
} from '../../src/queue/index.ts';
import type { Store } from '../../src/store/database.ts';
import { createPrincipal, screenInput, submitDeps } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';
import { createFakeEngine } from './fake-engine.ts';
import { clearJobs, silentLogger, waitFor } from './support.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;
const LEASE = 30_000;
const BATCH = 16;

describeEachDialect('fair claims between organisations', (database) => {
  const running: Worker[] = [];
  let clock = AT;
  const tick = () => {
    clock = addMs(clock, 1);
    return clock;
  };
  const claim = (store: Store, worker = 'w1') =>
    claimCandidates(store.db, store.dialect, worker, { limit: BATCH, leaseMs: LEASE, at: tick() });
  const complete = (store: Store, batch: ClaimedBatch | undefined, worker = 'w1') => {
    const outcomes = (batch?.items ?? []).map((item) => ({
      position: item.position,
      ok: true as const,
      value: { score: 50, match_reasons: [], gaps: [] },
    }));
    return completeCandidates(store.db, store.dialect, worker, batch?.jobId ?? '', outcomes, tick());
  };
  /** `at`: the test's own clock by default; the worker test submits at the real time its worker sees. */
  const submit = async (store: Store, orgHardCap: number, jobs: number, candidates: number, at = tick) => {
    const principal = await createPrincipal(store.db, { hardCap: orgHardCap });
    const ids: string[] = [];
    for (let n = 0; n < jobs; n++)
      ids.push(
        (await submitJob(submitDeps(store), principal, screenInput(candidates), { at: at() })).body.job_id,
      );
    return ids;
  };

  beforeEach(async () => {
    await clearJobs(database().store.db);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((w) => w.stop()));
  });

  it("claims a small job of one organisation next, ahead of another's backlog of large jobs", async () => {
    const { store } = database();
    const backlog = await submit(store, 5_000, 10, 200);
    await complete(store, await claim(store));
    const [small] = await submit(store, 100, 1, 5);

    const next = await claim(store);
    expect(next?.jobId).toBe(small);
    expect(next?.items).toHaveLength(5);
    await complete(store, next);
    // Then the backlog resumes where it was, FIFO within its organisation.
    const after = await claim(store);
    expect(after?.jobId).toBe(backlog[0]);
    expect(after?.items[0]?.position).toBe(BATCH);
  });

  it('a lone worker alternates between organisations with work', async () => {
    const { store } = database();
    const a = await submit(store, 5_000, 3, 200);
    const b = await submit(store, 5_000, 3, 200);
    const served: (string | undefined)[] = [];
    for (let n = 0; n < 6; n++) {
      const batch = await claim(store);
      served.push(batch?.jobId);
      await complete(store, batch);
    }
    expect(served).toEqual([a[0], b[0], a[0], b[0], a[0], b[0]]);
  });

  it('concurrent workers go to the organisation with the fewest candidates leased', async () => {
    const { store } = database();
    const a = await submit(store, 5_000, 2, 200);
    const b = await submit(store, 5_000, 1, 200);
    const first = await claim(store, 'w1');
    const second = await claim(store, 'w2');
    const third = await claim(store, 'w3');
    expect([first?.jobId, second?.jobId, third?.jobId]).toEqual([a[0], b[0], a[0]]);
    // w2 finishes: B now has nothing leased, A has two batches.
    await complete(store, second, 'w2');
    expect((await claim(store, 'w2'))?.jobId).toBe(b[0]);
  });

  it('workers claiming at once on separate connections take every candidate of every organisation exactly once', async () => {
    const { store } = database();
    const jobs = [...(await submit(store, 5_000, 3, 50)), ...(await submit(store, 5_000, 2, 30))];
    const connections = [database().openAnother(), database().openAnother(), database().openAnother()];
    try {
      const claimed: string[] = [];
      await Promise.all(
        connections.map(async (s, w) => {
          for (;;) {
            const batch = await claim(s, `w${w}`);
            if (!batch) return;
            claimed.push(...batch.items.map((i) => `${batch.jobId}/${i.position}`));
          }
        }),
      );
      const expected = jobs.flatMap((id, n) =>
        Array.from({ length: n < 3 ? 50 : 30 }, (_, p) => `${id}/${p}`),
      );
      expect(claimed.sort()).toEqual(expected.sort());
    } finally {
      await Promise.all(connections.map((s) => s.close()));
    }
  });

  it("a worker finishes one organisation's 5-candidate job long before another's 2,000-candidate backlog", async () => {
    const { store } = database();
    const backlog = await submit(store, 5_000, 10, 200, now);
    const engine = createFakeEngine();
    engine.delayMs = 5;
    running.push(
      startWorker({
        store,
        engine,
        config: { leaseMs: LEASE, pollIntervalMs: 20 },
        logger: silentLogger,
        batchSize: BATCH,
      }),
    );
    const processed = async (ids: readonly string[]) => {
      const rows = await store.db
        .selectFrom('jobs')
        .select(['processed_candidates', 'status'])
        .where('id', 'in', ids)
        .execute();
      return {
        candidates: rows.reduce((sum, r) => sum + Number(r.processed_candidates), 0),
        jobsDone: rows.filter((r) => r.status === 'complete').length,
      };
    };
    await waitFor(async () => (await processed(backlog)).candidates > 0, 10_000, 'the backlog to start');
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(5));
    await waitFor(async () => (await processed([body.job_id])).jobsDone === 1, 10_000, 'the small job');

    const backlogSoFar = await processed(backlog);
    expect(backlogSoFar.jobsDone).toBe(0);
    expect(backlogSoFar.candidates).toBeLessThan(200);
  });
});
