import { expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { addMs, type Timestamp } from '../../src/domain/time.ts';
import { EMPTY_CV, submitJob } from '../../src/jobs/index.ts';
import { listCandidateStates } from '../../src/store/candidates.repository.ts';
import { findJob } from '../../src/store/jobs.repository.ts';
import { readKeyUsage, readOrgUsage } from '../../src/store/usage.repository.ts';
import { describeEachDialect } from '../support/databases.ts';
import { createPrincipal, JOB_SPEC, screenInput, submitDeps } from './fixtures.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describeEachDialect('submitJob', (database) => {
  it('accepts a job: the documented body, a pending job, queued candidates, usage charged', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const { statusCode, body } = await submitJob(submitDeps(store), principal, screenInput(3), { at: AT });
    expect(statusCode).toBe(200);
    expect(Object.keys(body)).toEqual(['job_id', 'status', 'total_candidates', 'expires_at']);
    expect(body).toMatchObject({
      status: 'pending',
      total_candidates: 3,
      expires_at: addMs(AT, 72 * 3_600_000),
    });
    expect(body.job_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const job = await findJob(store.db, body.job_id);
    expect(job).toMatchObject({
      orgId: principal.orgId,
      status: 'pending',
      totalCandidates: 3,
      createdAt: AT,
    });
    const row = await store.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', body.job_id)
      .executeTakeFirst();
    expect(row).toMatchObject({
      job_spec: JOB_SPEC,
      as_of: '2026-05-14',
      key_id: principal.keyId,
      webhook_url: null,
    });
    const states = await listCandidateStates(store.db, body.job_id);
    expect(states.map((s) => [s.candidateRef, s.status])).toEqual([
      ['cand-0', 'queued'],
      ['cand-1', 'queued'],
      ['cand-2', 'queued'],
    ]);
    expect(await readOrgUsage(store.db, principal.orgId, '2026-05')).toBe(3);
    expect(await readKeyUsage(store.db, [principal.keyId], '2026-05')).toEqual(
      new Map([[principal.keyId, 3]]),
    );
  });

  it('fails blank CVs at once, and completes a job of blank CVs only, with its webhook delivery', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const mixed = screenInput(2, {
      candidates: [
        { candidate_ref: 'blank', cv_text: '  \n ' },
        { candidate_ref: 'real', cv_text: 'Python developer' },
      ],
    });
    const first = await submitJob(submitDeps(store), principal, mixed, { at: AT });
    expect(first.body.total_candidates).toBe(2);
    expect(await findJob(store.db, first.body.job_id)).toMatchObject({
      status: 'pending',
      processedCandidates: 1,
    });
    const states = await listCandidateStates(store.db, first.body.job_id);
    expect(states[0]).toMatchObject({ candidateRef: 'blank', status: 'failed', error: EMPTY_CV });
    expect(states[1]).toMatchObject({ candidateRef: 'real', status: 'queued' });

    const blanks = screenInput(0, {
      candidates: [{ candidate_ref: 'only', cv_text: '' }],
      webhook_url: 'https://hooks.example.com/aptly',
    });
    const second = await submitJob(submitDeps(store), principal, blanks, { at: AT });
    expect(second.body.status).toBe('pending');
    expect(await findJob(store.db, second.body.job_id)).toMatchObject({
      status: 'complete',
      processedCandidates: 1,
      completedAt: AT,
      delivery: { status: 'pending', attempts: 0, lastStatusCode: null },
    });
  });

  it('refuses semantic errors and unsafe webhook URLs with 400, storing and charging nothing', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const checked: string[] = [];
    const deps = submitDeps(store, {
      checkWebhookUrl: async (url) => {
        checked.push(url);
        return url.startsWith('https://') ? undefined : 'webhook_url must be an absolute https URL';
      },
    });
    const empty = await rejection(submitJob(deps, principal, screenInput(1, { job_spec: '' }), { at: AT }));
    expect(empty).toMatchObject({ code: 'bad_request', detail: 'job_spec must not be empty' });
    const unsafe = await rejection(
      submitJob(deps, principal, screenInput(1, { webhook_url: 'http://10.0.0.1/hook' }), { at: AT }),
    );
    expect(unsafe).toMatchObject({
      code: 'bad_request',
      detail: 'webhook_url must be an absolute https URL',
    });
    await submitJob(deps, principal, screenInput(1, { webhook_url: null }), { at: AT });
    expect(checked).toEqual(['http://10.0.0.1/hook']);
    expect(await readOrgUsage(store.db, principal.orgId, '2026-05')).toBe(1);
  });

  it('refuses a submission over the hard cap with the documented 429 body and charges nothing', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db, { hardCap: 10 });
    await submitJob(submitDeps(store), principal, screenInput(8), { at: AT });
    const error = await rejection(submitJob(submitDeps(store), principal, screenInput(3), { at: AT }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'quota_exceeded',
      detail:
        'Monthly API quota would be exceeded. Used 8 of 10 CVs this month; this request of 3 CVs would push ' +
        'you over the limit. Please contact hello@aptly.pro to increase your limit.',
      extra: { current_usage: 8, hard_cap: 10, requested_count: 3, billing_month: '2026-05' },
    });
    const jobs = await store.db
      .selectFrom('jobs')
      .select('id')
      .where('org_id', '=', principal.orgId)
      .execute();
    expect(jobs).toHaveLength(1);
    await submitJob(submitDeps(store), principal, screenInput(2), { at: AT });
    expect(await readOrgUsage(store.db, principal.orgId, '2026-05')).toBe(10);
    // A new month starts from zero.
    await submitJob(submitDeps(store), principal, screenInput(3), {
      at: '2026-06-01T00:00:00.000000Z' as Timestamp,
    });
    expect(await readOrgUsage(store.db, principal.orgId, '2026-06')).toBe(3);
  });

  it('never overshoots the cap when many submissions race on separate connections', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db, { hardCap: 50 });
    const others = [database().openAnother(), database().openAnother(), database().openAnother()];
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => {
          const s = others[i % others.length] ?? store;
          return submitJob(submitDeps(s), principal, screenInput(5), { at: AT });
        }),
      );
      const accepted = outcomes.filter((o) => o.status === 'fulfilled').length;
      const refused = outcomes.filter(
        (o) => o.status === 'rejected' && o.reason instanceof AppError && o.reason.code === 'quota_exceeded',
      ).length;
      expect([accepted, refused]).toEqual([10, 10]);
      expect(await readOrgUsage(store.db, principal.orgId, '2026-05')).toBe(50);
      const jobs = await store.db
        .selectFrom('jobs')
        .select('id')
        .where('org_id', '=', principal.orgId)
        .execute();
      expect(jobs).toHaveLength(10);
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });
});
