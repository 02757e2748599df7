import { afterAll, describe, expect, it } from 'vitest';
import { benchJobSpec, FIXTURE_AS_OF, generateCvFixtures } from '../../bench/fixtures/index.ts';
import { type BenchInput, measureSingleThread } from '../../bench/lib/measure.ts';
import { measurePool, type PoolLike } from '../../bench/lib/measure-pool.ts';
import { MemorySampler } from '../../bench/lib/memory.ts';
import { localSubject, tfidfSubject } from '../../bench/lib/subjects.ts';
import { createLocalEngine } from '../../src/scoring/local/engine.ts';

const fixtures = generateCvFixtures({ count: 12, targetChars: 3_000, seed: 4, profession: 'software' });
const input: BenchInput = {
  jobSpec: benchJobSpec(),
  cvs: fixtures.map((f) => f.text),
  fits: fixtures.map((f) => f.fit),
  asOf: FIXTURE_AS_OF,
  repeats: 3,
};
const sampler = MemorySampler.start(10);
afterAll(async () => {
  await sampler.stop();
});

describe('bench subjects', () => {
  it("the local per-CV path gives the engine's own scores", async () => {
    const score = localSubject().prepare(input.jobSpec, input.asOf);
    const expected = await createLocalEngine().scoreBatch(input.jobSpec, input.cvs, { asOf: input.asOf });
    expect(input.cvs.map((cv) => score(cv))).toEqual(expected.map((e) => e.score));
  });

  it("the TF-IDF per-CV path gives the baseline's scoreBatch of one CV", async () => {
    const subject = tfidfSubject();
    const score = subject.prepare(input.jobSpec, input.asOf);
    const cv = input.cvs[0] ?? '';
    const [expected] = await subject.scoreBatch(input.jobSpec, [cv], input.asOf);
    expect(score(cv)).toBe(expected?.score);
  });
});

describe('measureSingleThread', () => {
  it('reports consistent figures from the timed passes, run on a worker thread', async () => {
    const { subject, metrics: m } = await measureSingleThread('local', input, sampler);
    expect(subject.name).toBe('local');
    expect(m.passMs).toHaveLength(input.repeats);
    expect(m.perCvMs.samples).toBe(input.cvs.length * input.repeats);
    expect(m.cvsPerSecond).toBeGreaterThan(0);
    expect(m.perCvMs.p50).toBeLessThanOrEqual(m.perCvMs.p99);
    expect(m.perCvMs.p99).toBeLessThanOrEqual(m.perCvMs.max);
    expect(m.unscorable).toBe(0);
    expect(m.peakRssBytes).toBeGreaterThan(0);
    expect(m.peakHeapUsedBytes).toBeGreaterThan(0);
    expect(Object.keys(m.meanScoreByFit).sort()).toEqual(['borderline', 'strong', 'unrelated']);
  });
});

describe('measurePool', () => {
  it('measures a cold first batch and warm repeats, then closes the pool', async () => {
    let closed = 0;
    const engine = createLocalEngine();
    const fakePool: PoolLike = {
      scoreBatch: (jobSpec, cvs, options) => engine.scoreBatch(jobSpec, cvs, options),
      async close() {
        closed++;
      },
    };
    const m = await measurePool(() => fakePool, 2, input, sampler);
    expect(closed).toBe(1);
    expect(m.threads).toBe(2);
    expect(m.warmBatchMs).toHaveLength(input.repeats);
    expect(m.coldFirstBatchMs).toBeGreaterThan(0);
  });
});
