import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../../src/scoring/local/cv/date-ranges.ts';
import { buildCvProfile } from '../../../../src/scoring/local/cv/profile.ts';
import { parseJob } from '../../../../src/scoring/local/jobspec/parse-job.ts';
import { matchTitle } from '../../../../src/scoring/local/match/title-match.ts';
import { loadTaxonomy } from '../../../../src/scoring/local/taxonomy/load.ts';

const taxonomy = loadTaxonomy();
const asOf = monthIndexOf('2026-11-01');

function similarity(jobTitle: string, roleTitle: string): number {
  const job = parseJob(`${jobTitle}\n\nEssential\n- Month-end close\n`, taxonomy);
  const cv = `Experience\n${roleTitle}, Acme Ltd — Jan 2020 – present\n- Month-end close.\n`;
  return matchTitle(job, buildCvProfile(cv, asOf), taxonomy).similarity;
}

describe('title match', () => {
  it('compares role nouns as words, not stems', () => {
    expect(similarity('Management Accountant', 'Accounts Assistant')).toBeLessThan(0.5);
    expect(similarity('Management Accountant', 'Assistant Management Accountant')).toBeGreaterThanOrEqual(
      0.5,
    );
  });

  it('folds plurals of role nouns', () => {
    expect(similarity('Software Engineers', 'Software Engineer')).toBeGreaterThanOrEqual(0.5);
  });
});
