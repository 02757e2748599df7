import type { CvLine } from './cv-lines.ts';

/** "7 years of Python", "Python (5 yrs)", "over 10 years' experience in nursing". */
export interface YearClaim {
  readonly years: number;
  readonly line: number;
  /** Character span (in the CV text) of what the claim is about. */
  readonly subjectStart: number;
  readonly subjectEnd: number;
  /** The claim is about experience in general ("10 years' experience", "8 years in industry"). */
  readonly general: boolean;
  readonly text: string;
}

const CLAIM =
  /(?:over|more\s+than|nearly|almost|about|around|approximately|circa|c\.)?\s*(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)(?:['’]s?)?/gi;
const GENERAL_SUBJECT =
  /^(?:of\s+|in\s+)?(?:(?:post[-\s]?qualification|professional|commercial|industry|relevant|hands[-\s]on|practical|working|work|total|combined|progressive|extensive|proven|clinical)\s+)*(?:experience|exp\.?|in\s+(?:the\s+)?industry|in\s+(?:the\s+)?(?:field|sector|profession))\b/i;

export function findYearClaims(lines: readonly CvLine[]): YearClaim[] {
  const claims: YearClaim[] = [];
  for (const line of lines) {
    if (line.heading || !/\d/.test(line.text) || !/\b(?:y(?:ea)?rs?|m(?:on)?ths?)\b/i.test(line.text))
      continue;
    for (const m of line.text.matchAll(CLAIM)) {
      const years = Number(m[1]);
      if (!(years > 0 && years <= 50)) continue;
      const at = m.index + m[0].length;
      const after = line.text.slice(at);
      const subjectAfter = /^[^.;\n]{0,70}/.exec(after)?.[0] ?? '';
      const beforeText = line.text.slice(0, m.index);
      const beforeStart = Math.max(beforeText.search(/[^,;|•.]*$/), m.index - 50);
      const general =
        GENERAL_SUBJECT.test(subjectAfter.trim()) || /experience\s*$/i.test(subjectAfter.trim());
      claims.push({
        years,
        line: line.index,
        subjectStart: line.start + Math.max(0, beforeStart),
        subjectEnd: line.start + at + subjectAfter.length,
        general,
        text: line.text.slice(m.index, at + subjectAfter.length).trim(),
      });
    }
  }
  return claims;
}
