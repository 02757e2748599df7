import { describe, expect, it } from 'vitest';
import {
  isEmployerStatement,
  withoutEmployerAsides,
} from '../../../../src/scoring/local/jobspec/employer-statement.ts';
import {
  inlineImportance,
  withoutTrailingSoftener,
} from '../../../../src/scoring/local/jobspec/importance.ts';
import { parseJob } from '../../../../src/scoring/local/jobspec/parse-job.ts';
import { splitSentences } from '../../../../src/scoring/local/jobspec/sentences.ts';
import { specHeadingRole } from '../../../../src/scoring/local/jobspec/spec-sections.ts';
import type { Requirement } from '../../../../src/scoring/local/jobspec/types.ts';
import { loadTaxonomy } from '../../../../src/scoring/local/taxonomy/load.ts';

const taxonomy = loadTaxonomy();

function requirementsOf(spec: string): readonly Requirement[] {
  return parseJob(spec, taxonomy).requirements.filter((r) => r.kind !== 'title');
}

function find(requirements: readonly Requirement[], pattern: RegExp): Requirement | undefined {
  return requirements.find((r) => pattern.test(r.label));
}

describe('sentences', () => {
  it('end after a closing bracket or quote', () => {
    expect(
      splitSentences('(Agency time does not count toward the 3 years.) You keep a clean pipeline.'),
    ).toEqual(['(Agency time does not count toward the 3 years.)', 'You keep a clean pipeline.']);
  });

  it('a sentence that rules something out does not swallow the next one', () => {
    const spec = `Account Executive

What you bring:
You have closed B2B deals for 3 years. (SDR time doesn't count toward the 3 years.) You keep a clean pipeline in Salesforce or HubSpot.
`;
    expect(find(requirementsOf(spec), /Salesforce/)?.importance).toBe('essential');
  });
});

describe('list lead-ins', () => {
  it('a colon inside a sentence ends a lead-in: the items are what follows', () => {
    const spec = `Account Executive

Requirements
- You can show us the numbers: quota attainment, average deal size and cycle length
`;
    const labels = requirementsOf(spec).map((r) => r.label);
    expect(labels).toContain('quota attainment');
    expect(labels.some((l) => /show us/i.test(l))).toBe(false);
  });
});

describe('what the ad says about the employer', () => {
  it.each([
    'Routewise builds route-optimization software for food-service companies.',
    "We're a Series B company backed by great investors.",
    'Our customers typically run 20 to 500 vehicles.',
  ])('"%s" asks nothing of the candidate', (sentence) => {
    expect(isEmployerStatement(sentence)).toBe(true);
  });

  it.each([
    'We are looking for an engineer with Python experience.',
    'We need you to hold a full driving licence.',
    'You will build Python services.',
    'Python is essential.',
  ])('"%s" may ask for something', (sentence) => {
    expect(isEmployerStatement(sentence)).toBe(false);
  });

  it('company blurb before the requirements yields no requirement', () => {
    const spec = `Account Executive

Routewise builds route-optimization and dispatch software for regional distributors and food-service companies.

Requirements
- 3+ years of B2B sales
- Salesforce
`;
    const labels = requirementsOf(spec).map((r) => r.label.toLowerCase());
    expect(labels.some((l) => /route|food/.test(l))).toBe(false);
    expect(labels.some((l) => /salesforce/.test(l))).toBe(true);
  });

  it('an aside about the employer is dropped, the item kept', () => {
    expect(withoutEmployerAsides('speak Spanish (a growing share of our customers are in Texas)')).toBe(
      'speak Spanish',
    );
  });

  it('an equal-opportunity statement is never a requirement', () => {
    const spec = `Driver

Requirements
- Full driving licence

Routewise is an equal opportunity employer.
`;
    expect(requirementsOf(spec).some((r) => /equal|employer/i.test(r.label))).toBe(false);
  });
});

describe('a closing softener', () => {
  it('softens the whole sentence', () => {
    const sentence =
      "If you've got ADR, fridge experience or FORS, that's a bonus but definitely not a deal-breaker.";
    expect(inlineImportance(sentence)).toBe('desirable');
    expect(withoutTrailingSoftener(sentence)).toBe("If you've got ADR, fridge experience or FORS");
  });

  it('does not soften a sentence marked essential before it', () => {
    const sentence = 'Python is essential, and Django would be a plus.';
    expect(withoutTrailingSoftener(sentence)).toBe(sentence);
  });

  it('makes its items desirable and leaves no requirement made of its own words', () => {
    const spec = `HGV Driver

What we need from you:
You must hold a Cat C+E licence. If you've got ADR or FORS, that's a bonus but not a deal-breaker.
`;
    const requirements = requirementsOf(spec);
    expect(find(requirements, /ADR/)?.importance).toBe('desirable');
    expect(requirements.some((r) => /deal|bonus/i.test(r.label))).toBe(false);
  });
});

describe('section headings', () => {
  it.each([
    ['Why join us?', 'ignore'],
    ['What do we need from you?', 'essential'],
    ['Personal qualities', 'category'],
  ])('"%s" heads a %s section', (line, role) => {
    expect(specHeadingRole(line)).toBe(role);
  });

  it('a long question is a sentence, not a heading', () => {
    expect(specHeadingRole('Do you have experience of running a busy commercial kitchen in London?')).toBe(
      undefined,
    );
  });
});

describe('a sentence that names the role before what it asks', () => {
  it('asks for what follows the role, not for the role sentence itself', () => {
    const requirements = requirementsOf(
      'Senior Python Developer with 5+ years of experience building production APIs. Must have: ' +
        'FastAPI or Django REST, PostgreSQL.',
    );
    const labels = requirements.map((r) => r.label);
    expect(labels).toContain('building production APIs');
    expect(labels.some((l) => /Developer with/i.test(l))).toBe(false);
    expect(find(requirements, /^5\+ years/)?.kind).toBe('years');
  });
});

describe('years offered as another route', () => {
  it('ask for the lower figure', () => {
    const spec = `Residential Conveyancer

Essential
- Minimum 3 years' post-qualification experience (or 5+ years' fee-earning experience for other routes) in residential conveyancing
`;
    const years = requirementsOf(spec).filter((r) => r.kind === 'years' && r.yearsScope === 'overall');
    expect(years.map((r) => r.years)).toEqual([3]);
  });
});

describe('years in a named role', () => {
  it('keep the roles named after "as a"', () => {
    const spec = `Customer Service Team Leader

Must have
- At least 2 years' experience as a Team Leader or Supervisor in a contact centre
`;
    const years = requirementsOf(spec).find((r) => r.kind === 'years');
    expect(years?.asRole).toEqual(['leader', 'supervisor']);
    expect(years?.label).toBe('2+ years as Team Leader or Supervisor');
  });
});
