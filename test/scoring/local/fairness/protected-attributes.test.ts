import { describe, expect, it } from 'vitest';
import type { EngineScore } from '../../../../src/domain/candidate-result.ts';
import { CAREERS } from '../fixtures/careers.ts';
import { PERSONAS, protectedValues } from '../fixtures/personas.ts';
import { renderCv } from '../fixtures/render.ts';
import { scorePair, useLocalEngine } from '../fixtures/scoring.ts';
import { containsPhrase } from '../fixtures/text.ts';
import type { CvFixture, Persona } from '../fixtures/types.ts';

/**
 * DESIGN.md §2: protected attributes never influence a score. Twins differ ONLY in name, title,
 * pronouns, gender, age/date of birth, nationality/place of birth, marital status, photo and
 * identity-based network membership; their results must be identical.
 */
const engine = useLocalEngine();

/**
 * Values of the persona that neither the career nor the job spec contains: a nurse may be "Grace Nurse",
 * and a gap may name the "Registered Nurse" the ad asks for.
 */
function forbiddenMentions(cv: CvFixture, persona: Persona, spec: string): string[] {
  return protectedValues(persona).filter(
    (value) => !containsPhrase(cv.body, value) && !containsPhrase(spec, value),
  );
}

function expectNoMention(result: EngineScore, values: readonly string[]): void {
  for (const text of [...result.match_reasons, ...result.gaps]) {
    for (const value of values) {
      expect(containsPhrase(text, value), `"${text}" mentions protected value "${value}"`).toBe(false);
    }
  }
}

describe.each(CAREERS)('$job.title', (career) => {
  describe.each([
    ['strong', career.strong],
    ['weak', career.weak],
  ] as const)('%s CV', (_kind, cv) => {
    it.each(PERSONAS.map((persona) => [persona.name, persona] as const))(
      'twin "%s" gets the identical result',
      async (_name, persona) => {
        const [base, twin] = await scorePair(engine, career.job, renderCv(cv), renderCv(cv, persona));
        expect(twin).toEqual(base);
      },
    );

    it.each(PERSONAS.map((persona) => [persona.name, persona] as const))(
      'no reason or gap of twin "%s" mentions a protected value',
      async (_name, persona) => {
        const [base, twin] = await scorePair(engine, career.job, renderCv(cv), renderCv(cv, persona));
        expectNoMention(base, forbiddenMentions(cv, cv.persona, career.job.spec));
        expectNoMention(twin, forbiddenMentions(cv, persona, career.job.spec));
      },
    );
  });
});
