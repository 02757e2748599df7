import { coveredMonths } from '../cv/date-ranges.ts';
import type { CvEntry } from '../cv/entries.ts';
import type { Requirement } from '../jobspec/types.ts';
import type { CvEvidence } from './cv-evidence.ts';
import { round1, uniqueEntries } from './evaluate-requirement.ts';
import { type RequirementMatch, statusOf } from './requirement-match.ts';

/**
 * "5+ years of relevant experience": the dated roles that show the job's requirements or its title count;
 * unrelated jobs do not. A general claim ("10 years' experience") counts only when the CV has no dates.
 */
export function evaluateOverallYears(
  requirement: Requirement,
  evidence: CvEvidence,
  relevantEntryIds: ReadonlySet<number>,
): RequirementMatch {
  const { profile } = evidence;
  const entries = uniqueEntries(
    profile.entries.filter((e) => e.kind === 'work' && relevantEntryIds.has(e.id)),
  );
  const fromEntries = coveredMonths(entries.map((e) => e.range)) / 12;
  const hasDatedWork = profile.entries.some((e) => e.kind === 'work');
  const claimed = hasDatedWork
    ? 0
    : Math.max(0, ...profile.yearClaims.filter((c) => c.general).map((c) => c.years));
  const years = Math.max(fromEntries, claimed);
  const required = requirement.years ?? 1;
  const credit = Math.min(1, years / required);
  const latest: CvEntry | undefined = entries[entries.length - 1];
  return {
    requirement,
    credit,
    status: statusOf(credit),
    best: undefined,
    entry: latest,
    years: round1(years),
    yearEntries: entries,
  };
}
