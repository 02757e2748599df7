import { describe, expect, it } from 'vitest';
import { CAREERS } from '../fixtures/careers.ts';
import { renderCv, withoutEssentials } from '../fixtures/render.ts';
import { expectValidResult, scoreOne, useLocalEngine } from '../fixtures/scoring.ts';
import { isFiller, mentionsAny, specificTokens, wordTokens } from '../fixtures/text.ts';

/**
 * Reasons and gaps are evidence, not boilerplate: at most 4 reasons and 3 gaps; every reason
 * quotes something specific that is literally in the CV; none is generic filler; a CV that
 * meets every essential has no gap but desirable ones; a missing essential's gap says "essential".
 */
const engine = useLocalEngine();

const CVS = CAREERS.flatMap((career) => [
  [career.strong.label, renderCv(career.strong)] as const,
  [career.weak.label, renderCv(career.weak)] as const,
  ...career.removals.map(
    (removal) =>
      [
        `${career.strong.label} without ${removal.essential}`,
        withoutEssentials(renderCv(career.strong), [removal]),
      ] as const,
  ),
]);

describe.each(CAREERS)('against "$job.title"', (career) => {
  describe.each(CVS)('%s', (_label, cv) => {
    it('at most 4 reasons and 3 gaps, each non-empty', async () => {
      expectValidResult(await scoreOne(engine, career.job, cv));
    });

    it('every reason shares a specific word (3+ characters) with the CV', async () => {
      const cvWords = new Set(wordTokens(cv));
      for (const reason of (await scoreOne(engine, career.job, cv)).match_reasons) {
        const shared = specificTokens(reason).filter((token) => cvWords.has(token));
        expect(shared, `reason "${reason}" quotes nothing from the CV`).not.toEqual([]);
      }
    });

    it('no reason is generic filler ("good fit", "strong candidate", "relevant experience")', async () => {
      for (const reason of (await scoreOne(engine, career.job, cv)).match_reasons) {
        expect(isFiller(reason), `"${reason}" is filler`).toBe(false);
      }
    });
  });
});

describe.each(CAREERS)('$job.title', (career) => {
  it('the strong CV has match reasons (so the checks above are not vacuous)', async () => {
    expect((await scoreOne(engine, career.job, renderCv(career.strong))).match_reasons).not.toEqual([]);
  });

  it('the strong CV (meets every requirement) has no gaps, or only desirable ones', async () => {
    const result = await scoreOne(engine, career.job, renderCv(career.strong));
    for (const gap of result.gaps) expect(gap).toMatch(/desirable/i);
  });

  it.each(career.removals)('a gap for the missing "$essential" says it is essential', async (removal) => {
    const result = await scoreOne(engine, career.job, withoutEssentials(renderCv(career.strong), [removal]));
    const named = result.gaps.filter((gap) => mentionsAny(gap, removal.gapNames));
    expect(named).not.toEqual([]);
    for (const gap of named) expect(gap).toMatch(/essential/i);
  });

  it('the weak CV: its gaps name missing essentials, and say they are essential', async () => {
    const result = await scoreOne(engine, career.job, renderCv(career.weak));
    const named = result.gaps.filter((gap) =>
      career.weakMissingEssentials.some((names) => mentionsAny(gap, names)),
    );
    expect(named).not.toEqual([]);
    for (const gap of named) expect(gap).toMatch(/essential/i);
  });
});
