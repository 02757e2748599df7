import type { CvEntry } from '../cv/entries.ts';
import { roleWordsOf } from '../cv/role-words.ts';
import type { Requirement } from '../jobspec/types.ts';
import type { CvEvidence } from './cv-evidence.ts';
import { round1, uniqueEntries } from './evaluate-requirement.ts';
import { type RequirementMatch, statusOf } from './requirement-match.ts';

/**
 * "5+ years of relevant experience": the dated roles that show the job's requirements or its title count;
 * unrelated jobs do not. A general claim ("10 years' experience") counts only when the CV has no dates.
 */
/** Training roles (student, trainee, placement) and part-time roles count for part of their time. */
const TRAINING_ROLE =
  /\b(?:student|trainee|intern|internship|placement|apprentice|volunteer|voluntary|work\s+experience)\b/i;
const PART_TIME = /\bpart[-\s]?time\b/i;
const TRAINING_WEIGHT = 0.25;
const PART_TIME_WEIGHT = 0.5;
/** A role that shows the job's requirements but is not the advertised role counts this much. */
const RELATED_ROLE_WEIGHT = 0.6;

function entryWeight(entry: CvEntry, sameRole: boolean): number {
  const text = `${entry.title ?? ''} ${entry.header}`;
  let weight = sameRole ? 1 : RELATED_ROLE_WEIGHT;
  if (TRAINING_ROLE.test(text)) weight = Math.min(weight, TRAINING_WEIGHT);
  if (PART_TIME.test(text)) weight *= PART_TIME_WEIGHT;
  return weight;
}

/** Months of experience, each month counted once at the weight of the best role held that month. */
function weightedMonths(entries: readonly CvEntry[], sameRoleIds: ReadonlySet<number>): number {
  const byMonth = new Map<number, number>();
  for (const e of entries) {
    const w = entryWeight(e, sameRoleIds.has(e.id));
    for (let m = e.range.start; m < e.range.end; m++) byMonth.set(m, Math.max(byMonth.get(m) ?? 0, w));
  }
  let total = 0;
  for (const w of byMonth.values()) total += w;
  return total;
}

/** "3 years' post-qualification experience", "post-registration", "PQE": only time as a qualified professional. */
const POST_QUALIFICATION = /\bpost[-\s]?(?:qualification|qualifying|qualified|registration)\b|\bPQE\b/i;

/**
 * Post-qualification experience: training roles do not count at all, nor roles that ended before the
 * first qualified role in the advertised occupation (a care assistant's years before a nurse's registration).
 */
function afterQualifying(entries: readonly CvEntry[], sameRoleIds: ReadonlySet<number>): CvEntry[] {
  const qualified = entries.filter((e) => !TRAINING_ROLE.test(`${e.title ?? ''} ${e.header}`));
  const starts = qualified.filter((e) => sameRoleIds.has(e.id)).map((e) => e.range.start);
  if (starts.length === 0) return qualified;
  const from = Math.min(...starts);
  return qualified.filter((e) => e.range.end > from);
}

export function evaluateOverallYears(
  requirement: Requirement,
  evidence: CvEvidence,
  relevantEntryIds: ReadonlySet<number>,
  sameRoleIds: ReadonlySet<number> = relevantEntryIds,
): RequirementMatch {
  const { profile } = evidence;
  const relevant = uniqueEntries(
    profile.entries.filter((e) => e.kind === 'work' && relevantEntryIds.has(e.id)),
  );
  const asRole = requirement.asRole;
  // "2 years' experience as a Team Leader": years in roles with that role noun, and only those, count in full.
  const inRole =
    asRole && asRole.length > 0
      ? uniqueEntries(
          profile.entries.filter(
            (e) => e.kind === 'work' && [...roleWordsOf(e.title ?? e.header)].some((w) => asRole.includes(w)),
          ),
        )
      : undefined;
  const roleIds = inRole ? new Set(inRole.map((e) => e.id)) : sameRoleIds;
  const counted = inRole ?? relevant;
  const entries = POST_QUALIFICATION.test(requirement.source) ? afterQualifying(counted, roleIds) : counted;
  const fromEntries = weightedMonths(entries, roleIds) / 12;
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
