import { afterEach, expect, it } from 'vitest';
import { addMs, now } from '../../src/domain/time.ts';
import {
  claimDueDeliveries,
  deliveryIdOf,
  dropExpiredDelivery,
  enqueueWebhookDelivery,
  getDeliveryStatus,
  markDelivered,
  nextDueAt,
  readDeliveryJob,
  recordFailedAttempt,
} from '../../src/store/webhook-deliveries.repository.ts';
import { describeEachDialect } from '../support/databases.ts';
import { deliveryRow, insertDeliverableJob, insertOrganisation } from '../webhooks/support/jobs.ts';

const URL = 'https://hooks.example.com/aptly';

describeEachDialect('webhook deliveries repository', (database) => {
  // now()'s microseconds do not always grow within one millisecond: claim a millisecond ahead.
  const claim = (workerId: string, at = addMs(now(), 1), limit = 10) =>
    claimDueDeliveries(database().store.db, {
      dialect: database().store.dialect,
      workerId,
      now: at,
      leaseMs: 60_000,
      limit,
    });

  afterEach(async () => {
    await database().store.db.deleteFrom('webhook_deliveries').execute();
  });

  it('enqueues one pending delivery per job, whatever the number of calls', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const jobId = await insertDeliverableJob(db, org, URL);
    await enqueueWebhookDelivery(db, { jobId, orgId: org.id, url: URL, at: now() });
    const rows = await db.selectFrom('webhook_deliveries').selectAll().where('job_id', '=', jobId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: deliveryIdOf(jobId), status: 'pending', attempts: 0, url: URL });
    expect(await getDeliveryStatus(db, jobId)).toEqual({
      status: 'pending',
      attempts: 0,
      last_status_code: null,
    });
  });

  it('claims only due, unleased deliveries, and a lease keeps others off until it expires', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const due = await insertDeliverableJob(db, org, URL);
    await insertDeliverableJob(db, org, URL, { dueAt: addMs(now(), 60_000) });

    const first = await claim('a');
    expect(first.map((d) => d.jobId)).toEqual([due]);
    expect(first[0]).toMatchObject({ id: deliveryIdOf(due), orgId: org.id, url: URL, attempts: 0 });
    expect(await claim('b')).toEqual([]);
    // After the lease (60 s) has run out, another sender takes the delivery over.
    const later = await claim('b', addMs(now(), 61_000));
    expect(later.map((d) => d.jobId).sort()).toHaveLength(2);
    expect((await deliveryRow(db, due)).locked_by).toBe('b');
  });

  it('two connections claiming at once never take the same delivery', async () => {
    const { db, dialect } = database().store;
    const other = database().openAnother();
    try {
      const org = await insertOrganisation(db);
      const jobs = new Set<string>();
      for (let i = 0; i < 12; i++) jobs.add(await insertDeliverableJob(db, org, URL, { candidates: [] }));
      const at = addMs(now(), 1);
      const options = (workerId: string) => ({ dialect, workerId, now: at, leaseMs: 60_000, limit: 5 });
      const rounds = await Promise.all([
        claimDueDeliveries(db, options('a')),
        claimDueDeliveries(other.db, options('b')),
        claimDueDeliveries(db, options('a')),
        claimDueDeliveries(other.db, options('b')),
      ]);
      for (const round of rounds) expect(round.length).toBeLessThanOrEqual(5);
      const claimed = rounds.flat().map((d) => d.jobId);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.length).toBeGreaterThanOrEqual(10);
      for (const jobId of claimed) expect(jobs.has(jobId)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('records a failed attempt with its next time, then a delivered one; only under the lease', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const jobId = await insertDeliverableJob(db, org, URL);
    const [delivery] = await claim('a');
    if (!delivery) throw new Error('nothing claimed');
    const next = addMs(now(), 5_000);

    const failure = { attempts: 1, statusCode: 500, error: 'HTTP 500', nextAttemptAt: next };
    expect(await recordFailedAttempt(db, { id: delivery.id, workerId: 'intruder' }, failure)).toBe(false);
    expect(await recordFailedAttempt(db, { id: delivery.id, workerId: 'a' }, failure)).toBe(true);
    expect(await deliveryRow(db, jobId)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status_code: 500,
      last_error: 'HTTP 500',
      next_attempt_at: next,
      locked_by: null,
      locked_until: null,
    });
    expect(await nextDueAt(db, now())).toBe(next);
    expect(await claim('a', addMs(next, -1))).toEqual([]);

    const [retry] = await claim('a', next);
    if (!retry) throw new Error('the retry was not claimed when due');
    expect(retry.attempts).toBe(1);
    const at = now();
    expect(
      await markDelivered(db, { id: retry.id, workerId: 'a' }, { attempts: 2, statusCode: 204, at }),
    ).toBe(true);
    expect(await deliveryRow(db, jobId)).toMatchObject({
      status: 'delivered',
      attempts: 2,
      last_status_code: 204,
      last_error: null,
      delivered_at: at,
    });
    expect(await getDeliveryStatus(db, jobId)).toEqual({
      status: 'delivered',
      attempts: 2,
      last_status_code: 204,
    });
    expect(await claim('a', addMs(now(), 3_600_000))).toEqual([]);
  });

  it('fails a delivery when no attempts are left, and never claims it again', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const jobId = await insertDeliverableJob(db, org, URL);
    const [delivery] = await claim('a');
    if (!delivery) throw new Error('nothing claimed');
    const lease = { id: delivery.id, workerId: 'a' };
    const error = `connection failed (ECONNREFUSED) ${'x'.repeat(500)}`;
    await recordFailedAttempt(db, lease, { attempts: 4, statusCode: null, error, nextAttemptAt: null });
    const row = await deliveryRow(db, jobId);
    expect(row).toMatchObject({ status: 'failed', attempts: 4, last_status_code: null });
    expect(row.last_error?.length).toBe(300);
    expect(await getDeliveryStatus(db, jobId)).toEqual({
      status: 'failed',
      attempts: 4,
      last_status_code: null,
    });
    expect(await claim('a', addMs(now(), 3_600_000))).toEqual([]);
    expect(await nextDueAt(db, now())).toBeUndefined();
  });

  it('reads the job and its organisation secret, and drops a purged job as expired', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db);
    const live = await insertDeliverableJob(db, org, URL);
    const purged = await insertDeliverableJob(db, org, URL, { purged: true });
    expect(await readDeliveryJob(db, live)).toEqual({
      status: 'complete',
      expired: false,
      webhookSecret: org.webhookSecret,
    });
    expect(await readDeliveryJob(db, purged)).toMatchObject({ expired: true });
    expect(await readDeliveryJob(db, 'no-such-job')).toBeUndefined();

    await claim('a');
    expect(await dropExpiredDelivery(db, { id: deliveryIdOf(purged), workerId: 'a' })).toBe(true);
    expect(await deliveryRow(db, purged)).toMatchObject({
      status: 'failed',
      attempts: 0,
      last_error: 'job expired',
    });
  });

  it('has no status for a job without a delivery', async () => {
    expect(await getDeliveryStatus(database().store.db, 'no-such-job')).toBeNull();
  });
});
