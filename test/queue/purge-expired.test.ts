import { beforeEach, expect, it } from 'vitest';
import { addMs, type Timestamp } from '../../src/domain/time.ts';
import { getJob, submitJob } from '../../src/jobs/index.ts';
import { deleteOldTombstones, purgeExpiredJobs, TOMBSTONE_MS } from '../../src/queue/index.ts';
import { createPrincipal, screenInput, submitDeps } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';
import { clearJobs } from './support.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;
const HOUR = 3_600_000;

describeEachDialect('purging expired jobs', (database) => {
  beforeEach(async () => {
    await clearJobs(database().store.db);
  });

  it('deletes CV text, spec, webhook URL and results of expired jobs and keeps a tombstone', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const input = screenInput(3, { webhook_url: 'https://hooks.example.com/x' });
    const expiring = await submitJob(submitDeps(store, { retentionMs: HOUR }), principal, input, { at: AT });
    const kept = await submitJob(submitDeps(store), principal, input, { at: AT });

    for (const job of [expiring, kept])
      await store.db
        .insertInto('webhook_deliveries')
        .values({
          id: `msg_${job.body.job_id}`,
          job_id: job.body.job_id,
          org_id: principal.orgId,
          url: 'https://hooks.example.com/x?token=secret',
          status: 'pending',
          attempts: 1,
          next_attempt_at: AT,
          created_at: AT,
        })
        .execute();

    expect(await purgeExpiredJobs(store.db, store.dialect, addMs(AT, HOUR - 1))).toBe(0);
    expect(await purgeExpiredJobs(store.db, store.dialect, addMs(AT, HOUR))).toBe(1);
    expect(await purgeExpiredJobs(store.db, store.dialect, addMs(AT, HOUR))).toBe(0);

    const tombstone = await store.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', expiring.body.job_id)
      .executeTakeFirstOrThrow();
    expect(tombstone).toMatchObject({ job_spec: null, webhook_url: null, purged_at: addMs(AT, HOUR) });
    const candidates = await store.db.selectFrom('candidates').select(['job_id', 'cv_text']).execute();
    expect(candidates.every((c) => c.job_id === kept.body.job_id && c.cv_text !== null)).toBe(true);
    expect(candidates).toHaveLength(3);
    const deliveries = await store.db
      .selectFrom('webhook_deliveries')
      .select(['job_id', 'url', 'status'])
      .orderBy('url')
      .execute();
    expect(deliveries).toEqual([
      { job_id: expiring.body.job_id, url: '', status: 'failed' },
      { job_id: kept.body.job_id, url: 'https://hooks.example.com/x?token=secret', status: 'pending' },
    ]);
    await expect(getJob(store.db, principal, expiring.body.job_id, AT)).rejects.toMatchObject({
      code: 'gone',
    });
    await expect(getJob(store.db, principal, kept.body.job_id, addMs(AT, HOUR))).resolves.toMatchObject({
      status: 'pending',
    });
  });

  it('removes tombstones 30 days after expiry; then the job is simply not found', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { body } = await submitJob(submitDeps(store, { retentionMs: HOUR }), principal, screenInput(1), {
      at: AT,
    });
    const expiry = addMs(AT, HOUR);
    await purgeExpiredJobs(store.db, store.dialect, expiry);
    expect(await deleteOldTombstones(store.db, store.dialect, addMs(expiry, TOMBSTONE_MS - 1))).toBe(0);
    expect(await deleteOldTombstones(store.db, store.dialect, addMs(expiry, TOMBSTONE_MS))).toBe(1);
    await expect(getJob(store.db, principal, body.job_id, AT)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('purges each job once when several processes purge at the same time', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const deps = submitDeps(store, { retentionMs: HOUR });
    for (let i = 0; i < 30; i++) await submitJob(deps, principal, screenInput(2), { at: AT });
    const connections = [database().openAnother(), database().openAnother()];
    try {
      const counts = await Promise.all(
        connections.map((s) => purgeExpiredJobs(s.db, s.dialect, addMs(AT, HOUR))),
      );
      expect((counts[0] ?? 0) + (counts[1] ?? 0)).toBe(30);
      const left = await store.db.selectFrom('candidates').select('job_id').execute();
      expect(left).toEqual([]);
    } finally {
      await Promise.all(connections.map((s) => s.close()));
    }
  });
});
