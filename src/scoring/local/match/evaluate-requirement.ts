import { coveredMonths } from '../cv/date-ranges.ts';
import type { CvEntry } from '../cv/entries.ts';
import type { Requirement } from '../jobspec/types.ts';
import type { CvEvidence } from './cv-evidence.ts';
import type { Hit } from './hits.ts';
import { type RequirementMatch, statusOf } from './requirement-match.ts';

/** A qualified term ("async Python") shown without its qualifier: the head noun is still there. */
const HEAD_FALLBACK_FACTOR = 0.65;
/** The term shown is only a modifier of what is asked ("Logistic" of "Logistic Regression"). */
const MODIFIER_FALLBACK_FACTOR = 0.25;
const SINGLE_EXAMPLE_FACTOR = 0.8;
const YEARS_UNKNOWN_FACTOR = 0.5;

/** Credit of each alternative: compounds need every part, phrases fall back to their concept. */
function alternativeCredits(requirement: Requirement, hits: readonly Hit[]): number[] {
  return requirement.alternatives.map((alt, a) => {
    const own = hits.filter((h) => h.alt === a);
    const best = (pred: (h: Hit) => boolean) => Math.max(0, ...own.filter(pred).map((h) => h.strength));
    const conceptCredit =
      alt.concepts.length === 0
        ? 0
        : alt.concepts.reduce((sum, _c, part) => sum + best((h) => h.part === part), 0) / alt.concepts.length;
    if (alt.phrase.length === 0) return conceptCredit;
    return Math.max(
      best((h) => h.via === 'phrase'),
      best((h) => h.via === 'partial-phrase'),
      conceptCredit * (alt.headConcept ? HEAD_FALLBACK_FACTOR : MODIFIER_FALLBACK_FACTOR),
    );
  });
}

function presenceCredit(requirement: Requirement, hits: readonly Hit[]): number {
  const credits = alternativeCredits(requirement, hits);
  const top = Math.max(0, ...credits);
  if (!requirement.examples) return top;
  const shown = credits.filter((c) => c >= 0.6).length;
  return shown >= 2 ? top : top * SINGLE_EXAMPLE_FACTOR;
}

function bestHit(hits: readonly Hit[]): Hit | undefined {
  return hits.reduce<Hit | undefined>(
    (best, h) => (!best || h.strength > best.strength ? h : best),
    undefined,
  );
}

function entryOf(evidence: CvEvidence, hit: Hit | undefined): CvEntry | undefined {
  return hit ? evidence.profile.entries[evidence.profile.lineEntry[hit.line] ?? -1] : undefined;
}

export function evaluateRequirement(
  requirement: Requirement,
  hits: readonly Hit[],
  evidence: CvEvidence,
): RequirementMatch {
  const best = bestHit(hits);
  const presence = presenceCredit(requirement, hits);
  if (requirement.kind === 'years' && requirement.yearsScope === 'skill') {
    return evaluateSkillYears(requirement, hits, evidence, presence, best);
  }
  return { requirement, credit: presence, status: statusOf(presence), best, entry: entryOf(evidence, best) };
}

/**
 * Years of a skill: every dated role that mentions it counts for its whole span (overlaps once); an
 * explicit claim ("7 years of Python") counts too. A shortfall earns credit in proportion.
 */
function evaluateSkillYears(
  requirement: Requirement,
  hits: readonly Hit[],
  evidence: CvEvidence,
  presence: number,
  best: Hit | undefined,
): RequirementMatch {
  const direct = hits.filter((h) => h.via === 'exact' || h.via === 'implied');
  const entries = uniqueEntries(
    direct.map((h) => entryOf(evidence, h)).filter((e): e is CvEntry => e?.kind === 'work'),
  );
  const fromEntries = coveredMonths(entries.map((e) => e.range)) / 12;
  const claimed = Math.max(
    0,
    ...evidence.profile.yearClaims
      .filter((c) => direct.some((h) => h.start >= c.subjectStart && h.end <= c.subjectEnd))
      .map((c) => c.years),
  );
  const years = Math.max(fromEntries, claimed);
  const required = requirement.years ?? 1;
  const credit =
    presence === 0
      ? 0
      : years > 0
        ? Math.max(presence, 0.9) * Math.min(1, years / required)
        : presence * YEARS_UNKNOWN_FACTOR;
  const chosen = bestHit(direct) ?? best;
  return {
    requirement,
    credit,
    status: statusOf(credit),
    best: chosen,
    entry: entryOf(evidence, chosen),
    years: round1(years),
    yearEntries: entries,
  };
}

export function uniqueEntries(entries: readonly CvEntry[]): CvEntry[] {
  const seen = new Set<number>();
  return entries
    .filter((e) => !seen.has(e.id) && seen.add(e.id) !== undefined)
    .sort((a, b) => a.range.start - b.range.start);
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
