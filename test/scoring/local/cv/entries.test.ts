import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../../src/scoring/local/cv/date-ranges.ts';
import { splitHeader } from '../../../../src/scoring/local/cv/entry-header.ts';
import { buildCvProfile } from '../../../../src/scoring/local/cv/profile.ts';

const AS_OF = monthIndexOf('2026-11-01');

describe('role headers', () => {
  it('a sentence after the dates describes the role and names no employer', () => {
    const profile = buildCvProfile(
      'Frontend developer, 2021 – present. 3 years React and TypeScript, some Python scripting.',
      AS_OF,
    );
    expect(profile.entries).toHaveLength(1);
    expect(profile.entries[0]).toMatchObject({ title: 'Frontend developer', organisation: undefined });
  });

  it('a header split by commas keeps its title and employer', () => {
    const profile = buildCvProfile('Senior Backend Engineer, Finlo Ltd, London, 2019 – 2024', AS_OF);
    expect(profile.entries[0]).toMatchObject({ title: 'Senior Backend Engineer', organisation: 'Finlo Ltd' });
  });

  it('a section label run into the role line is not the employer; "Employer: detail" names the employer', () => {
    const profile = buildCvProfile(
      'Experience: 2017 - present, Backend Engineer at Acme: 7 years Python, FastAPI and PostgreSQL.',
      AS_OF,
    );
    expect(profile.entries[0]).toMatchObject({ title: 'Backend Engineer', organisation: 'Acme' });
  });

  it('a claim of years is never taken for an employer', () => {
    expect(splitHeader('Data analyst, 3 years SQL and Python')).toEqual({
      title: 'Data analyst',
      organisation: undefined,
    });
  });
});
