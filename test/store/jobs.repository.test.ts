import { describe, expect, it } from 'vitest';
import type { Timestamp } from '../../src/domain/time.ts';
import { findJob, insertJob, listLiveJobs, type NewJob } from '../../src/store/jobs.repository.ts';
import { createOrganisation, createPrincipal } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';

const CREATED = '2026-05-01T10:00:00.123456Z' as Timestamp;
const EXPIRES = '2026-05-04T10:00:00.123456Z' as Timestamp;

function newJob(id: string, orgId: number, webhookUrl: string | null): NewJob {
  return {
    id,
    orgId,
    keyId: null,
    jobSpec: 'spec',
    webhookUrl,
    asOf: '2026-05-01',
    scoring: { engine: 'local', version: '1.0.0' },
    createdAt: CREATED,
    expiresAt: EXPIRES,
    candidates: [
      { candidateRef: 'a', cvText: 'cv a' },
      { candidateRef: 'b', cvText: ' ', failure: 'blank' },
    ],
  };
}

describeEachDialect('jobs repository', (database) => {
  it('stores a pending job with its candidates and reads it back without content', async () => {
    const { db } = database().store;
    const orgId = await createOrganisation(db);
    const id = '00000000-0000-4000-8000-000000000001';
    await insertJob(db, newJob(id, orgId, null));
    expect(await findJob(db, id)).toEqual({
      id,
      orgId,
      status: 'pending',
      hasWebhook: false,
      totalCandidates: 2,
      processedCandidates: 0,
      scoring: { engine: 'local', version: '1.0.0' },
      createdAt: CREATED,
      completedAt: null,
      expiresAt: EXPIRES,
      purgedAt: null,
      delivery: null,
    });
    expect(await findJob(db, '00000000-0000-4000-8000-00000000ffff')).toBeUndefined();
  });

  it('reads the webhook delivery alongside the job', async () => {
    const { db } = database().store;
    const orgId = await createOrganisation(db);
    const id = '00000000-0000-4000-8000-000000000002';
    await insertJob(db, newJob(id, orgId, 'https://example.com/hook'));
    expect((await findJob(db, id))?.hasWebhook).toBe(true);
    await db
      .insertInto('webhook_deliveries')
      .values({
        id: `msg_${id}`,
        job_id: id,
        org_id: orgId,
        url: 'https://example.com/hook',
        status: 'failed',
        attempts: 4,
        next_attempt_at: CREATED,
        last_status_code: 503,
        last_error: 'HTTP 503',
        locked_by: null,
        locked_until: null,
        created_at: CREATED,
        delivered_at: null,
      })
      .execute();
    expect((await findJob(db, id))?.delivery).toEqual({ status: 'failed', attempts: 4, lastStatusCode: 503 });
  });

  describe('listing an organisation’s live jobs', () => {
    const AT = '2026-05-02T00:00:00.000000Z' as Timestamp;
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const at = (hour: number) => `2026-05-01T${String(hour).padStart(2, '0')}:00:00.000000Z` as Timestamp;

    async function seed(db: Parameters<typeof insertJob>[0], orgId: number, n: number, createdAt: Timestamp) {
      await insertJob(db, { ...newJob(id(n), orgId, null), createdAt });
    }

    it('lists newest first with the submitting key, leaving out expired, purged and other orgs’ jobs', async () => {
      const { db } = database().store;
      const key = await createPrincipal(db);
      const orgId = key.orgId;
      const stranger = await createOrganisation(db);
      await seed(db, orgId, 101, at(1));
      await insertJob(db, { ...newJob(id(102), orgId, null), keyId: key.keyId, createdAt: at(2) });
      // Same created_at as 102: the id breaks the tie, so paging stays stable.
      await seed(db, orgId, 103, at(2));
      await seed(db, stranger, 104, at(3));
      await insertJob(db, { ...newJob(id(105), orgId, null), createdAt: at(4), expiresAt: AT });
      await seed(db, orgId, 106, at(5));
      await db.updateTable('jobs').set({ purged_at: AT }).where('id', '=', id(106)).execute();

      const jobs = await listLiveJobs(db, { orgId, at: AT, limit: 10 });
      expect(jobs.map((j) => j.id)).toEqual([id(103), id(102), id(101)]);
      expect(jobs[1]).toEqual({
        id: id(102),
        status: 'pending',
        totalCandidates: 2,
        processedCandidates: 0,
        createdAt: at(2),
        completedAt: null,
        expiresAt: EXPIRES,
        submittedBy: { keyId: key.keyId, keyPrefix: 'aptly_test__________' },
      });
      expect(jobs[0]?.submittedBy).toBeNull();
    });

    it('pages after a position on (created_at, id)', async () => {
      const { db } = database().store;
      const orgId = await createOrganisation(db);
      for (const [n, hour] of [
        [201, 1],
        [202, 2],
        [203, 2],
        [204, 3],
      ] as const)
        await seed(db, orgId, n, at(hour));
      const first = await listLiveJobs(db, { orgId, at: AT, limit: 2 });
      expect(first.map((j) => j.id)).toEqual([id(204), id(203)]);
      const after = { createdAt: at(2), id: id(203) };
      const rest = await listLiveJobs(db, { orgId, at: AT, limit: 10, after });
      expect(rest.map((j) => j.id)).toEqual([id(202), id(201)]);
    });
  });
});
