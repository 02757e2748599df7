import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, usageThisMonth } from './support/account.ts';
import { clusterEnv, startServe, stopAll } from './support/cluster.ts';
import { recordFigures } from './support/figures.ts';
import { candidatesFor, type Submission, submit } from './support/jobs-api.ts';
import { createFaultSchema, type FaultSchema } from './support/postgres-schema.ts';

/**
 * The hard cap under a race: 50 submissions hit two API processes at once for the last 100 CVs of an
 * organisation's month. The cap must hold exactly, and the usage recorded must be the sum accepted.
 */
const HARD_CAP = 500;
const ALREADY_USED = 400;
const RACERS = 50;
/** 1–10 CVs each (275 in all), so most of them cannot fit in the 100 left. */
const racerSize = (i: number) => 1 + ((i * 7) % 10);
const QUOTA_DETAIL =
  /^Monthly API quota would be exceeded\. Used \d+ of 500 CVs this month; this request of \d+ CVs would push you over the limit\. Please contact hello@aptly\.pro to increase your limit\.$/;

let schema: FaultSchema | undefined;

beforeAll(async () => {
  schema = await createFaultSchema();
});

afterAll(async () => {
  await stopAll();
  await schema?.drop();
});

describe('quota hard cap across two API processes', () => {
  it('is never exceeded by 50 concurrent submissions, and usage is the sum accepted', async (ctx) => {
    if (!schema) return ctx.skip();
    const env = clusterEnv(schema.url);
    // The first process migrates the new schema; the admin CLI and the second start together after it.
    const firstApi = await startServe('api', env);
    const [account, secondApi] = await Promise.all([
      createAccount(env, { hardCap: HARD_CAP }),
      startServe('api', env),
    ]);
    const urls = [firstApi.url ?? '', secondApi.url ?? ''];
    for (const [i, size] of [200, 200].entries()) {
      expect(await submit(urls[i] ?? '', account.apiKey, candidatesFor(i, size))).toMatchObject({
        status: 200,
      });
    }
    expect(await usageThisMonth(urls[0] ?? '', account)).toBe(ALREADY_USED);

    const racers = Array.from({ length: RACERS }, (_, i) => candidatesFor(100 + i, racerSize(i)));
    const outcomes: Submission[] = await Promise.all(
      racers.map((candidates, i) => submit(urls[i % 2] ?? '', account.apiKey, candidates)),
    );

    const accepted = outcomes.filter((o) => o.status === 200);
    const rejected = outcomes.filter((o) => o.status === 429);
    expect(accepted.length + rejected.length).toBe(RACERS);
    const acceptedCvs = accepted.reduce((sum, o) => sum + Number(o.body.total_candidates), 0);
    const usage = await usageThisMonth(urls[1] ?? '', account);
    expect(usage).toBe(ALREADY_USED + acceptedCvs);
    expect(usage).toBeLessThanOrEqual(HARD_CAP);
    expect(accepted.length).toBeGreaterThan(0);
    expect(rejected.length).toBeGreaterThan(0);
    // The jobs stored agree with the usage counter: no accepted submission went unrecorded, or back.
    const [stored] = await schema.query<{ cvs: string }>(
      'select coalesce(sum(total_candidates), 0) as cvs from jobs where org_id = $1',
      [account.orgId],
    );
    expect(Number(stored?.cvs)).toBe(usage);

    for (const { body } of rejected) {
      expect(body).toEqual({
        detail: expect.stringMatching(QUOTA_DETAIL),
        current_usage: expect.any(Number),
        hard_cap: HARD_CAP,
        requested_count: expect.any(Number),
        billing_month: expect.stringMatching(/^\d{4}-\d{2}$/),
      });
      const requested = Number(body.requested_count);
      const usedThen = Number(body.current_usage);
      // Refused only when it truly did not fit, then and (usage only grows) at the end.
      expect(usedThen + requested).toBeGreaterThan(HARD_CAP);
      expect(usage + requested).toBeGreaterThan(HARD_CAP);
      expect(usedThen).toBeLessThanOrEqual(usage);
    }

    recordFigures({ jobs: 2 + accepted.length, candidates: usage });
  });
});
