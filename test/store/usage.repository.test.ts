import { expect, it } from 'vitest';
import { inWriteTransaction } from '../../src/queue/write-transaction.ts';
import {
  chargeUsage,
  readKeyUsage,
  readOrgUsage,
  type UsageCharge,
} from '../../src/store/usage.repository.ts';
import { createPrincipal } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('usage repository', (database) => {
  it('charges the organisation and the key for the month, and reports what is used', async () => {
    const { store } = database();
    const p = await createPrincipal(store.db, { hardCap: 10 });
    const charge: UsageCharge = { orgId: p.orgId, keyId: p.keyId, billingMonth: '2026-05', count: 4 };
    expect(await chargeUsage(store.db, charge)).toEqual({ charged: true, used: 4, hardCap: 10 });
    expect(await chargeUsage(store.db, { ...charge, count: 6 })).toEqual({
      charged: true,
      used: 10,
      hardCap: 10,
    });
    expect(await readOrgUsage(store.db, p.orgId, '2026-05')).toBe(10);
    expect(await readOrgUsage(store.db, p.orgId, '2026-06')).toBe(0);
    expect(await readKeyUsage(store.db, [p.keyId, 999_999], '2026-05')).toEqual(new Map([[p.keyId, 10]]));
  });

  it('refuses a charge that would pass the hard cap and changes nothing', async () => {
    const { store } = database();
    const p = await createPrincipal(store.db, { hardCap: 10 });
    const charge: UsageCharge = { orgId: p.orgId, keyId: p.keyId, billingMonth: '2026-05', count: 8 };
    await chargeUsage(store.db, charge);
    expect(await chargeUsage(store.db, { ...charge, count: 3 })).toEqual({
      charged: false,
      used: 8,
      hardCap: 10,
    });
    // A first charge bigger than the cap is refused too (no row to update yet).
    expect(await chargeUsage(store.db, { ...charge, billingMonth: '2026-06', count: 11 })).toEqual({
      charged: false,
      used: 0,
      hardCap: 10,
    });
    expect(await readOrgUsage(store.db, p.orgId, '2026-05')).toBe(8);
    expect(await readKeyUsage(store.db, [p.keyId], '2026-05')).toEqual(new Map([[p.keyId, 8]]));
    expect(await readOrgUsage(store.db, p.orgId, '2026-06')).toBe(0);
  });

  it('never overshoots the cap under concurrent charges from several connections', async () => {
    const { store } = database();
    const p = await createPrincipal(store.db, { hardCap: 100 });
    const others = [database().openAnother(), database().openAnother(), database().openAnother()];
    try {
      const charge: UsageCharge = { orgId: p.orgId, keyId: p.keyId, billingMonth: '2026-05', count: 7 };
      const attempts = Array.from({ length: 30 }, (_, i) => {
        const s = others[i % others.length] ?? store;
        return inWriteTransaction(s.db, s.dialect, (tx) => chargeUsage(tx, charge));
      });
      const results = await Promise.all(attempts);
      const charged = results.filter((r) => r.charged).length;
      expect(charged).toBe(Math.floor(100 / 7));
      expect(await readOrgUsage(store.db, p.orgId, '2026-05')).toBe(charged * 7);
      expect(await readKeyUsage(store.db, [p.keyId], '2026-05')).toEqual(new Map([[p.keyId, charged * 7]]));
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });
});
