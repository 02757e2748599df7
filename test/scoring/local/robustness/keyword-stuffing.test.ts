import { describe, expect, it } from 'vitest';
import { BORDERLINE_MIN } from '../../../../src/domain/verdict.ts';
import { adSentences, keywordLine, type Placement, withBlock } from '../fixtures/adversarial.ts';
import { CAREERS } from '../fixtures/careers.ts';
import { renderCv } from '../fixtures/render.ts';
import { flagsOf, scoreOne, scorePair, useLocalEngine } from '../fixtures/scoring.ts';
import type { JobFixture } from '../fixtures/types.ts';

/**
 * Hidden white text copied from the ad (a line of its requirement terms, or its sentences
 * pasted whole, at the start or the end) must not lift a weak CV, and must be flagged.
 */
const engine = useLocalEngine();

const STUFFINGS: readonly (readonly [string, (job: JobFixture) => string, Placement])[] = [
  ['a line of the ad’s terms at the end', keywordLine, 'end'],
  ['a line of the ad’s terms at the start', keywordLine, 'start'],
  ['the ad’s sentences pasted at the end', adSentences, 'end'],
  ['the ad’s sentences pasted at the start', adSentences, 'start'],
];

describe.each(CAREERS)('$job.title', (career) => {
  const plainWeak = renderCv(career.weak);

  describe.each(STUFFINGS)('weak CV with %s', (_name, block, where) => {
    const stuffed = withBlock(plainWeak, block(career.job), where);

    it('gains at most 5 points and stays below 50', async () => {
      const [plain, gamed] = await scorePair(engine, career.job, plainWeak, stuffed);
      expect(gamed.score).toBeLessThanOrEqual(plain.score + 5);
      expect(gamed.score).toBeLessThan(BORDERLINE_MIN);
    });

    it('is flagged keyword_stuffing', async () => {
      const gamed = await scoreOne(engine, career.job, stuffed);
      expect(flagsOf(gamed)).toContain('keyword_stuffing');
    });
  });

  it.each([
    ['strong', career.strong],
    ['weak', career.weak],
  ] as const)('the genuine %s CV (normal skills section) is not flagged', async (_kind, cv) => {
    const result = await scoreOne(engine, career.job, renderCv(cv));
    expect(flagsOf(result)).not.toContain('keyword_stuffing');
  });
});
