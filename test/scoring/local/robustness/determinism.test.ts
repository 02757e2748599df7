import { describe, expect, it } from 'vitest';
import { pythonBackend } from '../fixtures/careers/python-backend.ts';
import { CAREERS } from '../fixtures/careers.ts';
import { PERSONAS } from '../fixtures/personas.ts';
import { renderCv } from '../fixtures/render.ts';
import { AS_OF, scoreAll, scoreOne, useLocalEngine } from '../fixtures/scoring.ts';
import type { CvFixture } from '../fixtures/types.ts';

/**
 * The same input always gives the same output: per CV, byte-identical JSON whether the batch
 * is scored again, by another engine instance, in another order, or the CV is scored alone.
 * "Present" resolves to `asOf`, so `asOf` is part of the input.
 */
const engine = useLocalEngine();
const otherEngine = useLocalEngine();

describe.each(CAREERS)('$job.title', (career) => {
  const batch = [
    ...CAREERS.flatMap((c) => [renderCv(c.strong), renderCv(c.weak)]),
    ...PERSONAS.slice(0, 4).map((persona) => renderCv(career.strong, persona)),
  ];
  const json = async (cvs: readonly string[], scorer = engine): Promise<string[]> =>
    (await scoreAll(scorer, career.job, cvs)).map((result) => JSON.stringify(result));

  it('scoring the same batch twice gives byte-identical JSON per CV', async () => {
    expect(await json(batch)).toEqual(await json(batch));
  });

  it('another engine instance gives byte-identical JSON per CV', async () => {
    expect(await json(batch, otherEngine)).toEqual(await json(batch));
  });

  it('reversing the batch order gives byte-identical JSON per CV', async () => {
    const reversed = await json([...batch].reverse());
    expect(reversed.reverse()).toEqual(await json(batch));
  });

  it('each CV scored alone gives the same JSON as in the batch', async () => {
    const inBatch = await json(batch);
    const alone = await Promise.all(
      batch.map(async (cv) => JSON.stringify(await scoreOne(engine, career.job, cv))),
    );
    expect(alone).toEqual(inBatch);
  });
});

describe('asOf', () => {
  /** Five years of Python are reached only if "Present" is late enough. */
  const since2021: CvFixture = {
    label: 'Python developer since Jan 2021',
    persona: { name: 'Owen Marsh' },
    location: 'Leeds, LS6',
    phone: '07700 900950',
    body: `Profile
Python backend developer building FastAPI services on PostgreSQL with asyncio.

Professional Experience

Python Developer, Quayside Software (Leeds) | Jan 2021 – Present
• Build FastAPI services with asyncio and SQLAlchemy on PostgreSQL 14.
• Package services with Docker and deploy them to AWS ECS; Redis for caching.

Education
BSc (Hons) Computer Science, University of York | 2017 – 2020

Skills
• Python, FastAPI, asyncio, PostgreSQL, Docker, AWS, Redis
`,
  };
  const cv = renderCv(since2021);
  const scoreAsOf = (asOf: string) => scoreOne(engine, pythonBackend.job, cv, asOf);

  it('the same asOf gives the same result', async () => {
    expect(JSON.stringify(await scoreAsOf('2022-06-01'))).toBe(JSON.stringify(await scoreAsOf('2022-06-01')));
  });

  it(`"Present" resolves to asOf: 5+ years by ${AS_OF}, not by 2022-06-01`, async () => {
    const early = await scoreAsOf('2022-06-01');
    const late = await scoreAsOf(AS_OF);
    expect(late.score).toBeGreaterThan(early.score);
  });
});
