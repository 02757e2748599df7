import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../cli/serve-process.ts';
import { gapsBetween, type Receiver, startReceiver } from '../webhooks/support/receiver.ts';
import { createAccount, webhookSecret } from './support/account.ts';
import { clusterEnv, startServe, stopAll } from './support/cluster.ts';
import { recordFigures } from './support/figures.ts';
import { candidatesFor, getJob, type JobView, submit } from './support/jobs-api.ts';
import { createFaultSchema, type FaultSchema } from './support/postgres-schema.ts';
import { waitFor } from './support/wait.ts';

/**
 * Receivers that never accept: down (connection refused), 500, hanging past the timeout, 410. Each gets
 * the documented schedule — the first attempt and 3 retries, each after its delay (shortened here to
 * 1 s, 2 s, 3 s; the timeout to 1 s) — then no more, and the job shows the delivery as failed. A 410 is
 * a non-2xx like any other (api-reference: "returns a non-2xx status, Aptly retries"; the sender has no
 * special case for it), so it is retried too.
 */
const DELAYS_MS = [1_000, 2_000, 3_000];
const TIMEOUT_MS = 1_000;
/** A busy 2-core box: an attempt may start this much later than due (never earlier). */
const LATENESS_MS = 3_000;

let schema: FaultSchema | undefined;
const receivers: Receiver[] = [];

beforeAll(async () => {
  schema = await createFaultSchema();
});

afterAll(async () => {
  await stopAll();
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await schema?.drop();
});

interface Watched {
  readonly name: string;
  readonly jobId: string;
  /** performance.now() whenever the job's webhook.attempts was seen to grow. */
  readonly attemptSeenAt: number[];
  last?: JobView;
}

/** Polls the jobs until every delivery has failed for good, noting when each attempt became visible. */
async function watchUntilFailed(baseUrl: string, apiKey: string, watched: readonly Watched[]): Promise<void> {
  await waitFor(
    'every delivery to fail for good',
    async () => {
      // All at once, so each job is seen as soon as possible after its attempt.
      await Promise.all(
        watched.map(async (entry) => {
          const job = await getJob(baseUrl, apiKey, entry.jobId);
          if (!job) return;
          const attempts = job.webhook?.attempts ?? 0;
          while (entry.attemptSeenAt.length < attempts) entry.attemptSeenAt.push(performance.now());
          entry.last = job;
        }),
      );
      return watched.every((entry) => entry.last?.webhook?.status === 'failed') ? true : undefined;
    },
    60_000,
    50,
  );
}

describe('webhook deliveries to failing receivers', () => {
  it('follow the retry schedule, 4 attempts, and show the outcome on the job', async (ctx) => {
    if (!schema) return ctx.skip();
    const env = clusterEnv(schema.url, {
      APTLY_WEBHOOK_RETRY_DELAYS: '1s,2s,3s',
      APTLY_WEBHOOK_TIMEOUT: '1s',
    });
    // The API migrates the new schema; the admin CLI and the worker start together after it.
    const api = await startServe('api', env);
    const [account] = await Promise.all([createAccount(env), startServe('worker', env)]);
    if (!api.url) throw new Error('the API did not start');
    const secret = await webhookSecret(api.url, account);

    const failing = await startReceiver(() => 500);
    const hanging = await startReceiver(() => 'hang');
    const gone = await startReceiver(() => 410);
    receivers.push(failing, hanging, gone);
    const down = `http://127.0.0.1:${await freePort()}/hooks/aptly`;
    const targets = [
      { name: 'down', url: down },
      { name: '500', url: failing.url },
      { name: 'hang', url: hanging.url },
      { name: '410', url: gone.url },
    ];
    const watched: Watched[] = [];
    for (const [i, target] of targets.entries()) {
      const submitted = await submit(api.url, account.apiKey, candidatesFor(200 + i, 3), target.url);
      expect(submitted).toMatchObject({ status: 200 });
      watched.push({ name: target.name, jobId: String(submitted.body.job_id), attemptSeenAt: [] });
    }

    await watchUntilFailed(api.url, account.apiKey, watched);
    const outcome = Object.fromEntries(watched.map((entry) => [entry.name, entry.last?.webhook]));
    expect(outcome).toEqual({
      down: { status: 'failed', attempts: 4, last_status_code: null },
      '500': { status: 'failed', attempts: 4, last_status_code: 500 },
      hang: { status: 'failed', attempts: 4, last_status_code: null },
      '410': { status: 'failed', attempts: 4, last_status_code: 410 },
    });
    for (const entry of watched) expect(entry.last?.status).toBe('complete');

    // What the receivers saw: 4 signed requests under one webhook-id, spaced by the schedule (a hanging
    // receiver's gap also holds the 1 s the sender waited for it).
    for (const [receiver, waitedMs] of [
      [failing, 0],
      [gone, 0],
      [hanging, TIMEOUT_MS],
    ] as const) {
      expect(receiver.requests).toHaveLength(4);
      const ids = new Set(receiver.requests.map((request) => request.headers['webhook-id']));
      expect(ids.size).toBe(1);
      for (const request of receiver.requests)
        new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
      for (const [i, gap] of gapsBetween(receiver.requests).entries()) {
        const due = (DELAYS_MS[i] ?? 0) + waitedMs;
        expect(gap).toBeGreaterThanOrEqual(due - 50);
        expect(gap).toBeLessThan(due + LATENESS_MS);
      }
    }
    // The receiver that is down is only seen through the job: its attempts appeared on the schedule too.
    const downSeen = watched.find((entry) => entry.name === 'down')?.attemptSeenAt ?? [];
    const downGaps = downSeen.slice(1).map((at, i) => at - (downSeen[i] ?? at));
    expect(downGaps).toHaveLength(3);
    for (const [i, gap] of downGaps.entries()) {
      const due = DELAYS_MS[i] ?? 0;
      // Seen by polling (every 50 ms, plus the request itself): blurred by up to a poll round either way.
      expect(gap).toBeGreaterThan(due - 750);
      expect(gap).toBeLessThan(due + LATENESS_MS);
    }

    // No fifth attempt once the schedule is spent.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    for (const receiver of [failing, hanging, gone]) expect(receiver.requests).toHaveLength(4);
    recordFigures({ jobs: watched.length, candidates: 3 * watched.length });
  });
});
