import { expect, it } from 'vitest';
import { createOrganisation, updateOrganisation } from '../../src/accounts/index.ts';
import { now } from '../../src/domain/time.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('organisations', (database) => {
  it('get the default plan and a webhook secret of their own', async () => {
    const { db } = database().store;
    const at = now();
    const org = await createOrganisation(db, { name: '  Acme Ltd ' }, at);
    expect(org).toEqual({
      id: expect.any(Number),
      name: 'Acme Ltd',
      apiAccessEnabled: true,
      committedScans: 1000,
      hardCapScans: 1500,
      webhookSecret: expect.stringMatching(/^whsec_/),
      createdAt: at,
    });
    const other = await createOrganisation(db, { name: 'Other' }, at);
    expect(other.webhookSecret).not.toBe(org.webhookSecret);
  });

  it('keep the default headroom over a given commitment, and a commitment within a given cap', async () => {
    const { db } = database().store;
    expect(await createOrganisation(db, { name: 'Big', committedScans: 4000 }, now())).toMatchObject({
      committedScans: 4000,
      hardCapScans: 6000,
    });
    expect(await createOrganisation(db, { name: 'Capped', hardCapScans: 300 }, now())).toMatchObject({
      committedScans: 300,
      hardCapScans: 300,
    });
    expect(
      await createOrganisation(
        db,
        { name: 'Off', apiAccessEnabled: false, committedScans: 0, hardCapScans: 0 },
        now(),
      ),
    ).toMatchObject({ apiAccessEnabled: false, committedScans: 0, hardCapScans: 0 });
  });

  it('refuse a blank name, negative or fractional counts, and a cap below the commitment', async () => {
    const { db } = database().store;
    const refusals: [Parameters<typeof createOrganisation>[1], RegExp][] = [
      [{ name: '   ' }, /name must be 1 to 200 characters/],
      [{ name: 'x'.repeat(201) }, /name must be 1 to 200 characters/],
      [{ name: 'Neg', committedScans: -1 }, /Committed scans must be a whole number/],
      [{ name: 'Frac', committedScans: 10, hardCapScans: 10.5 }, /Hard cap must be a whole number/],
      [
        { name: 'Low', committedScans: 100, hardCapScans: 50 },
        /Hard cap \(50\) must not be below committed scans \(100\)/,
      ],
    ];
    for (const [input, message] of refusals)
      await expect(createOrganisation(db, input, now())).rejects.toMatchObject({
        code: 'bad_request',
        detail: expect.stringMatching(message),
      });
  });

  it('update only what is given, checking the plan against the stored values', async () => {
    const { db } = database().store;
    const org = await createOrganisation(db, { name: 'Acme' }, now());
    expect(await updateOrganisation(db, org.id, { apiAccessEnabled: false })).toEqual({
      ...org,
      apiAccessEnabled: false,
    });
    expect(await updateOrganisation(db, org.id, { hardCapScans: 3000, name: 'Acme 2' })).toMatchObject({
      name: 'Acme 2',
      committedScans: 1000,
      hardCapScans: 3000,
      apiAccessEnabled: false,
    });
    await expect(updateOrganisation(db, org.id, { committedScans: 3001 })).rejects.toMatchObject({
      code: 'bad_request',
      detail: 'Hard cap (3000) must not be below committed scans (3001)',
    });
    await expect(updateOrganisation(db, org.id, {})).rejects.toMatchObject({
      code: 'bad_request',
      detail: 'Nothing to update',
    });
    await expect(updateOrganisation(db, 999_999, { name: 'x' })).rejects.toMatchObject({
      code: 'not_found',
      detail: 'Organisation 999999 not found',
    });
  });
});
