import { Webhook } from 'standardwebhooks';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { deliveryIdOf, getDeliveryStatus } from '../../src/store/webhook-deliveries.repository.ts';
import { describeEachDialect } from '../support/databases.ts';
import { createHarness, pause, testConfig } from './support/harness.ts';
import { insertDeliverableJob, insertOrganisation } from './support/jobs.ts';
import { gapsBetween, type ReceivedRequest } from './support/receiver.ts';

const SHORT_DELAYS = [60, 150, 300];
const LONGEST_DELAY = 300;

function expectEachGapAtLeastItsDelay(gaps: readonly number[]): void {
  expect(gaps).toHaveLength(SHORT_DELAYS.length);
  for (const [i, gap] of gaps.entries()) expect(gap).toBeGreaterThanOrEqual(SHORT_DELAYS[i] ?? Infinity);
}

describeEachDialect('webhook sender', (database) => {
  const harness = createHarness(database);
  afterEach(() => harness.cleanUp());

  function verified(secret: string, request: ReceivedRequest): unknown {
    return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
  }

  it('POSTs the documented payload once, signed so the standardwebhooks library verifies it', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const receiver = await harness.receiver(() => 204);
    const jobId = await insertDeliverableJob(db, org, receiver.url);
    harness.startSender();

    const row = await harness.waitForRow(jobId, { status: 'delivered' });
    expect(row).toMatchObject({ attempts: 1, last_status_code: 204, last_error: null });
    expect(row.delivered_at).not.toBeNull();
    expect(await getDeliveryStatus(db, jobId)).toEqual({
      status: 'delivered',
      attempts: 1,
      last_status_code: 204,
    });
    await pause(400);
    expect(receiver.requests).toHaveLength(1);

    const [request] = receiver.requests;
    if (!request) throw new Error('no request');
    const payload = verified(org.webhookSecret, request);
    expect(Object.keys(payload as object)).toEqual(['job_id', 'status', 'results', 'failed']);
    expect(payload).toEqual({
      job_id: jobId,
      status: 'complete',
      results: [
        {
          candidate_ref: 'cand-high',
          score: 91,
          verdict: 'Strong shortlist',
          match_reasons: ['reason 1'],
          gaps: [],
        },
        {
          candidate_ref: 'cand-mid',
          score: 66,
          verdict: 'Borderline',
          match_reasons: ['reason 3'],
          gaps: [],
        },
        {
          candidate_ref: 'cand-low',
          score: 42,
          verdict: 'Do not progress',
          match_reasons: ['reason 0'],
          gaps: [],
        },
      ],
      failed: [{ candidate_ref: 'cand-blank', error: 'cv_text is blank' }],
    });
    expect(request.headers['webhook-id']).toBe(deliveryIdOf(jobId));
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toMatch(/^Aptly-Intelligence-Webhooks\//);
    const sentAt = Number(request.headers['webhook-timestamp']);
    expect(Math.abs(sentAt - Date.now() / 1000)).toBeLessThan(10);
  });

  it('retries a failing receiver on the configured schedule: exactly 4 attempts, then no more', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const receiver = await harness.receiver(() => 500);
    const jobId = await insertDeliverableJob(db, org, receiver.url);
    const config = testConfig({ APTLY_WEBHOOK_RETRY_DELAYS: SHORT_DELAYS.map((ms) => `${ms}ms`).join(',') });
    harness.startSender({ config });

    const row = await harness.waitForRow(jobId, { status: 'failed' });
    expect(row).toMatchObject({ attempts: 4, last_status_code: 500, last_error: 'HTTP 500' });
    await pause(2 * LONGEST_DELAY);
    expect(receiver.requests).toHaveLength(4);

    const gaps = gapsBetween(receiver.requests);
    expectEachGapAtLeastItsDelay(gaps);
    expect(gaps[0]).toBeLessThan(gaps[1] ?? 0);
    expect(gaps[1]).toBeLessThan(gaps[2] ?? 0);
    // The same message on every attempt, each signed anew at its own timestamp.
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id']))).toEqual(
      new Set([deliveryIdOf(jobId)]),
    );
    for (const request of receiver.requests) expect(verified(org.webhookSecret, request)).toBeTruthy();
    expect(await getDeliveryStatus(db, jobId)).toEqual({
      status: 'failed',
      attempts: 4,
      last_status_code: 500,
    });
  });

  it('gives a receiver that hangs the per-attempt timeout, then retries on schedule', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const receiver = await harness.receiver(() => 'hang');
    const jobId = await insertDeliverableJob(db, org, receiver.url);
    const timeoutMs = 150;
    const config = testConfig({
      APTLY_WEBHOOK_TIMEOUT: `${timeoutMs}ms`,
      APTLY_WEBHOOK_RETRY_DELAYS: SHORT_DELAYS.map((ms) => `${ms}ms`).join(','),
    });
    harness.startSender({ config });

    const row = await harness.waitForRow(jobId, { status: 'failed' });
    expect(row).toMatchObject({
      attempts: 4,
      last_status_code: null,
      last_error: `timed out after ${timeoutMs} ms`,
    });
    await pause(2 * LONGEST_DELAY);
    expect(receiver.requests).toHaveLength(4);
    // Each retry waits its delay after the timed-out attempt ended.
    expectEachGapAtLeastItsDelay(gapsBetween(receiver.requests));
  });

  it('refuses at delivery a host that now resolves to 127.0.0.1, and the receiver sees nothing', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const receiver = await harness.receiver(() => 204);
    const jobId = await insertDeliverableJob(db, org, `http://hooks.example:${receiver.port}/aptly`);
    const config = loadConfig({ APTLY_WEBHOOK_RETRY_DELAYS: '20ms,20ms,20ms' });
    expect(config.webhook.allowPrivate).toBe(false);
    harness.startSender({ config, resolve: async () => ['127.0.0.1'] });

    const row = await harness.waitForRow(jobId, { status: 'failed' });
    expect(row).toMatchObject({ attempts: 4, last_status_code: null });
    expect(row.last_error).toMatch(/^refused: hooks\.example resolves to a private or reserved address/);
    expect(receiver.requests).toHaveLength(0);
  });

  it('drops the delivery of a purged job as failed ("job expired") without sending anything', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const receiver = await harness.receiver(() => 204);
    const jobId = await insertDeliverableJob(db, org, receiver.url, { purged: true });
    harness.startSender();

    const row = await harness.waitForRow(jobId, { status: 'failed' });
    expect(row).toMatchObject({ attempts: 0, last_error: 'job expired' });
    expect(receiver.requests).toHaveLength(0);
  });

  it('records a connection failure without a status code and keeps the URL out of last_error', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const closed = await harness.receiver(() => 204);
    await closed.close();
    const jobId = await insertDeliverableJob(db, org, closed.url);
    harness.startSender({ config: testConfig({ APTLY_WEBHOOK_RETRY_DELAYS: '10s' }) });

    const row = await harness.waitForRow(jobId, { attempts: 1 });
    expect(row).toMatchObject({
      status: 'pending',
      last_status_code: null,
      last_error: 'connection failed (ECONNREFUSED)',
    });
    expect(row.last_error).not.toContain('receiver-secret');
  });
});
