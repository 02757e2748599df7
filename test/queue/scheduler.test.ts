import { afterEach, beforeEach, expect, it } from 'vitest';
import { addMs, type Timestamp } from '../../src/domain/time.ts';
import { submitJob } from '../../src/jobs/index.ts';
import {
  claimCandidates,
  MAX_ATTEMPTS,
  runHousekeeping,
  type Scheduler,
  startScheduler,
  TOMBSTONE_MS,
} from '../../src/queue/index.ts';
import { claimIdempotencyKey } from '../../src/store/idempotency.repository.ts';
import { findJob } from '../../src/store/jobs.repository.ts';
import { createPrincipal, screenInput, submitDeps } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';
import { clearJobs, silentLogger, waitFor } from './support.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;
const HOUR = 3_600_000;

describeEachDialect('the scheduler', (database) => {
  const running: Scheduler[] = [];
  beforeEach(async () => {
    await clearJobs(database().store.db);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });

  it('runs one round of housekeeping: purge, tombstones, idempotency records, exhausted leases', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const deps = submitDeps(store, { retentionMs: HOUR });
    const old = await submitJob(deps, principal, screenInput(1), { at: addMs(AT, -TOMBSTONE_MS - HOUR) });
    await runHousekeeping(store.db, store.dialect, addMs(AT, -TOMBSTONE_MS));
    expect((await findJob(store.db, old.body.job_id))?.purgedAt).not.toBeNull();

    const expiring = await submitJob(deps, principal, screenInput(1), { at: addMs(AT, -HOUR) });
    const stuck = await submitJob(submitDeps(store), principal, screenInput(1), { at: AT });
    let at = AT;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await claimCandidates(store.db, store.dialect, `dies-${attempt}`, { limit: 1, leaseMs: 1_000, at });
      at = addMs(at, 1_000);
    }
    await claimIdempotencyKey(store.db, {
      orgId: principal.orgId,
      key: 'old-key',
      requestHash: 'h',
      at: addMs(AT, -2 * 24 * HOUR),
      expiresAt: addMs(AT, -24 * HOUR),
      abandonedBefore: AT,
    });

    const report = await runHousekeeping(store.db, store.dialect, at);
    expect(report).toEqual({
      purgedJobs: 1,
      deletedTombstones: 1,
      deletedIdempotencyRecords: 1,
      failedExhaustedCandidates: 1,
      deletedDecisions: 0,
    });
    expect(await findJob(store.db, old.body.job_id)).toBeUndefined();
    expect((await findJob(store.db, expiring.body.job_id))?.purgedAt).toBe(at);
    expect((await findJob(store.db, stuck.body.job_id))?.status).toBe('failed');
    expect(await runHousekeeping(store.db, store.dialect, at)).toEqual({
      purgedJobs: 0,
      deletedTombstones: 0,
      deletedIdempotencyRecords: 0,
      failedExhaustedCandidates: 0,
      deletedDecisions: 0,
    });
  });

  it('repeats every interval until stopped, in several processes at once', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const other = database().openAnother();
    try {
      let clock = AT;
      const config = { housekeepingIntervalMs: 10 };
      for (const s of [store, other])
        running.push(startScheduler({ store: s, config, logger: silentLogger, clock: () => clock }));
      const { body } = await submitJob(submitDeps(store, { retentionMs: HOUR }), principal, screenInput(2), {
        at: AT,
      });
      clock = addMs(AT, HOUR);
      await waitFor(
        async () => (await findJob(store.db, body.job_id))?.purgedAt === clock,
        5_000,
        'the purge',
      );
      await Promise.all(running.splice(0).map((s) => s.stop()));
      const candidates = await store.db.selectFrom('candidates').select('job_id').execute();
      expect(candidates).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
