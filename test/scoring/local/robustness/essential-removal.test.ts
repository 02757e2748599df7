import { describe, expect, it } from 'vitest';
import type { EngineScore } from '../../../../src/domain/candidate-result.ts';
import { BORDERLINE_MIN, STRONG_SHORTLIST_MIN } from '../../../../src/domain/verdict.ts';
import { CAREERS } from '../fixtures/careers.ts';
import { renderCv, withoutEssentials } from '../fixtures/render.ts';
import { scoreOne, scorePair, useLocalEngine } from '../fixtures/scoring.ts';
import { mentionsAny } from '../fixtures/text.ts';

/**
 * Essentials decide the verdict: a strong CV is a strong shortlist, taking the evidence of one
 * essential out costs at least 10 points and is named in the gaps, a candidate missing any
 * essential is never a strong shortlist, and missing two or more is "Do not progress".
 */
const engine = useLocalEngine();

function requirementNamed(result: EngineScore, names: readonly string[]) {
  return (result.requirements ?? []).find((outcome) => mentionsAny(outcome.requirement, names));
}

describe.each(CAREERS)('$job.title', (career) => {
  const strong = renderCv(career.strong);

  it('the strong CV is a strong shortlist (≥ 75)', async () => {
    expect((await scoreOne(engine, career.job, strong)).score).toBeGreaterThanOrEqual(STRONG_SHORTLIST_MIN);
  });

  it(`the weak CV, missing ${career.weakMissingEssentials.length} essentials, scores below 50`, async () => {
    expect((await scoreOne(engine, career.job, renderCv(career.weak))).score).toBeLessThan(BORDERLINE_MIN);
  });

  describe.each(career.removals)('without $essential', (removal) => {
    const without = withoutEssentials(strong, [removal]);

    it('loses at least 10 points and is not a strong shortlist', async () => {
      const [full, reduced] = await scorePair(engine, career.job, strong, without);
      expect(reduced.score).toBeLessThanOrEqual(full.score - 10);
      expect(reduced.score).toBeLessThan(STRONG_SHORTLIST_MIN);
    });

    it('names the missing essential in the gaps', async () => {
      const result = await scoreOne(engine, career.job, without);
      expect(result.gaps.some((gap) => mentionsAny(gap, removal.gapNames))).toBe(true);
    });

    it('reports the requirement as an essential that is not met', async () => {
      const outcome = requirementNamed(await scoreOne(engine, career.job, without), removal.gapNames);
      expect(outcome?.importance).toBe('essential');
      expect(outcome?.status).not.toBe('met');
    });
  });

  if (career.removals.length >= 2) {
    it('without two essentials: below 50, both named in the gaps', async () => {
      const result = await scoreOne(engine, career.job, withoutEssentials(strong, career.removals));
      expect(result.score).toBeLessThan(BORDERLINE_MIN);
      for (const removal of career.removals) {
        expect(result.gaps.some((gap) => mentionsAny(gap, removal.gapNames))).toBe(true);
      }
    });
  }
});
