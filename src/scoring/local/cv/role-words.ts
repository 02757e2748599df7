/**
 * Head nouns of job titles across professions. Used to tell a job title from an employer or a place in an
 * entry header ("Staff Nurse, St Mary's Hospital"), alongside the taxonomy's title list.
 */
export const ROLE_HEAD_WORDS: ReadonlySet<string> = new Set(
  `engineer engineers developer developers programmer architect administrator admin analyst scientist consultant
  manager director head lead officer executive assistant associate coordinator co-ordinator supervisor specialist
  technician technologist nurse midwife doctor physician surgeon gp pharmacist therapist physiotherapist dentist
  paramedic carer caregiver worker practitioner counsellor counselor psychologist radiographer sonographer
  teacher tutor lecturer professor instructor trainer teaching headteacher principal educator coach mentor
  leader accountant bookkeeper controller auditor actuary cashier clerk treasurer economist underwriter banker broker
  driver operative operator picker packer loader courier warehouse forklift porter handler dispatcher
  chef cook sous commis waiter waitress bartender barista server host receptionist housekeeper concierge
  electrician plumber carpenter joiner mechanic fitter welder bricklayer plasterer labourer laborer roofer
  decorator painter surveyor estimator foreman inspector installer machinist fabricator tradesman apprentice
  solicitor lawyer attorney paralegal barrister counsel clerk advocate notary
  salesperson representative rep advisor adviser agent account executive negotiator buyer merchandiser
  recruiter marketer designer writer editor journalist copywriter producer photographer artist animator
  partner owner founder ceo cto cfo coo vp president chairman intern trainee graduate volunteer
  researcher fellow postdoc student tester qa sre devops dba`
    .split(/\s+/)
    .filter(Boolean),
);

export const SENIORITY_WORDS: Readonly<Record<string, number>> = {
  intern: 0,
  trainee: 0,
  apprentice: 0,
  graduate: 0,
  junior: 1,
  assistant: 1,
  associate: 2,
  mid: 2,
  intermediate: 2,
  senior: 3,
  sr: 3,
  lead: 4,
  principal: 4,
  head: 5,
  manager: 4,
  director: 5,
  chief: 6,
  vp: 6,
};

/** The role nouns of a title as words, plurals folded: "Senior Engineers" → engineer; "Accounts" is none. */
export function roleWordsOf(title: string): Set<string> {
  const words = new Set<string>();
  for (const raw of title.toLowerCase().match(/[a-z][a-z-]*/g) ?? []) {
    const singular = raw.endsWith('s') && ROLE_HEAD_WORDS.has(raw.slice(0, -1)) ? raw.slice(0, -1) : raw;
    if (ROLE_HEAD_WORDS.has(singular)) words.add(singular);
  }
  return words;
}
