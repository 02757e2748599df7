import { describe, expect, it } from 'vitest';
import { CAREERS } from '../fixtures/careers.ts';
import { NON_ENGLISH_CVS } from '../fixtures/non-english.ts';
import { PERSONAS } from '../fixtures/personas.ts';
import { renderCv } from '../fixtures/render.ts';
import { expectValidResult, flagsOf, scoreAll, scoreOne, useLocalEngine } from '../fixtures/scoring.ts';

/**
 * A CV in another language gets the `non_english` flag and still a valid result; English CVs
 * never get it, even with foreign names, employers or places, or a languages section.
 */
const engine = useLocalEngine();

describe.each(NON_ENGLISH_CVS)('a CV in %s', (_language, cv) => {
  it.each(CAREERS)('against "$job.title": flagged non_english, valid result', async (career) => {
    const result = await scoreOne(engine, career.job, renderCv(cv));
    expect(flagsOf(result)).toContain('non_english');
    expectValidResult(result);
  });
});

describe.each(CAREERS)('English CVs against "$job.title"', (career) => {
  it.each(CAREERS.flatMap((c) => [c.strong, c.weak]).map((cv) => [cv.label, cv] as const))(
    '%s: not flagged',
    async (_label, cv) => {
      expect(flagsOf(await scoreOne(engine, career.job, renderCv(cv)))).not.toContain('non_english');
    },
  );

  it('twins with foreign names, nationalities and places of birth: not flagged', async () => {
    const twins = PERSONAS.map((persona) => renderCv(career.strong, persona));
    for (const result of await scoreAll(engine, career.job, twins)) {
      expect(flagsOf(result)).not.toContain('non_english');
    }
  });
});
