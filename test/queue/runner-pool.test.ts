import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { benchJobSpec, generateCvs } from '../../bench/fixtures/index.ts';
import { now } from '../../src/domain/time.ts';
import { verdictForScore } from '../../src/domain/verdict.ts';
import { getJob, submitJob } from '../../src/jobs/index.ts';
import { startWorker, type Worker } from '../../src/queue/index.ts';
import { createScoringPool } from '../../src/scoring/pool.ts';
import { findJob } from '../../src/store/jobs.repository.ts';
import { createPrincipal, submitDeps } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';
import { clearJobs, silentLogger, waitFor } from './support.ts';

// The production engine on its worker threads: what the service runs, end to end through the queue.
const pool = createScoringPool({ threads: 1 });
const CVS = generateCvs({ count: 24, targetChars: 3_000, seed: 5, profession: 'software' });
afterAll(async () => {
  await pool.close();
});

describeEachDialect('the worker runner on the scoring pool', (database) => {
  let worker: Worker | undefined;
  beforeEach(async () => {
    await clearJobs(database().store.db);
  });
  afterEach(async () => {
    await worker?.stop();
  });

  it('completes a job with results sorted by score and verdicts derived from scores', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const candidates = CVS.map((cv_text, i) => ({ candidate_ref: `cv-${i}`, cv_text }));
    const deps = submitDeps(store, { engineInfo: { name: pool.name, version: pool.version } });
    const { body } = await submitJob(deps, principal, { job_spec: benchJobSpec(), candidates });
    worker = startWorker({
      store,
      engine: pool,
      config: { leaseMs: 30_000, pollIntervalMs: 20 },
      logger: silentLogger,
    });
    await waitFor(
      async () => (await findJob(store.db, body.job_id))?.status === 'complete',
      20_000,
      'the job',
    );

    const view = await getJob(store.db, principal, body.job_id, now());
    expect(view.scoring).toEqual({ engine: 'local', version: pool.version });
    expect(view.failed).toEqual([]);
    const results = view.results ?? [];
    expect(results.map((r) => r.candidate_ref).sort()).toEqual(candidates.map((c) => c.candidate_ref).sort());
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const r of results) {
      expect(r.verdict).toBe(verdictForScore(r.score));
      expect(r.match_reasons.length).toBeLessThanOrEqual(4);
      expect(r.gaps.length).toBeLessThanOrEqual(3);
    }
  });
});
