import type { CvProfile } from '../cv/profile.ts';
import type { ParsedJob, Requirement } from '../jobspec/types.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import type { CvEvidence } from './cv-evidence.ts';
import { evaluateDegree } from './degree-match.ts';
import { evaluateRequirement } from './evaluate-requirement.ts';
import { collectHits, type Hit } from './hits.ts';
import { evaluateOverallYears } from './overall-years.ts';
import { type RequirementMatch, statusOf } from './requirement-match.ts';
import { matchTitle } from './title-match.ts';

/** Matches every requirement of a job against one CV, with the lines found to be stuffing excluded. */
export function matchJob(
  job: ParsedJob,
  evidence: CvEvidence,
  taxonomy: Taxonomy,
  excludedLines: ReadonlySet<number>,
  hitsByRequirement: readonly (readonly Hit[])[],
): RequirementMatch[] {
  const profile = evidence.profile;
  const title = matchTitle(job, profile, taxonomy);
  const matches: (RequirementMatch | undefined)[] = job.requirements.map((r, i) => {
    if (r.kind === 'years' && r.yearsScope === 'overall') return undefined;
    if (r.kind === 'degree') return evaluateDegree(r, usableDegrees(profile, excludedLines));
    if (r.kind === 'title') {
      return {
        requirement: r,
        credit: title.similarity,
        status: statusOf(title.similarity),
        best: undefined,
        entry: title.entry,
      };
    }
    const hits = (hitsByRequirement[i] ?? []).filter((h) => !excludedLines.has(h.line));
    return evaluateRequirement(r, hits, evidence);
  });
  const relevant = relevantEntries(job, hitsByRequirement, excludedLines, profile);
  const sameRole = new Set(title.sameRoleEntries.map((e) => e.id));
  for (const id of sameRole) relevant.add(id);
  const roleFit = sameRoleFit(title.similarity, evidence, sameRole);
  return job.requirements.map((r, i) => {
    const m = matches[i];
    if (!m) return evaluateOverallYears(r, evidence, relevant, sameRole);
    const out = r.kind === 'years' && sameRole.size > 0 ? withSameRoleYears(m, evidence, sameRole) : m;
    return withRoleImpliedCredit(out, roleFit);
  });
}

/**
 * Someone who has held the advertised role for a while has, in all likelihood, done its everyday duties and
 * shown its soft skills, even if the CV does not spell them out ("coupling and uncoupling" for a Class 1
 * driver, "electronic patient records" or "written communication" for a nurse). Skills, knowledge, unknown
 * phrases and soft skills — written in too many ways for their absence to be certain — get a floor of
 * credit from the role, in proportion to the title match and to the years in it. Checkable requirements
 * (licences, degrees, named technologies, years, languages) never do. The status stays what the CV's words
 * show, so explanations never claim evidence that is not there.
 */
const ROLE_IMPLIED_CREDIT = 0.75;
/** Years in the advertised role for the floor to apply in full. */
const ROLE_IMPLIED_YEARS = 3;
const ROLE_IMPLIED_KINDS: ReadonlySet<string> = new Set(['phrase', 'soft', 'skill', 'knowledge']);

function sameRoleFit(similarity: number, evidence: CvEvidence, sameRole: ReadonlySet<number>): number {
  if (sameRole.size === 0) return 0;
  const years = evaluateOverallYears(ANY_YEARS, evidence, sameRole).years ?? 0;
  return similarity * Math.min(1, years / ROLE_IMPLIED_YEARS);
}

function withRoleImpliedCredit(m: RequirementMatch, roleFit: number): RequirementMatch {
  const floor = ROLE_IMPLIED_CREDIT * roleFit;
  return ROLE_IMPLIED_KINDS.has(m.requirement.kind) && m.credit < floor ? { ...m, credit: floor } : m;
}

/** A years requirement of one year, used only to count the years spent in the advertised role. */
const ANY_YEARS: Requirement = {
  id: -1,
  kind: 'years',
  importance: 'essential',
  weight: 1,
  explicit: false,
  label: '',
  alternatives: [],
  examples: false,
  years: 1,
  yearsScope: 'overall',
  source: '',
};

/** Years in the advertised role itself show years of its core skill ("3+ years of B2B sales" for an AE). */
const SAME_ROLE_YEARS_FACTOR = 0.85;

function withSameRoleYears(
  m: RequirementMatch,
  evidence: CvEvidence,
  sameRole: ReadonlySet<number>,
): RequirementMatch {
  if (m.credit >= SAME_ROLE_YEARS_FACTOR) return m;
  const role = evaluateOverallYears(m.requirement, evidence, sameRole);
  const credit = role.credit * SAME_ROLE_YEARS_FACTOR;
  return credit > m.credit ? { ...role, credit, status: statusOf(credit) } : m;
}

export function collectAllHits(
  job: ParsedJob,
  evidence: CvEvidence,
  taxonomy: Taxonomy,
  excluded?: ReadonlySet<number>,
): Hit[][] {
  return job.requirements.map((r: Requirement) =>
    r.kind === 'degree' || r.kind === 'title' || (r.kind === 'years' && r.yearsScope === 'overall')
      ? []
      : collectHits(r, evidence, taxonomy, excluded),
  );
}

function usableDegrees(profile: CvProfile, excludedLines: ReadonlySet<number>) {
  return profile.degrees.filter((d) => !excludedLines.has(d.line));
}

/** Roles that show any of the job's hard requirements. */
function relevantEntries(
  job: ParsedJob,
  hitsByRequirement: readonly (readonly Hit[])[],
  excludedLines: ReadonlySet<number>,
  profile: CvProfile,
): Set<number> {
  const ids = new Set<number>();
  job.requirements.forEach((r, i) => {
    if (r.kind === 'soft') return;
    for (const h of hitsByRequirement[i] ?? []) {
      if (h.via === 'related' || h.via === 'partial-phrase' || excludedLines.has(h.line)) continue;
      const entry = profile.entries[profile.lineEntry[h.line] ?? -1];
      if (entry?.kind === 'work') ids.add(entry.id);
    }
  });
  return ids;
}
