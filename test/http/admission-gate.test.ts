import { expect, it } from 'vitest';
import { createAdmissionGate } from '../../src/http/admission-gate.ts';

it('admits up to its limit, then one waiting caller per release, in arrival order', async () => {
  const gate = createAdmissionGate(2);
  const first = await gate.enter();
  const second = await gate.enter();
  const order: string[] = [];
  const third = gate.enter().then((release) => {
    order.push('third');
    return release;
  });
  const fourth = gate.enter().then((release) => {
    order.push('fourth');
    return release;
  });
  await Promise.resolve();
  expect({ active: gate.active, waiting: gate.waiting, order }).toEqual({ active: 2, waiting: 2, order: [] });
  first();
  first(); // a second release of the same place frees nothing more
  await third;
  expect({ active: gate.active, waiting: gate.waiting, order }).toEqual({
    active: 2,
    waiting: 1,
    order: ['third'],
  });
  second();
  (await fourth)();
  (await third)();
  expect({ active: gate.active, waiting: gate.waiting, order }).toEqual({
    active: 0,
    waiting: 0,
    order: ['third', 'fourth'],
  });
});

it('refuses a limit below one', () => {
  expect(() => createAdmissionGate(0)).toThrow(/≥ 1/);
});
