import { expect, it } from 'vitest';
import { AppError, ValidationError } from '../../src/domain/errors.ts';
import type { Timestamp } from '../../src/domain/time.ts';
import { IN_FLIGHT, submitJob } from '../../src/jobs/index.ts';
import { readOrgUsage } from '../../src/store/usage.repository.ts';
import { describeEachDialect } from '../support/databases.ts';
import { createPrincipal, screenInput, submitDeps } from './fixtures.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;

async function jobCount(db: Parameters<typeof readOrgUsage>[0], orgId: number): Promise<number> {
  return (await db.selectFrom('jobs').select('id').where('org_id', '=', orgId).execute()).length;
}

describeEachDialect('submitJob with an Idempotency-Key', (database) => {
  it('replays the first response for a repeat: no second job, no second charge', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const options = { idempotencyKey: 'retry-1', requestHash: 'h1', at: AT };
    const first = await submitJob(submitDeps(store), principal, screenInput(4), options);
    const again = await submitJob(submitDeps(store), principal, screenInput(4), options);
    expect(again).toEqual(first);
    expect(await jobCount(store.db, principal.orgId)).toBe(1);
    expect(await readOrgUsage(store.db, principal.orgId, '2026-05')).toBe(4);
  });

  it('answers 422 for the same key with another body, and keys are per organisation', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const other = await createPrincipal(store.db);
    await submitJob(submitDeps(store), principal, screenInput(1), { idempotencyKey: 'k', requestHash: 'h1' });
    const error = await submitJob(submitDeps(store), principal, screenInput(2), {
      idempotencyKey: 'k',
      requestHash: 'h2',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      {
        loc: ['header', 'Idempotency-Key'],
        msg: 'Idempotency-Key was already used with a different request body',
        type: 'value_error.idempotency',
      },
    ]);
    const theirs = await submitJob(submitDeps(store), other, screenInput(2), {
      idempotencyKey: 'k',
      requestHash: 'h2',
    });
    expect(theirs.statusCode).toBe(200);
  });

  it('answers 409 while the first request is still in flight', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    let letFirstGo: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      letFirstGo = resolve;
    });
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const slow = submitDeps(store, {
      checkWebhookUrl: async () => {
        entered();
        await held;
        return undefined;
      },
    });
    const input = screenInput(1, { webhook_url: 'https://hooks.example.com/x' });
    const options = { idempotencyKey: 'slow', requestHash: 'h' };
    const first = submitJob(slow, principal, input, options);
    await inside;
    const second = await submitJob(submitDeps(store), principal, input, options).catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'conflict', detail: IN_FLIGHT });
    expect(IN_FLIGHT).toBe('A request with this Idempotency-Key is already being processed');
    letFirstGo();
    const done = await first;
    expect(await submitJob(submitDeps(store), principal, input, options)).toEqual(done);
  });

  it('does not keep a failed attempt: the key is free for the retry', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db, { hardCap: 2 });
    const options = { idempotencyKey: 'after-429', requestHash: 'h', at: AT };
    const refused = await submitJob(submitDeps(store), principal, screenInput(3), options).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('quota_exceeded');
    await store.db
      .updateTable('organisations')
      .set({ hard_cap_scans: 10 })
      .where('id', '=', principal.orgId)
      .execute();
    const accepted = await submitJob(submitDeps(store), principal, screenInput(3), options);
    expect(accepted.statusCode).toBe(200);
    expect(
      await readOrgUsage(store.db, principal.orgId, accepted.body.expires_at.slice(0, 7)),
    ).toBeGreaterThan(0);
  });

  it('refuses keys longer than 255 characters', async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    const ok = await submitJob(submitDeps(store), principal, screenInput(1), {
      idempotencyKey: 'k'.repeat(255),
    });
    expect(ok.statusCode).toBe(200);
    const error = await submitJob(submitDeps(store), principal, screenInput(1), {
      idempotencyKey: 'k'.repeat(256),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'bad_request',
      detail: 'Idempotency-Key must be at most 255 characters',
    });
  });
});
