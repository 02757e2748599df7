import { expect, it } from 'vitest';
import { addMs, type Timestamp } from '../../src/domain/time.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteExpiredIdempotencyRecords,
  type IdempotencyClaim,
  releaseIdempotencyKey,
} from '../../src/store/idempotency.repository.ts';
import { createOrganisation } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';

const T0 = '2026-05-01T10:00:00.000000Z' as Timestamp;

function claimAt(orgId: number, key: string, at: Timestamp, requestHash = 'hash-a'): IdempotencyClaim {
  return {
    orgId,
    key,
    requestHash,
    at,
    expiresAt: addMs(at, 24 * 3_600_000),
    abandonedBefore: addMs(at, -60_000),
  };
}

describeEachDialect('idempotency repository', (database) => {
  it('claims a new key, then reports it in flight, then replays the stored response', async () => {
    const { db } = database().store;
    const orgId = await createOrganisation(db);
    const first = await claimIdempotencyKey(db, claimAt(orgId, 'k1', T0));
    expect(first).toEqual({ kind: 'claimed', token: T0 });
    expect(await claimIdempotencyKey(db, claimAt(orgId, 'k1', addMs(T0, 1000)))).toEqual({
      kind: 'in_flight',
    });
    const body = { job_id: 'j', status: 'pending', total_candidates: 1, expires_at: 'x' };
    expect(await completeIdempotencyKey(db, orgId, 'k1', T0, { status: 200, body })).toBe(true);
    expect(await claimIdempotencyKey(db, claimAt(orgId, 'k1', addMs(T0, 2000)))).toEqual({
      kind: 'replay',
      status: 200,
      body,
    });
  });

  it('tells a different body apart, and scopes keys to the organisation', async () => {
    const { db } = database().store;
    const orgId = await createOrganisation(db);
    const otherOrg = await createOrganisation(db);
    await claimIdempotencyKey(db, claimAt(orgId, 'k2', T0));
    expect(await claimIdempotencyKey(db, claimAt(orgId, 'k2', T0, 'hash-b'))).toEqual({ kind: 'mismatch' });
    expect(await claimIdempotencyKey(db, claimAt(otherOrg, 'k2', T0, 'hash-b'))).toEqual({
      kind: 'claimed',
      token: T0,
    });
  });

  it('frees a released key, and takes over expired records and abandoned claims', async () => {
    const { db } = database().store;
    const orgId = await createOrganisation(db);
    await claimIdempotencyKey(db, claimAt(orgId, 'k3', T0));
    await releaseIdempotencyKey(db, orgId, 'k3', T0);
    expect((await claimIdempotencyKey(db, claimAt(orgId, 'k3', T0, 'hash-b'))).kind).toBe('claimed');

    // Still in flight 2 minutes later: its process died; a new request may take the key.
    const later = addMs(T0, 120_000);
    expect(await claimIdempotencyKey(db, claimAt(orgId, 'k3', later))).toEqual({
      kind: 'claimed',
      token: later,
    });
    // The abandoned request can no longer complete: its claim is gone.
    expect(await completeIdempotencyKey(db, orgId, 'k3', T0, { status: 200, body: {} })).toBe(false);
    expect(await completeIdempotencyKey(db, orgId, 'k3', later, { status: 200, body: { n: 1 } })).toBe(true);

    const nextDay = addMs(later, 24 * 3_600_000);
    expect(await claimIdempotencyKey(db, claimAt(orgId, 'k3', nextDay, 'hash-c'))).toEqual({
      kind: 'claimed',
      token: nextDay,
    });
  });

  it('deletes expired records only', async () => {
    const { db } = database().store;
    const orgId = await createOrganisation(db);
    // Earlier than every other test's records, so only this test's "old" one has expired.
    const past = addMs(T0, -10 * 24 * 3_600_000);
    await claimIdempotencyKey(db, claimAt(orgId, 'old', past));
    await claimIdempotencyKey(db, claimAt(orgId, 'new', addMs(past, 3_600_000)));
    const deleted = await deleteExpiredIdempotencyRecords(db, addMs(past, 24 * 3_600_000 + 1));
    expect(deleted).toBe(1);
    expect(await claimIdempotencyKey(db, claimAt(orgId, 'new', addMs(past, 3_600_001)))).toEqual({
      kind: 'in_flight',
    });
  });
});
