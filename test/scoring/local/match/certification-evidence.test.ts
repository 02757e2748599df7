import { describe, expect, it } from 'vitest';
import type { EngineScore } from '../../../../src/domain/candidate-result.ts';
import { scoreOne, useLocalEngine } from '../fixtures/scoring.ts';
import type { JobFixture } from '../fixtures/types.ts';

/**
 * A certificate is evidenced by itself, or in part by the broader certificate it implies ("Driving
 * licence" for "Full driving licence"); never by the skill it implies ("accounting" is no ACCA).
 */
const engine = useLocalEngine();

const cv = (line: string) => `Jamie Doe

Experience
Finance Assistant, Acme Ltd | Jan 2019 – Present
- ${line}
- Month-end close, accruals and reconciliations.
`;

function outcomeFor(result: EngineScore, pattern: RegExp) {
  return (result.requirements ?? []).find((r) => pattern.test(r.requirement));
}

describe('certification evidence', () => {
  const job: JobFixture = {
    id: 'finance-assistant',
    title: 'Finance Assistant',
    adTerms: [],
    spec: `Finance Assistant

Essential
- ACCA qualified
- Full UK driving licence
- Month-end close experience
`,
  };

  it('a skill the certificate implies does not meet it', async () => {
    const result = await scoreOne(engine, job, cv('Accounting and bookkeeping for a £20m business.'));
    expect(outcomeFor(result, /ACCA/)?.status).toBe('missing');
  });

  it('the certificate itself meets it', async () => {
    const result = await scoreOne(engine, job, cv('ACCA qualified since 2021.'));
    expect(outcomeFor(result, /ACCA/)?.status).toBe('met');
  });

  it('a broader licence is partial evidence for a narrower one', async () => {
    const result = await scoreOne(engine, job, cv('Holds a driving licence; visits client sites.'));
    expect(outcomeFor(result, /driving licence/i)?.status).not.toBe('missing');
  });
});
