import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, webhookSecret } from './support/account.ts';
import { clusterEnv, startServe, stopAll } from './support/cluster.ts';
import { recordFigures } from './support/figures.ts';
import { candidatesFor, processedOf, readJobs, submit, waitForCompletion } from './support/jobs-api.ts';
import { inconsistentJobRows, tallyCandidates, unfinishedCandidateRows } from './support/outcome.ts';
import {
  restartablePostgres,
  restartPostgres,
  waitForOthersToDisconnect,
} from './support/postgres-restart.ts';
import { createFaultSchema, type FaultSchema, waitForPostgres } from './support/postgres-schema.ts';
import { type SignedReceiver, startSignedReceiver } from './support/signed-receiver.ts';
import { type Supervisor, supervise } from './support/supervisor.ts';
import { progress, waitFor } from './support/wait.ts';
import { expectOneWebhookPerJob, waitForDeliveredWebhooks } from './support/webhook-checks.ts';

/**
 * PostgreSQL restarted under load: an API and two workers are part-way through 10 jobs when the cluster
 * restarts. Afterwards every job completes with every candidate exactly once and one webhook each. The
 * processes run supervised (restarted if they die), as in any real deployment; how many died is reported.
 */
const JOB_SIZES = [100, 80, 120, 100, 60, 140, 100, 100, 120, 80];

let schema: FaultSchema | undefined;
let receiver: SignedReceiver | undefined;
let supervisor: Supervisor | undefined;

beforeAll(async () => {
  schema = await createFaultSchema();
});

afterAll(async () => {
  await supervisor?.stop();
  await stopAll();
  await receiver?.close();
  // Whatever happened, PostgreSQL is up again before anything else runs.
  await waitForPostgres();
  await schema?.drop();
});

describe('a PostgreSQL restart while jobs run', () => {
  it('loses no job and no result: all complete afterwards', async (ctx) => {
    if (!schema) return ctx.skip();
    const restartable = await restartablePostgres();
    if ('reason' in restartable) {
      const message = `PostgreSQL cannot be restarted here (${restartable.reason}): restart test skipped`;
      if (process.env.CI === 'true') throw new Error(`${message} — not allowed under CI=true`);
      console.warn(message);
      return ctx.skip();
    }
    const db = schema;
    const env = clusterEnv(db.url);
    const api = await startServe('api', env);
    const [account, ...workers] = await Promise.all([
      createAccount(env, { hardCap: 1_000_000 }),
      startServe('worker', env),
      startServe('worker', env),
    ]);
    if (!account || !api.url) throw new Error('the cluster did not start');
    const apiUrls = [api.url];
    receiver = await startSignedReceiver(() => false);

    const submitted = new Map<string, readonly string[]>();
    const total = JOB_SIZES.reduce((sum, size) => sum + size, 0);
    for (const [i, size] of JOB_SIZES.entries()) {
      const candidates = candidatesFor(300 + i, size);
      const response = await submit(api.url, account.apiKey, candidates, receiver.url);
      expect(response).toMatchObject({ status: 200 });
      submitted.set(
        String(response.body.job_id),
        candidates.map((c) => c.candidate_ref),
      );
    }
    const jobIds = [...submitted.keys()];
    progress(`${jobIds.length} jobs submitted, ${total} candidates`);
    await waitFor('a tenth of the candidates', async () =>
      processedOf(await readJobs(apiUrls, account.apiKey, jobIds)) >= total / 10 ? true : undefined,
    );

    supervisor = supervise([api, ...workers], env);
    await waitForOthersToDisconnect();
    // The restart must land mid-work, or the test would prove nothing.
    const before = processedOf(await readJobs(apiUrls, account.apiKey, jobIds));
    expect(before).toBeLessThan(total);
    progress(`restarting PostgreSQL (${before} candidates processed)`);
    await restartPostgres(restartable.version);
    progress('PostgreSQL is back');
    const complete = await waitForCompletion(apiUrls, account.apiKey, jobIds, 180_000);
    progress(`all jobs complete; ${supervisor.crashes} processes died and were started again`);

    const tally = tallyCandidates(complete, submitted);
    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(complete.reduce((sum, job) => sum + job.total_candidates, 0)).toBe(total);
    expect(await unfinishedCandidateRows(db, jobIds)).toBe(0);
    expect(await inconsistentJobRows(db, jobIds)).toEqual([]);
    const [usage] = await db.query<{ used: string }>('select sum(cv_count) as used from org_usage');
    expect(Number(usage?.used)).toBe(total);

    const delivered = await waitForDeliveredWebhooks(apiUrls, account.apiKey, jobIds);
    const requests = receiver.verified(await webhookSecret(api.url, account));
    const accepted = expectOneWebhookPerJob(requests, delivered);

    recordFigures({
      jobs: jobIds.length,
      candidates: total,
      restarts: 1,
      crashes: supervisor.crashes,
      webhooksDelivered: accepted.length,
      ...tally,
    });
  });
});
