import { describe, expect, it } from 'vitest';
import type { EngineScore } from '../../../../src/domain/candidate-result.ts';
import { scoreOne, useLocalEngine } from '../fixtures/scoring.ts';
import type { JobFixture } from '../fixtures/types.ts';

const engine = useLocalEngine();

function outcomeFor(result: EngineScore, pattern: RegExp) {
  return (result.requirements ?? []).find((r) => pattern.test(r.requirement));
}

describe('years in the advertised role', () => {
  const job: JobFixture = {
    id: 'hgv-driver',
    title: 'HGV Class 1 Driver',
    adTerms: [],
    spec: `HGV Class 1 Driver

Essential
- Full UK Cat C+E licence
- Driver CPC qualification card
- Coupling and uncoupling, walk-round checks and paperwork
`,
  };
  const cv = (roles: string) => `Licences: UK C+E, Driver CPC (DQC valid 2028).

Experience
${roles}
`;

  it('credit unstated everyday duties to someone who has done the job, without claiming them', async () => {
    const veteran = await scoreOne(engine, job, cv('Class 1 Driver, Northway Logistics — 2018 – present'));
    const newcomer = await scoreOne(
      engine,
      job,
      cv('Class 1 Driver, Northway Logistics — Jun 2026 – present'),
    );
    expect(veteran.score).toBeGreaterThan(newcomer.score);
    expect(outcomeFor(veteran, /uncoupling|walk-round|paperwork/i)?.status).toBe('missing');
  });

  it('never from another role', async () => {
    const veteran = await scoreOne(engine, job, cv('Class 1 Driver, Northway Logistics — 2018 – present'));
    const other = await scoreOne(engine, job, cv('Warehouse Operative, Northway Logistics — 2018 – present'));
    expect(veteran.score).toBeGreaterThan(other.score);
  });
});

describe('post-qualification experience', () => {
  const job: JobFixture = {
    id: 'staff-nurse',
    title: 'Staff Nurse',
    adTerms: [],
    spec: `Staff Nurse

Essential
- Registered Nurse with live NMC registration
- Minimum 2 years' post-registration experience as a nurse in an acute hospital
`,
  };

  it('counts no student or pre-registration roles', async () => {
    const result = await scoreOne(
      engine,
      job,
      `NMC Registered Nurse (Adult), PIN 25I3321E.

Employment
Staff Nurse, Ward 14 General Surgery, St James's Hospital — Jan 2026 – present
Student Nurse, University of Leeds — 2022 – 2025
Healthcare Assistant, St James's Hospital — 2019 – 2022
`,
    );
    expect(outcomeFor(result, /years/)?.status).not.toBe('met');
  });
});

describe('years as a named role', () => {
  const job: JobFixture = {
    id: 'cs-team-leader',
    title: 'Customer Service Team Leader',
    adTerms: [],
    spec: `Customer Service Team Leader

Must have
- At least 2 years' experience as a Team Leader or Supervisor in a contact centre
- Experience managing performance against KPIs such as AHT, CSAT and FCR
`,
  };

  it('count only the time in that role', async () => {
    const result = await scoreOne(
      engine,
      job,
      `Experience
Team Leader — Highland Telecom contact centre — Mar 2026 – present
- Team of 10 advisors, KPI reviews (AHT, CSAT, FCR)
Customer Service Advisor — Highland Telecom contact centre — 2020 – 2026
`,
    );
    expect(outcomeFor(result, /years/)?.status).not.toBe('met');
  });
});
