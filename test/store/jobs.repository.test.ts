import { expect, it } from 'vitest';
import type { Timestamp } from '../../src/domain/time.ts';
import { findJob, insertJob, type NewJob } from '../../src/store/jobs.repository.ts';
import { createOrganisation } from '../jobs/fixtures.ts';
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
});
