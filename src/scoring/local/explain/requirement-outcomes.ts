import type { RequirementOutcome } from '../../../domain/candidate-result.ts';
import type { CvProfile } from '../cv/profile.ts';
import type { RequirementMatch } from '../match/requirement-match.ts';
import { clip, describeEntry, formatYears, snippetAround } from './describe.ts';

/** The additive `requirements` field: each requirement, its importance, the outcome and its evidence. */
export function requirementOutcomes(
  matches: readonly RequirementMatch[],
  profile: CvProfile,
): RequirementOutcome[] {
  return matches.map((m) => ({
    requirement: m.requirement.label,
    kind: m.requirement.kind,
    importance: m.requirement.importance,
    status: m.status,
    evidence: evidenceOf(m, profile),
  }));
}

function evidenceOf(m: RequirementMatch, profile: CvProfile): string | null {
  if (m.status === 'missing' && m.credit === 0) return null;
  if (m.requirement.kind === 'years' && m.years !== undefined && m.years > 0) {
    const latest = m.yearEntries?.[m.yearEntries.length - 1];
    return latest ? `${formatYears(m.years)} (${describeEntry(latest)})` : formatYears(m.years);
  }
  if (m.degree) return clip(m.degree.text, 100);
  if (m.best) return snippetAround(profile, m.best);
  if (m.entry) return describeEntry(m.entry);
  return null;
}
