import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { benchJobSpec, FIXTURE_AS_OF, generateCvs } from '../../bench/fixtures/index.ts';
import { createLocalEngine } from '../../src/scoring/local/engine.ts';
import { createScoringPool } from '../../src/scoring/pool.ts';

const JOB = benchJobSpec();
const OPTIONS = { asOf: FIXTURE_AS_OF };
// Shorter than the benchmark's 10,000 characters to keep the suite fast; the pool does not care.
const CVS = generateCvs({ count: 200, targetChars: 4_000, seed: 11, profession: 'software' });

const pool = createScoringPool({ threads: 2 });
afterAll(async () => {
  await pool.close();
});

/** OS threads of this process (Linux), to see worker threads come and go. */
function osThreads(): number | null {
  try {
    const match = /^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Longest gap between consecutive setTimeout(0) callbacks while `work` runs: how long the loop was blocked.
 * A timer rather than a setImmediate spin, so the probe sleeps between turns instead of competing with the
 * workers for a CPU (which would measure the OS scheduler, not our code).
 */
async function maxEventLoopLag(start: () => Promise<unknown>): Promise<number> {
  let done = false;
  let max = 0;
  let last = performance.now();
  const ticking = new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      max = Math.max(max, now - last);
      last = now;
      if (done) resolve();
      else setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
  });
  // Started after the probe is armed, so work that runs synchronously shows up as one long gap.
  await Promise.resolve()
    .then(start)
    .finally(() => {
      done = true;
    });
  await ticking;
  return max;
}

describe('createScoringPool', () => {
  it('gives the same outcomes as the in-process engine', async () => {
    const batch = CVS.slice(0, 20);
    const inProcess = createLocalEngine().scoreEach;
    if (!inProcess || !pool.scoreEach) throw new Error('scoreEach missing');
    const [expected, pooled] = await Promise.all([
      inProcess(JOB, batch, OPTIONS),
      pool.scoreEach(JOB, batch, OPTIONS),
    ]);
    expect(pooled).toHaveLength(20);
    expect(pooled).toEqual(expected);
    expect(pooled.every((o) => o.ok)).toBe(true);
  });

  it('reports a blank CV as unscorable and scores the others', async () => {
    const batch = [CVS[0] ?? '', '   \n\t \n', CVS[1] ?? ''];
    const outcomes = await pool.scoreEach?.(JOB, batch, OPTIONS);
    expect(outcomes?.map((o) => o.ok)).toEqual([true, false, true]);
    const blank = outcomes?.[1];
    expect(blank && !blank.ok ? blank.error : '').toMatch(/empty/i);
  });

  it('keeps the event loop responsive while it scores 200 CVs', async () => {
    // On a shared machine the OS can deschedule the main thread for tens of milliseconds at random; a pool
    // that blocked the loop would fail every attempt, so the best of three attempts is what is asserted.
    const lags: number[] = [];
    for (let attempt = 0; attempt < 3 && !lags.some((lag) => lag < 50); attempt++) {
      const started = performance.now();
      const lag = await maxEventLoopLag(() => pool.scoreBatch(JOB, CVS, OPTIONS));
      lags.push(lag);
      const elapsed = (performance.now() - started).toFixed(0);
      console.log(`pool: 200 CVs in ${elapsed} ms; max event-loop lag ${lag.toFixed(1)} ms`);
    }
    expect(Math.min(...lags)).toBeLessThan(50);
  });

  it('the lag probe does see an in-process batch blocking the loop', async () => {
    const inProcess = createLocalEngine();
    const lag = await maxEventLoopLag(() => inProcess.scoreBatch(JOB, CVS.slice(0, 100), OPTIONS));
    console.log(`in-process: 100 CVs; max event-loop lag ${lag.toFixed(1)} ms`);
    expect(lag).toBeGreaterThan(50);
  });

  it('close() ends its worker threads', async () => {
    const before = osThreads();
    const own = createScoringPool({ threads: 2 });
    await own.scoreBatch(JOB, CVS.slice(0, 4), OPTIONS);
    const running = osThreads();
    await own.close();
    const after = osThreads();
    // Thread counts come from /proc (Linux); elsewhere only the refusal after close() is checked.
    if (before !== null && running !== null && after !== null) {
      expect(running - before).toBeGreaterThanOrEqual(2);
      expect(after).toBeLessThanOrEqual(before);
    }
    await expect(own.scoreBatch(JOB, CVS.slice(0, 1), OPTIONS)).rejects.toThrow('closed');
  });
});
