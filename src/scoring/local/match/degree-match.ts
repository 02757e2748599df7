import { DEGREE_RANK, degreeSubjectText } from '../cv/degrees.ts';
import type { CvDegree } from '../cv/profile.ts';
import type { Requirement } from '../jobspec/types.ts';
import { contentStems } from '../text/tokenize.ts';
import { type RequirementMatch, statusOf } from './requirement-match.ts';

const WRONG_FIELD = 0.6;
const RELATED_FIELD = 0.8;
const ONE_LEVEL_SHORT = 0.5;
const FURTHER_SHORT = 0.2;

/** The best degree for the requirement: level at least as asked, in the field asked (or any, if none). */
export function evaluateDegree(requirement: Requirement, degrees: readonly CvDegree[]): RequirementMatch {
  const asked = requirement.degree;
  let best: { credit: number; degree: CvDegree | undefined } = { credit: 0, degree: undefined };
  for (const degree of degrees) {
    const credit = asked ? degreeCredit(asked.level, asked.fieldStems, asked.relatedAccepted, degree) : 1;
    if (credit > best.credit) best = { credit, degree };
  }
  return {
    requirement,
    credit: best.credit,
    status: statusOf(best.credit),
    best: undefined,
    entry: undefined,
    ...(best.degree ? { degree: best.degree } : {}),
  };
}

function degreeCredit(
  level: CvDegree['level'],
  fieldStems: readonly string[],
  relatedAccepted: boolean,
  degree: CvDegree,
): number {
  const shortfall = DEGREE_RANK[level] - DEGREE_RANK[degree.level];
  const levelCredit = shortfall <= 0 ? 1 : shortfall === 1 ? ONE_LEVEL_SHORT : FURTHER_SHORT;
  if (fieldStems.length === 0) return levelCredit;
  const stems = new Set(contentStems(degreeSubjectText(degree.text)));
  const fieldShown = fieldStems.some((s) => stems.has(s));
  return levelCredit * (fieldShown ? 1 : relatedAccepted ? RELATED_FIELD : WRONG_FIELD);
}
