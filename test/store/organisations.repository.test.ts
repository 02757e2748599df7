import { expect, it } from 'vitest';
import { addMs, now } from '../../src/domain/time.ts';
import {
  countOrganisations,
  findOrganisation,
  insertOrganisation,
  lockOrganisation,
  updateOrganisationRow,
} from '../../src/store/organisations.repository.ts';
import { readOrgUsage } from '../../src/store/usage.repository.ts';
import { describeEachDialect } from '../support/databases.ts';

const NEW_ORG = {
  name: 'Acme',
  apiAccessEnabled: true,
  committedScans: 1000,
  hardCapScans: 1500,
  webhookSecret: 'whsec_dGVzdA==',
};

describeEachDialect('organisations repository', (database) => {
  it('inserts and reads an organisation with its flag as a boolean', async () => {
    const { db } = database().store;
    const createdAt = now();
    const org = await insertOrganisation(db, { ...NEW_ORG, apiAccessEnabled: false, createdAt });
    expect(org).toEqual({ id: expect.any(Number), ...NEW_ORG, apiAccessEnabled: false, createdAt });
    expect(await findOrganisation(db, org.id)).toEqual(org);
    expect(await findOrganisation(db, org.id + 1000)).toBeUndefined();
  });

  it('updates only the fields given', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db, { ...NEW_ORG, createdAt: now() });
    const updated = await updateOrganisationRow(db, org.id, { apiAccessEnabled: false, hardCapScans: 2000 });
    expect(updated).toEqual({ ...org, apiAccessEnabled: false, hardCapScans: 2000 });
    expect(await updateOrganisationRow(db, org.id + 1000, { name: 'x' })).toBeUndefined();
  });

  it('locks an existing organisation without changing it, and says when there is none', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db, { ...NEW_ORG, createdAt: now() });
    const locked = await db.transaction().execute((trx) => lockOrganisation(trx, org.id));
    expect(locked).toEqual(org);
    expect(await db.transaction().execute((trx) => lockOrganisation(trx, org.id + 1000))).toBeUndefined();
  });

  it('counts organisations', async () => {
    const { db } = database().store;
    const before = await countOrganisations(db);
    await insertOrganisation(db, { ...NEW_ORG, createdAt: now() });
    expect(await countOrganisations(db)).toBe(before + 1);
  });

  it('reads the monthly usage the jobs area records, 0 when none', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db, { ...NEW_ORG, createdAt: now() });
    await db
      .insertInto('org_usage')
      .values([
        { org_id: org.id, billing_month: '2026-04', cv_count: 142 },
        { org_id: org.id, billing_month: '2026-05', cv_count: 7 },
      ])
      .execute();
    expect(await readOrgUsage(db, org.id, '2026-04')).toBe(142);
    expect(await readOrgUsage(db, org.id, '2026-05')).toBe(7);
    expect(await readOrgUsage(db, org.id, '2026-06')).toBe(0);
  });

  it('serialises transactions that lock the same organisation', async () => {
    const { db } = database().store;
    const org = await insertOrganisation(db, { ...NEW_ORG, createdAt: now() });
    // better-sqlite3 blocks its thread while it waits for a lock, so two SQLite connections in one
    // process would deadlock here; there the lock is proven across real processes (test/cli/admin.test.ts)
    // and in-process the single connection serialises transactions.
    const other = database().dialect === 'postgres' ? database().openAnother() : undefined;
    const secondDb = other?.db ?? db;
    const events: string[] = [];
    try {
      let releaseFirst = () => {};
      const firstHolds = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      let firstLocked = () => {};
      const locked = new Promise<void>((resolve) => {
        firstLocked = resolve;
      });
      const first = db.transaction().execute(async (trx) => {
        await lockOrganisation(trx, org.id);
        events.push('first locked');
        firstLocked();
        await firstHolds;
        events.push('first done');
      });
      await locked;
      const second = secondDb.transaction().execute(async (trx) => {
        await lockOrganisation(trx, org.id);
        events.push('second locked');
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      releaseFirst();
      await Promise.all([first, second]);
      expect(events).toEqual(['first locked', 'first done', 'second locked']);
    } finally {
      await other?.close();
    }
  });

  it('keeps timestamps in the contract format', async () => {
    const { db } = database().store;
    const createdAt = addMs(now(), -1000);
    const org = await insertOrganisation(db, { ...NEW_ORG, createdAt });
    expect((await findOrganisation(db, org.id))?.createdAt).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/,
    );
  });
});
