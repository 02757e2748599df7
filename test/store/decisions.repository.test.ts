import { beforeEach, expect, it } from 'vitest';
import { addMs, type Timestamp } from '../../src/domain/time.ts';
import { submitJob } from '../../src/jobs/index.ts';
import {
  type CandidateOutcome,
  claimCandidates,
  completeCandidates,
  runHousekeeping,
  TOMBSTONE_MS,
} from '../../src/queue/index.ts';
import { listDecisions } from '../../src/store/decisions.repository.ts';
import { findJob } from '../../src/store/jobs.repository.ts';
import { createPrincipal, JOB_SPEC, screenInput, submitDeps } from '../jobs/fixtures.ts';
import { clearJobs } from '../queue/support.ts';
import { describeEachDialect } from '../support/databases.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;
const DAY = 24 * 3_600_000;
const CV_QUOTE = 'Led the migration of 40 PostgreSQL databases at Zentrix Ltd';

function scored(position: number, score: number): CandidateOutcome {
  return {
    position,
    ok: true,
    value: {
      score,
      match_reasons: [`${CV_QUOTE} (reason ${position})`],
      gaps: ['No FastAPI'],
      requirements: [
        {
          requirement: 'PostgreSQL',
          kind: 'technology',
          importance: 'essential',
          status: 'met',
          evidence: CV_QUOTE,
        },
        {
          requirement: 'FastAPI',
          kind: 'technology',
          importance: 'essential',
          status: 'missing',
          evidence: null,
        },
      ],
    },
  };
}

describeEachDialect('the decision log', (database) => {
  beforeEach(async () => {
    const { db } = database().store;
    await clearJobs(db);
    await db.deleteFrom('decisions').execute();
  });

  /** A job of `count` candidates, claimed by worker w1 and completed with the given outcomes at `at`. */
  async function scoreJob(outcomes: CandidateOutcome[], count = outcomes.length, orgId?: number) {
    const { store } = database();
    const principal = await createPrincipal(store.db, orgId === undefined ? {} : { orgId });
    const { body } = await submitJob(
      submitDeps(store, { retentionMs: 72 * 3_600_000 }),
      principal,
      screenInput(count),
      {
        at: AT,
      },
    );
    const at = addMs(AT, 1_000);
    await claimCandidates(store.db, store.dialect, 'w1', { limit: count, leaseMs: 60_000, at });
    await completeCandidates(store.db, store.dialect, 'w1', body.job_id, outcomes, at);
    return { principal, jobId: body.job_id, decidedAt: at };
  }

  it('logs one decision per scored candidate, in the transaction that stores it, exactly once', async () => {
    const { store } = database();
    const failed: CandidateOutcome = { position: 2, ok: false, error: 'blank CV' };
    const { principal, jobId, decidedAt } = await scoreJob([scored(0, 82), scored(1, 40), failed]);
    // A late duplicate completion stores nothing and logs nothing.
    await completeCandidates(store.db, store.dialect, 'w1', jobId, [scored(0, 10)], decidedAt);

    const decisions = await listDecisions(store.db, { orgId: principal.orgId, limit: 10 });
    expect(decisions).toEqual([
      {
        id: expect.any(Number),
        job_id: jobId,
        org_id: principal.orgId,
        candidate_ref: 'cand-0',
        score: 82,
        verdict: 'Strong shortlist',
        requirements: [
          { kind: 'technology', label: 'PostgreSQL', importance: 'essential', status: 'met' },
          { kind: 'technology', label: 'FastAPI', importance: 'essential', status: 'missing' },
        ],
        engine: 'fake',
        engine_version: '0.0.1',
        key_id: principal.keyId,
        submitted_at: AT,
        decided_at: decidedAt,
      },
      expect.objectContaining({ candidate_ref: 'cand-1', score: 40, verdict: 'Do not progress' }),
    ]);
  });

  it('keeps no CV text, evidence, reasons or job spec in any column', async () => {
    const { store } = database();
    await scoreJob([scored(0, 82), scored(1, 55)]);
    const rows = await store.db.selectFrom('decisions').selectAll().execute();
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(CV_QUOTE);
    expect(stored).not.toContain('7 years Python');
    expect(stored).not.toContain('No FastAPI');
    expect(stored).not.toContain(JOB_SPEC);
    expect(stored).not.toContain('Senior Python Developer');
  });

  it('survives the 72-hour job purge and the tombstone deletion, and goes after its own horizon', async () => {
    const { store } = database();
    const { principal, jobId, decidedAt } = await scoreJob([scored(0, 82)]);
    const expired = addMs(AT, 73 * 3_600_000);
    expect((await runHousekeeping(store.db, store.dialect, expired)).purgedJobs).toBe(1);
    const afterTombstone = addMs(expired, TOMBSTONE_MS + DAY);
    const report = await runHousekeeping(store.db, store.dialect, afterTombstone);
    expect(report).toMatchObject({ deletedTombstones: 1, deletedDecisions: 0 });
    expect(await findJob(store.db, jobId)).toBeUndefined();
    expect(await listDecisions(store.db, { orgId: principal.orgId, limit: 10 })).toHaveLength(1);

    // 180 days by default, counted from the decision.
    const justBefore = addMs(decidedAt, 180 * DAY);
    expect((await runHousekeeping(store.db, store.dialect, justBefore)).deletedDecisions).toBe(0);
    const past = addMs(decidedAt, 180 * DAY + 1);
    expect((await runHousekeeping(store.db, store.dialect, past)).deletedDecisions).toBe(1);
    expect(await listDecisions(store.db, { orgId: principal.orgId, limit: 10 })).toEqual([]);
  });

  it('honours a configured horizon (APTLY_DECISION_LOG_DAYS)', async () => {
    const { store } = database();
    const { decidedAt } = await scoreJob([scored(0, 82)]);
    expect(
      (await runHousekeeping(store.db, store.dialect, addMs(decidedAt, 6 * DAY), 7)).deletedDecisions,
    ).toBe(0);
    expect(
      (await runHousekeeping(store.db, store.dialect, addMs(decidedAt, 8 * DAY), 7)).deletedDecisions,
    ).toBe(1);
  });

  it('lists one organisation’s decisions only, by decision time window, a page at a time', async () => {
    const { store } = database();
    const first = await scoreJob([scored(0, 90), scored(1, 60), scored(2, 30)]);
    const sameOrg = await scoreJob([scored(0, 50)], 1, first.principal.orgId);
    await scoreJob([scored(0, 99)]); // another organisation
    const orgId = first.principal.orgId;

    const all = await listDecisions(store.db, { orgId, limit: 100 });
    expect(all.map((d) => d.org_id)).toEqual([orgId, orgId, orgId, orgId]);
    expect(new Set(all.map((d) => d.job_id))).toEqual(new Set([first.jobId, sameOrg.jobId]));

    const page1 = await listDecisions(store.db, { orgId, limit: 3 });
    const page2 = await listDecisions(store.db, { orgId, limit: 3, afterId: page1.at(-1)?.id ?? 0 });
    expect([...page1, ...page2]).toEqual(all);
    expect(page2).toHaveLength(1);

    const decided = first.decidedAt;
    expect(await listDecisions(store.db, { orgId, limit: 100, since: addMs(decided, 1) })).toEqual([]);
    expect(await listDecisions(store.db, { orgId, limit: 100, until: decided })).toEqual([]);
    expect(
      await listDecisions(store.db, { orgId, limit: 100, since: decided, until: addMs(decided, 1) }),
    ).toEqual(all);
  });
});
