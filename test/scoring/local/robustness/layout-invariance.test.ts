import { describe, expect, it } from 'vitest';
import { CAREERS } from '../fixtures/careers.ts';
import { LAYOUTS } from '../fixtures/layout.ts';
import { renderCv, withBody } from '../fixtures/render.ts';
import { scorePair, useLocalEngine } from '../fixtures/scoring.ts';

/**
 * The same career in another layout (prose instead of bullets, another section order, other
 * date formats, ALL CAPS headings, "Work History") scores within 5 points of the original.
 */
const engine = useLocalEngine();

describe.each(CAREERS)('$job.title', (career) => {
  describe.each([
    ['strong', career.strong],
    ['weak', career.weak],
  ] as const)('%s CV', (_kind, cv) => {
    it.each(LAYOUTS)('%s: within 5 points', async (_name, transform) => {
      const relaid = renderCv(withBody(cv, transform(cv.body)));
      const [original, variant] = await scorePair(engine, career.job, renderCv(cv), relaid);
      expect(Math.abs(variant.score - original.score)).toBeLessThanOrEqual(5);
    });
  });
});
