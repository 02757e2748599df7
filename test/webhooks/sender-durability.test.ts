import { afterEach, expect, it } from 'vitest';
import { addMs, type Timestamp, toTimestamp } from '../../src/domain/time.ts';
import { deliveryIdOf } from '../../src/store/webhook-deliveries.repository.ts';
import { describeEachDialect } from '../support/databases.ts';
import { createHarness, pause, testConfig } from './support/harness.ts';
import { deliveryRow, insertDeliverableJob, insertOrganisation } from './support/jobs.ts';
import { gapsBetween } from './support/receiver.ts';

describeEachDialect('webhook sender durability and default schedule', (database) => {
  const harness = createHarness(database);
  afterEach(() => harness.cleanUp());

  it('by default retries 5 s, 30 s and 120 s after each failure, with a 15 s timeout (on a manual clock)', async () => {
    const config = testConfig();
    expect(config.webhook.retryDelaysMs).toEqual([5_000, 30_000, 120_000]);
    expect(config.webhook.timeoutMs).toBe(15_000);

    let time = Date.now();
    const clock = (): Timestamp => toTimestamp(new Date(time));
    const start = clock();
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const receiver = await harness.receiver(() => 503);
    const jobId = await insertDeliverableJob(db, org, receiver.url, { dueAt: start });
    // A long poll: after the first attempt only kick() (or the clock reaching the next time) moves it on.
    const sender = harness.startSender({ config, clock, pollIntervalMs: 10_000 });

    let expectedNext = addMs(start, 5_000);
    await harness.waitForRow(jobId, { attempts: 1, status: 'pending', next_attempt_at: expectedNext });
    await pause(300);
    sender.kick();
    await pause(100);
    expect(receiver.requests).toHaveLength(1); // not due yet on this clock

    for (const [attempts, delay] of [
      [2, 30_000],
      [3, 120_000],
    ] as const) {
      time = Date.parse(expectedNext);
      sender.kick();
      expectedNext = addMs(expectedNext, delay);
      await harness.waitForRow(jobId, { attempts, status: 'pending', next_attempt_at: expectedNext });
    }
    time = Date.parse(expectedNext);
    sender.kick();
    const row = await harness.waitForRow(jobId, { attempts: 4, status: 'failed', last_status_code: 503 });
    expect(row.next_attempt_at).toBe(expectedNext);

    time += 3_600_000;
    sender.kick();
    await pause(200);
    expect(receiver.requests).toHaveLength(4);
    // Each attempt is signed at its own time: 5 s, 30 s and 120 s apart on this clock.
    const stamps = receiver.requests.map((r) => Number(r.headers['webhook-timestamp']));
    expect(stamps.slice(1).map((s, i) => s - (stamps[i] ?? 0))).toEqual([5, 30, 120]);
  });

  it('a restarted sender on another connection continues the schedule and never re-sends a delivered one', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const receiver = await harness.receiver((index) => (index < 2 ? 500 : 200));
    const jobId = await insertDeliverableJob(db, org, receiver.url);
    const config = testConfig({ APTLY_WEBHOOK_RETRY_DELAYS: '400ms,100ms,100ms' });

    const first = harness.startSender({ config, workerId: 'process-a' });
    await harness.waitForRow(jobId, { attempts: 1, status: 'pending' });
    await first.stop(); // mid-schedule: the second attempt is not due yet
    expect(await deliveryRow(db, jobId)).toMatchObject({ attempts: 1, status: 'pending', locked_by: null });
    expect(receiver.requests).toHaveLength(1);

    harness.startSender({ config, workerId: 'process-b', store: harness.anotherConnection() });
    const row = await harness.waitForRow(jobId, { status: 'delivered' });
    expect(row).toMatchObject({ attempts: 3, last_status_code: 200 });
    expect(receiver.requests).toHaveLength(3);
    expect(gapsBetween(receiver.requests)[0]).toBeGreaterThanOrEqual(400);
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id']))).toEqual(
      new Set([deliveryIdOf(jobId)]),
    );

    // A third process finds nothing left to send.
    harness.startSender({ config, workerId: 'process-c', store: harness.anotherConnection() });
    await pause(600);
    expect(receiver.requests).toHaveLength(3);
  });

  it('two senders on two connections deliver every pending webhook exactly once', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const receiver = await harness.receiver(() => 200);
    const jobs: string[] = [];
    for (let i = 0; i < 12; i++)
      jobs.push(await insertDeliverableJob(db, org, receiver.url, { candidates: [] }));
    harness.startSender({ workerId: 'process-a', maxInFlight: 3 });
    harness.startSender({ workerId: 'process-b', maxInFlight: 3, store: harness.anotherConnection() });

    for (const jobId of jobs) await harness.waitForRow(jobId, { status: 'delivered', attempts: 1 });
    await pause(400);
    const ids = receiver.requests.map((r) => r.headers['webhook-id']);
    expect(ids.slice().sort()).toEqual(jobs.map(deliveryIdOf).sort());
  });
});
