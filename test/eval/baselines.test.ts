import { describe, expect, it } from 'vitest';
import { BM25_B, BM25_K1, createBm25Engine } from '../../eval/baselines/bm25.ts';
import { createTfidfEngine } from '../../eval/baselines/tfidf.ts';
import { tokenize } from '../../eval/baselines/tokenize.ts';
import { CHEF_CV, CHEF_JOB, DRIVER_CV, NURSE_CV, NURSE_JOB, PYTHON_CV, PYTHON_JOB } from './fixture.ts';

describe('tokenize', () => {
  it('lower-cases, drops stop words and single letters, stems, keeps c++ and c#', () => {
    expect(tokenize('The Developers were Managing C++ and C# services, S K I L L S')).toEqual([
      'develop',
      'manag',
      'c++',
      'c#',
      'servic',
    ]);
  });
});

const engines = [createTfidfEngine(), createBm25Engine()];

describe.each(engines)('$name baseline', (engine) => {
  it.each([
    ['python', PYTHON_JOB, PYTHON_CV],
    ['chef', CHEF_JOB, CHEF_CV],
    ['nurse', NURSE_JOB, NURSE_CV],
  ])('ranks the relevant CV above unrelated ones (%s)', async (_name, job, relevant) => {
    const cvs = [DRIVER_CV, relevant, ...[PYTHON_CV, CHEF_CV, NURSE_CV].filter((cv) => cv !== relevant)];
    const results = await engine.scoreBatch(job, cvs);
    const precise = engine.preciseScores(job, cvs);
    const best = precise.indexOf(Math.max(...precise));
    expect(best).toBe(1);
    for (const result of results) {
      expect(Number.isInteger(result.score)).toBe(true);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
    }
    expect(results[1]?.score).toBe(Math.max(...results.map((r) => r.score)));
  });

  it('handles an empty batch and empty texts', async () => {
    expect(await engine.scoreBatch(PYTHON_JOB, [])).toEqual([]);
    const [result] = await engine.scoreBatch(PYTHON_JOB, ['']);
    expect(result?.score).toBe(0);
  });
});

describe('hand-computed values', () => {
  it('TF-IDF gives 100 to an identical bag of words and 0 to a disjoint one', () => {
    expect(createTfidfEngine().preciseScores('python', ['python', 'java'])).toEqual([100, 0]);
  });

  it('BM25 matches the Okapi formula normalised by its ceiling', () => {
    // Docs [python python django] (3 tokens) and [cook] (1): avgdl 2, N 2; idf = ln(1 + 1.5/1.5) = ln 2 for both terms.
    const norm = 1 - BM25_B + (BM25_B * 3) / 2;
    const python = (2 * (BM25_K1 + 1)) / (2 + BM25_K1 * norm);
    const django = (1 * (BM25_K1 + 1)) / (1 + BM25_K1 * norm);
    const expected = (100 * Math.LN2 * (python + django)) / (2 * Math.LN2 * (BM25_K1 + 1));
    const [first, second] = createBm25Engine().preciseScores('python django', [
      'python python django',
      'cooking',
    ]);
    expect(first).toBeCloseTo(expected, 10);
    expect(first).toBeCloseTo(46.2652, 3);
    expect(second).toBe(0);
  });
});
