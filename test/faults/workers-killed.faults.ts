import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, webhookSecret } from './support/account.ts';
import { clusterEnv, type ServeProcess, startServe, stopAll } from './support/cluster.ts';
import { recordFigures } from './support/figures.ts';
import { candidatesFor, processedOf, readJobs, submit, waitForCompletion } from './support/jobs-api.ts';
import {
  inconsistentJobRows,
  resultsFingerprint,
  tallyCandidates,
  unfinishedCandidateRows,
} from './support/outcome.ts';
import { createFaultSchema, type FaultSchema } from './support/postgres-schema.ts';
import { type SignedReceiver, startSignedReceiver } from './support/signed-receiver.ts';
import { progress, waitFor } from './support/wait.ts';
import { expectOneWebhookPerJob, waitForDeliveredWebhooks } from './support/webhook-checks.ts';

/**
 * Scale-out under worker failure: 2 API and 3 worker processes on one PostgreSQL schema, 20 jobs
 * submitted at once; mid-job one worker is killed outright and another asked to stop. Every job must
 * still complete with each candidate exactly once, and every job's webhook arrive once, signed, under
 * one webhook-id across its attempts.
 */
/** 20 jobs of 50–200 candidates, 1,800 in all: a few minutes' scoring on a busy 2-core machine. */
const JOB_SIZES = [50, 100, 200, 60, 120, 50, 80, 150, 70, 50, 110, 60, 200, 50, 90, 50, 120, 60, 70, 60];
const COMPLETION_TIMEOUT_MS = 180_000;

let schema: FaultSchema | undefined;
let receiver: SignedReceiver | undefined;

beforeAll(async () => {
  schema = await createFaultSchema();
});

afterAll(async () => {
  await stopAll();
  await receiver?.close();
  await schema?.drop();
});

/**
 * Whether this worker process is mid-job (holds a lease on some candidate) and not mid-webhook. A webhook
 * sender killed between the receiver's 2xx and recording it must deliver again (at-least-once, which is
 * why the webhook-id is stable); the test checks exactly-once delivery, so it does not kill there.
 */
async function midJobOnly(db: FaultSchema, worker: ServeProcess): Promise<true | undefined> {
  const [row] = await db.query<{ leased: string; sending: string }>(
    `select (select count(*) from candidates where status = 'leased' and locked_by like $1) as leased,
            (select count(*) from webhook_deliveries where status = 'pending' and locked_by like $2) as sending`,
    [`%:${worker.pid}:%`, `webhooks-%-${worker.pid}-________`],
  );
  return Number(row?.leased) > 0 && Number(row?.sending) === 0 ? true : undefined;
}

describe('2 API and 3 worker processes on PostgreSQL', () => {
  it('complete every job exactly once through a SIGKILL and a SIGTERM of workers', async (ctx) => {
    if (!schema) return ctx.skip();
    const db = schema;
    const env = clusterEnv(db.url, { APTLY_WEBHOOK_RETRY_DELAYS: '1s,2s,3s' });
    // The first process migrates the new schema; the rest, and the admin CLI, start together after it.
    const firstApi = await startServe('api', env);
    const [account, secondApi, ...workers]: [Account, ...ServeProcess[]] = await Promise.all([
      createAccount(env, { hardCap: 1_000_000 }),
      startServe('api', env),
      ...[0, 1, 2].map(() => startServe('worker', env)),
    ]);
    const apis = [firstApi, secondApi];
    progress('2 APIs and 3 workers started');
    const apiUrls = apis.map((api) => api.url ?? '');
    const secret = await webhookSecret(apiUrls[0] ?? '', account);
    // Half the jobs have their first webhook attempt refused with a 500: their retry must keep the id.
    receiver = await startSignedReceiver((jobId) => /^[0-7]/.test(jobId));
    const webhookUrl = receiver.url;

    const submitted = new Map<string, readonly string[]>();
    const total = JOB_SIZES.reduce((sum, size) => sum + size, 0);
    const responses = await Promise.all(
      JOB_SIZES.map(async (size, i) => {
        const candidates = candidatesFor(i, size);
        const response = await submit(apiUrls[i % 2] ?? '', account.apiKey, candidates, webhookUrl);
        return { response, refs: candidates.map((c) => c.candidate_ref) };
      }),
    );
    for (const { response, refs } of responses) {
      expect(response).toMatchObject({ status: 200 });
      submitted.set(String(response.body.job_id), refs);
    }
    const jobIds = [...submitted.keys()];
    progress(`${jobIds.length} jobs submitted, ${total} candidates`);

    const [killed, stopped] = workers;
    if (!killed || !stopped) throw new Error('workers did not start');
    await waitFor('a tenth of the candidates', async () =>
      processedOf(await readJobs(apiUrls, account.apiKey, jobIds)) >= total / 10 ? true : undefined,
    );
    await waitFor('the first worker to be mid-job', () => midJobOnly(db, killed), 30_000, 20);
    killed.process.child.kill('SIGKILL');
    progress('SIGKILL sent');
    expect(await killed.process.exited).toBeNull();
    await waitFor('a third of the candidates', async () =>
      processedOf(await readJobs(apiUrls, account.apiKey, jobIds)) >= total / 3 ? true : undefined,
    );
    await waitFor('the second worker to be mid-job', () => midJobOnly(db, stopped), 30_000, 20);
    stopped.process.child.kill('SIGTERM');
    progress('SIGTERM sent');
    expect(await stopped.process.exited).toBe(0);
    // A supervisor would start a replacement; the killed worker's leases come back when they expire.
    await startServe('worker', env);

    progress('replacement worker started');
    const complete = await waitForCompletion(apiUrls, account.apiKey, jobIds, COMPLETION_TIMEOUT_MS);
    progress('all jobs complete');
    const tally = tallyCandidates(complete, submitted);
    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    for (const job of complete) expect(job.processed_candidates).toBe(job.total_candidates);
    expect(complete.reduce((sum, job) => sum + job.total_candidates, 0)).toBe(total);
    expect(await unfinishedCandidateRows(db, jobIds)).toBe(0);
    expect(await inconsistentJobRows(db, jobIds)).toEqual([]);

    // Webhooks: each job's delivery recorded as delivered, and received as such exactly once; half the
    // jobs needed a retry, which kept the first attempt's webhook-id.
    const delivered = await waitForDeliveredWebhooks(apiUrls, account.apiKey, jobIds);
    progress('all webhooks delivered');
    const requests = receiver.verified(secret);
    const accepted = expectOneWebhookPerJob(requests, delivered);
    expect(requests.some((r) => r.answered === 500)).toBe(true);

    // Nothing was scored after completion: the results read then are the results now, and the
    // webhook carried the same ones.
    const byId = new Map(complete.map((job) => [job.job_id, job]));
    for (const job of delivered) {
      const before = byId.get(job.job_id);
      if (!before) throw new Error('job vanished');
      expect(resultsFingerprint(job)).toBe(resultsFingerprint(before));
    }
    for (const request of accepted) {
      expect(request.payload.results).toEqual(byId.get(request.jobId)?.results);
    }

    recordFigures({
      jobs: jobIds.length,
      candidates: total,
      kills: 2,
      webhooksDelivered: accepted.length,
      ...tally,
    });
  });
});
