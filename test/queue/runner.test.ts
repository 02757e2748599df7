import { afterEach, beforeEach, expect, it } from 'vitest';
import { now } from '../../src/domain/time.ts';
import { getJob, submitJob } from '../../src/jobs/index.ts';
import {
  claimCandidates,
  SYSTEMIC_FAILURE,
  startWorker,
  type Worker,
  type WorkerOptions,
} from '../../src/queue/index.ts';
import { listCandidateStates } from '../../src/store/candidates.repository.ts';
import type { Store } from '../../src/store/database.ts';
import { findJob } from '../../src/store/jobs.repository.ts';
import { createPrincipal, JOB_SPEC, screenInput, submitDeps } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';
import { createFakeEngine, type FakeEngine } from './fake-engine.ts';
import { clearJobs, silentLogger, waitFor } from './support.ts';

const CONFIG = { leaseMs: 5_000, pollIntervalMs: 20 };

describeEachDialect('the worker runner', (database) => {
  const running: Worker[] = [];
  const start = (store: Store, engine: FakeEngine, extra: Partial<WorkerOptions> = {}) => {
    const worker = startWorker({
      store,
      engine,
      config: CONFIG,
      logger: silentLogger,
      backoffMs: 10,
      ...extra,
    });
    running.push(worker);
    return worker;
  };
  const isFinished = (store: Store, jobId: string) => async () =>
    ['complete', 'failed'].includes((await findJob(store.db, jobId))?.status ?? '');

  beforeEach(async () => {
    await clearJobs(database().store.db);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((w) => w.stop()));
  });

  it('scores every candidate once, in batches of one job, and completes the job', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const input = screenInput(40);
    const candidates = [...input.candidates];
    candidates[3] = { candidate_ref: 'cand-3', cv_text: '' };
    candidates[7] = { candidate_ref: 'cand-7', cv_text: 'UNSCORABLE' };
    const { body } = await submitJob(submitDeps(store), principal, { ...input, candidates });
    const engine = createFakeEngine();
    start(store, engine, { batchSize: 8 });
    await waitFor(isFinished(store, body.job_id));

    const scoredTexts = candidates.map((c) => c.cv_text).filter((cv) => cv !== '');
    expect([...engine.scored].sort()).toEqual([...scoredTexts].sort());
    const submittedOn = (await findJob(store.db, body.job_id))?.createdAt.slice(0, 10);
    expect(engine.calls.every((c) => c.jobSpec === JOB_SPEC && c.asOf === submittedOn && c.count <= 8)).toBe(
      true,
    );
    const view = await getJob(store.db, principal, body.job_id, now());
    expect(view).toMatchObject({ status: 'complete', processed_candidates: 40 });
    expect(view.results).toHaveLength(38);
    expect(view.failed).toEqual([
      { candidate_ref: 'cand-3', error: 'cv_text is empty: nothing to score' },
      { candidate_ref: 'cand-7', error: 'CV could not be read' },
    ]);
  });

  it('releases batches while the engine is down, and fails the job after the attempt limit', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(5));
    const engine = createFakeEngine();
    engine.failWith = new Error('connect ECONNREFUSED');
    start(store, engine, { concurrency: 1 });
    await waitFor(isFinished(store, body.job_id));
    expect(engine.calls).toHaveLength(3);
    const view = await getJob(store.db, principal, body.job_id, now());
    expect(view.status).toBe('failed');
    expect(view.results).toEqual([]);
    expect(view.failed?.map((f) => f.error)).toEqual(Array(5).fill(SYSTEMIC_FAILURE));
  });

  it('retries after an engine outage and completes once it recovers', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(5));
    const engine = createFakeEngine();
    engine.failWith = new Error('503 from the provider');
    start(store, engine, { concurrency: 1 });
    await waitFor(async () => engine.calls.length >= 1);
    engine.failWith = undefined;
    await waitFor(isFinished(store, body.job_id));
    const view = await getJob(store.db, principal, body.job_id, now());
    expect(view).toMatchObject({ status: 'complete', failed: [] });
    expect(view.results).toHaveLength(5);
  });

  it('on stop, gives back a batch that outlasts the grace, without counting the attempt', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(3));
    const engine = createFakeEngine();
    engine.delayMs = 600;
    const worker = start(store, engine, { stopGraceMs: 50 });
    await waitFor(async () => engine.calls.length >= 1);
    const started = Date.now();
    await worker.stop();
    expect(Date.now() - started).toBeLessThan(400);
    const states = await listCandidateStates(store.db, body.job_id);
    expect(states.map((s) => [s.status, s.attempts, s.lockedBy])).toEqual(Array(3).fill(['queued', 0, null]));
    // The abandoned batch finishing later stores nothing.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await findJob(store.db, body.job_id))?.processedCandidates).toBe(0);
  });

  it('renews the lease of a batch that outlasts it, so nobody takes it over meanwhile', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(4));
    const engine = createFakeEngine();
    engine.delayMs = 1_200;
    start(store, engine, { config: { leaseMs: 400, pollIntervalMs: 20 }, concurrency: 1 });
    await waitFor(async () => engine.calls.length === 1);
    const rival = database().openAnother();
    try {
      for (let i = 0; i < 8; i++) {
        await new Promise((resolve) => setTimeout(resolve, 120));
        const stolen = await claimCandidates(rival.db, rival.dialect, 'rival', {
          limit: 10,
          leaseMs: 200,
          at: now(),
        });
        expect(stolen).toBeUndefined();
      }
    } finally {
      await rival.close();
    }
    await waitFor(isFinished(store, body.job_id));
    expect(engine.calls).toHaveLength(1);
    const states = await listCandidateStates(store.db, body.job_id);
    expect(states.map((s) => [s.status, s.attempts])).toEqual(Array(4).fill(['scored', 1]));
  });

  it('wakes at once for a submission in the same process instead of waiting for the next poll', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const engine = createFakeEngine();
    start(store, engine, { config: { leaseMs: 5_000, pollIntervalMs: 60_000 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { body } = await submitJob(submitDeps(store), principal, screenInput(2));
    await waitFor(isFinished(store, body.job_id), 2_000, 'the job, well before the 60 s poll');
  });

  it('restart safety: a worker dies holding a batch; a new worker completes the job, each CV scored once', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(30));
    // The first "process" claims a batch with a short lease and dies: it never scores, renews or releases.
    const dying = database().openAnother();
    const batch = await claimCandidates(dying.db, dying.dialect, 'dead-worker', {
      limit: 10,
      leaseMs: 300,
      at: now(),
    });
    expect(batch?.items).toHaveLength(10);
    await dying.close();

    const second = database().openAnother();
    try {
      const engine = createFakeEngine();
      start(second, engine, { config: { leaseMs: 300, pollIntervalMs: 20 } });
      await waitFor(isFinished(store, body.job_id));
      expect(engine.scored).toHaveLength(30);
      expect(new Set(engine.scored).size).toBe(30);
      const view = await getJob(store.db, principal, body.job_id, now());
      expect(view).toMatchObject({ status: 'complete', processed_candidates: 30, failed: [] });
      expect(new Set(view.results?.map((r) => r.candidate_ref)).size).toBe(30);
      const states = await listCandidateStates(store.db, body.job_id);
      expect(states.filter((s) => s.attempts === 2).map((s) => s.position)).toEqual(
        Array.from({ length: 10 }, (_, i) => i),
      );
    } finally {
      await Promise.all(running.splice(0).map((w) => w.stop()));
      await second.close();
    }
  });

  it('two workers on two connections share a 200-candidate job without scoring anything twice', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store), principal, screenInput(200));
    const connections = [database().openAnother(), database().openAnother()];
    try {
      const engines = [createFakeEngine(), createFakeEngine()];
      for (const [i, engine] of engines.entries()) {
        engine.delayMs = 5;
        start(connections[i] ?? store, engine, { batchSize: 10 });
      }
      await waitFor(isFinished(store, body.job_id), 20_000);
      const all = engines.flatMap((e) => e.scored);
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      expect(engines.every((e) => e.scored.length > 0)).toBe(true);
      const view = await getJob(store.db, principal, body.job_id, now());
      expect(view).toMatchObject({ status: 'complete', processed_candidates: 200 });
    } finally {
      await Promise.all(running.splice(0).map((w) => w.stop()));
      await Promise.all(connections.map((s) => s.close()));
    }
  });
});
