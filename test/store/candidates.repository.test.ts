import { expect, it } from 'vitest';
import { now } from '../../src/domain/time.ts';
import {
  countCandidatesByStatus,
  insertCandidates,
  listCandidateStates,
} from '../../src/store/candidates.repository.ts';
import { insertJob } from '../../src/store/jobs.repository.ts';
import { createOrganisation } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('candidates repository', (database) => {
  it('stores candidates in submission order, queued or failed up front, over several statements', async () => {
    const { db } = database().store;
    const orgId = await createOrganisation(db);
    const jobId = '00000000-0000-4000-8000-0000000000c1';
    const at = now();
    await insertJob(db, {
      id: jobId,
      orgId,
      keyId: null,
      jobSpec: 'spec',
      webhookUrl: null,
      asOf: at.slice(0, 10),
      scoring: { engine: 'local', version: '1' },
      createdAt: at,
      expiresAt: at,
      candidates: [],
    });
    const candidates = Array.from({ length: 250 }, (_, i) => ({
      candidateRef: `ref-${i}`,
      cvText: i % 50 === 0 ? '' : `cv ${i}`,
      ...(i % 50 === 0 ? { failure: 'cv_text is empty: nothing to score' } : {}),
    }));
    await insertCandidates(db, jobId, candidates);
    const states = await listCandidateStates(db, jobId);
    expect(states).toHaveLength(250);
    expect(states.map((s) => s.candidateRef)).toEqual(candidates.map((c) => c.candidateRef));
    expect(states[0]).toEqual({
      position: 0,
      candidateRef: 'ref-0',
      status: 'failed',
      attempts: 0,
      lockedBy: null,
      error: 'cv_text is empty: nothing to score',
    });
    expect(states[1]).toMatchObject({ status: 'queued', error: null });
    expect(await countCandidatesByStatus(db, jobId)).toEqual({
      queued: 245,
      leased: 0,
      scored: 0,
      failed: 5,
    });
  });
});
