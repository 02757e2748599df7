import { describe, expect, it } from 'vitest';
import { qualifierFactor } from '../../../../src/scoring/local/match/qualifiers.ts';

/** The factor for the first occurrence of `term` in `line`. */
function factor(line: string, term: string): number {
  const start = line.indexOf(term);
  return qualifierFactor(line, start, start + term.length);
}

describe('qualifiers around a mention', () => {
  it('words after the mention can say it is still in progress', () => {
    expect(factor('CIPD Level 5 Associate Diploma – in progress (3 of 8 units)', 'CIPD Level 5')).toBe(0.4);
    expect(factor('NVQ Level 3 – expected completion 2027', 'NVQ Level 3')).toBe(0.4);
    expect(factor('ACCA – studying (6 papers passed)', 'ACCA')).toBe(0.4);
    expect(factor('CIMA – 3 of 4 exams passed', 'CIMA')).toBe(0.4);
  });

  it('another item after a comma keeps its own qualifier', () => {
    expect(factor('ACCA (2019), CIMA in progress', 'ACCA')).toBe(1);
  });

  it('an outdated certificate counts as expired', () => {
    expect(factor('17th Edition BS 7671:2008 – not yet updated', 'BS 7671')).toBe(0.2);
    expect(factor('ECS Gold Card – renewal due 2027', 'ECS Gold Card')).toBe(1);
  });
});
