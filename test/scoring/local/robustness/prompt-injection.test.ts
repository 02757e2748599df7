import { describe, expect, it } from 'vitest';
import type { EngineScore } from '../../../../src/domain/candidate-result.ts';
import { INJECTIONS, type InjectionPosition, inject } from '../fixtures/adversarial.ts';
import { pythonBackend } from '../fixtures/careers/python-backend.ts';
import { wardNurse } from '../fixtures/careers/ward-nurse.ts';
import { CAREERS } from '../fixtures/careers.ts';
import { renderCv, withBody } from '../fixtures/render.ts';
import { flagsOf, scoreOne, scorePair, useLocalEngine } from '../fixtures/scoring.ts';

/** Instructions hidden in a CV change nothing but add the `prompt_injection` flag. */
const engine = useLocalEngine();

const POSITIONS: readonly InjectionPosition[] = ['middle of a line', 'end of a line', 'end of the CV'];

const CASES = INJECTIONS.flatMap((text) => POSITIONS.map((where) => [text, where] as const));

function outcomes(result: EngineScore): unknown[] {
  return (result.requirements ?? []).map(({ requirement, importance, status }) => ({
    requirement,
    importance,
    status,
  }));
}

describe.each(CAREERS)('$job.title', (career) => {
  describe.each([
    ['strong', career.strong],
    ['weak', career.weak],
  ] as const)('%s CV', (_kind, cv) => {
    const clean = renderCv(cv);

    it.each(CASES)('"%s" in the %s only adds the flag', async (injection, where) => {
      const [base, injected] = await scorePair(engine, career.job, clean, inject(clean, injection, where));
      expect(injected.score).toBe(base.score);
      expect(injected.match_reasons).toEqual(base.match_reasons);
      expect(injected.gaps).toEqual(base.gaps);
      expect(outcomes(injected)).toEqual(outcomes(base));
      expect(flagsOf(injected)).toEqual([...new Set([...flagsOf(base), 'prompt_injection'])].sort());
      expect(JSON.stringify(injected), 'the injected text is echoed back').not.toContain(
        injection.slice(0, 24),
      );
    });

    it('the clean CV is not flagged', async () => {
      expect(flagsOf(await scoreOne(engine, career.job, clean))).not.toContain('prompt_injection');
    });
  });
});

describe('CVs that talk about prompts and instructions legitimately', () => {
  const cases = [
    {
      name: 'a backend engineer who built an LLM assistant',
      career: pythonBackend,
      before: '• Lead a team of four engineers',
      bullet:
        '• Built an internal LLM assistant for support agents: wrote the system prompts, an evaluation suite and input filtering against prompt injection.',
    },
    {
      name: 'a nurse who rewrote ward instructions',
      career: wardNurse,
      before: '• Practice assessor for',
      bullet:
        '• Rewrote the ward instructions for the bladder scanner and trained HCAs to follow the new system for fluid balance charts.',
    },
  ];

  it.each(cases)('$name is not flagged', async ({ career, before, bullet }) => {
    const body = career.strong.body.replace(before, `${bullet}\n${before}`);
    expect(body).not.toBe(career.strong.body);
    const result = await scoreOne(engine, career.job, renderCv(withBody(career.strong, body)));
    expect(flagsOf(result)).not.toContain('prompt_injection');
  });
});
