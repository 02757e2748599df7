import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { createScoringPool, type ScoringPool } from '../../src/scoring/pool.ts';

/** Each thread's nice value, from /proc (Linux): field 19 of stat, after the parenthesised name. */
function threadNiceValues(): Map<number, number> {
  const values = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    values.set(Number(tid), Number(fields[16]));
  }
  return values;
}

const pools: ScoringPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

it.skipIf(!existsSync('/proc/self/task'))(
  'scoring threads run niced; the event loop thread keeps its priority',
  async () => {
    const before = threadNiceValues();
    const pool = createScoringPool({ threads: 2, niceIncrement: 7 });
    pools.push(pool);
    await pool.scoreBatch('Python developer', ['Python developer, 5 years.', 'Nurse.', 'Chef.', 'Driver.']);
    const after = threadNiceValues();
    const niced = [...after].filter(([tid, nice]) => !before.has(tid) && nice === 7);
    expect(niced.length).toBeGreaterThanOrEqual(2);
    expect(after.get(process.pid)).toBe(before.get(process.pid));
  },
);
