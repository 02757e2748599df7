import { expect, it } from 'vitest';
import { now } from '../../src/domain/time.ts';
import { compiledQuery } from '../../src/store/compiled-query.ts';
import { insertOrganisation } from '../../src/store/organisations.repository.ts';
import { describeEachDialect } from '../support/databases.ts';

const NEW_ORG = {
  apiAccessEnabled: true,
  committedScans: 10,
  hardCapScans: 20,
  webhookSecret: 'whsec_dGVzdA==',
};

/** Organisations by name among a fixed set of flags: one parameter, one constant list. */
const orgsNamed = compiledQuery<{ name: string; minCap: number }>()((db, param) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('name', '=', param('name'))
    .where('hard_cap_scans', '>=', param('minCap'))
    .where('api_access_enabled', 'in', [0, 1])
    .orderBy('id'),
);

describeEachDialect('compiled queries', (database) => {
  it('answers like the builder for each new set of parameters, constants kept', async () => {
    const { db } = database().store;
    const a = await insertOrganisation(db, { ...NEW_ORG, name: 'Compiled A', createdAt: now() });
    const b = await insertOrganisation(db, { ...NEW_ORG, name: 'Compiled B', createdAt: now() });
    expect(await orgsNamed(db, { name: 'Compiled A', minCap: 0 })).toEqual([
      { id: a.id, name: 'Compiled A' },
    ]);
    expect(await orgsNamed(db, { name: 'Compiled B', minCap: 20 })).toEqual([
      { id: b.id, name: 'Compiled B' },
    ]);
    expect(await orgsNamed(db, { name: 'Compiled B', minCap: 21 })).toEqual([]);
    // A value that looks like SQL is still a bound parameter.
    expect(await orgsNamed(db, { name: "x' or '1'='1", minCap: 0 })).toEqual([]);
  });

  it('refuses a parameter the builder never bound, at first use', async () => {
    const { db } = database().store;
    const unbound = compiledQuery<{ name: string }>()((handle, param) => {
      param('name');
      return handle.selectFrom('organisations').select('id');
    });
    await expect(unbound(db, { name: 'x' })).rejects.toThrow(/parameter "name" was not bound/);
  });
});
