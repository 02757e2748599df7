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

  it('the ad’s terms alone, as the whole CV, are flagged and score below 50', async () => {
    const result = await scoreOne(engine, career.job, keywordLine(career.job));
    expect(flagsOf(result)).toContain('keyword_stuffing');
    expect(result.score).toBeLessThan(BORDERLINE_MIN);
  });

  it.each([
    ['strong', career.strong],
    ['weak', career.weak],
  ] as const)('the genuine %s CV (normal skills section) is not flagged', async (_kind, cv) => {
    const result = await scoreOne(engine, career.job, renderCv(cv));
    expect(flagsOf(result)).not.toContain('keyword_stuffing');
  });
});

/**
 * A terse CV, one paragraph in the style of the reference's own examples, is the CV itself: dense with
 * the ad's terms, yet written as a career, so it is scored, not discarded as stuffing.
 */
describe('a terse one-paragraph CV', () => {
  const job: JobFixture = {
    id: 'reference-python',
    title: 'Senior Python Developer',
    spec:
      'Senior Python Developer with 5+ years of experience building production APIs. Must have: FastAPI or ' +
      'Django REST, PostgreSQL, experience with async Python. Nice to have: AWS, Docker, Redis.',
    adTerms: ['Python', 'FastAPI', 'Django REST', 'PostgreSQL', 'async', 'AWS', 'Docker', 'Redis'],
  };
  const terse =
    'Jane Smith. Software Engineer. 7 years Python experience, building production APIs with FastAPI and ' +
    'PostgreSQL, async Python services, deployed on AWS with Docker.';

  it('is not flagged and outranks a terse CV without the essentials', async () => {
    const [strong, weak] = await scorePair(
      engine,
      job,
      terse,
      'Mark Chen. Backend Developer. 3 years Node.js, 1 year Python.',
    );
    expect(flagsOf(strong)).not.toContain('keyword_stuffing');
    expect(strong.score).toBeGreaterThanOrEqual(75);
    expect(weak.score).toBeLessThan(50);
  });

  it('a short CV whose one role bullet names every skill is writing, not stuffing', async () => {
    const cv = [
      'Jane Smith',
      'Software Engineer',
      '',
      'Experience',
      'Senior Software Engineer, Acme Ltd, 2018 – present',
      '- Built production APIs in Python with FastAPI and PostgreSQL, async Python throughout.',
      '- Deployed on AWS with Docker.',
    ].join('\n');
    const result = await scoreOne(engine, job, cv);
    expect(flagsOf(result)).not.toContain('keyword_stuffing');
    expect(result.score).toBeGreaterThanOrEqual(75);
  });

  it('a weak terse CV gains nothing from the ad’s terms pasted after it, and is flagged', async () => {
    const weak = 'Mark Chen. Backend Developer. 3 years Node.js, 1 year Python.';
    const [plain, gamed] = await scorePair(engine, job, weak, `${weak}\n\n${keywordLine(job)}`);
    expect(gamed.score).toBeLessThanOrEqual(plain.score + 5);
    expect(flagsOf(gamed)).toContain('keyword_stuffing');
  });
});
