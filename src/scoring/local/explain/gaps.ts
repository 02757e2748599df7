import type { CvProfile } from '../cv/profile.ts';
import type { RequirementMatch } from '../match/requirement-match.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import { clip, formatYears, hitSurface } from './describe.ts';

const MAX_GAPS = 3;

/** Specific, actionable gaps, most important first: missing essentials, weak essentials, then desirables. */
export function buildGaps(
  matches: readonly RequirementMatch[],
  profile: CvProfile,
  taxonomy: Taxonomy,
): string[] {
  const candidates = matches
    .filter((m) => m.status !== 'met' && m.requirement.kind !== 'soft')
    .map((m) => ({ m, order: gapOrder(m) }))
    .sort(
      (a, b) =>
        a.order - b.order ||
        b.m.requirement.weight - a.m.requirement.weight ||
        a.m.requirement.id - b.m.requirement.id,
    );
  const gaps: string[] = [];
  for (const { m } of candidates) {
    if (gaps.length >= MAX_GAPS) break;
    const text = describeGap(m, profile, taxonomy);
    if (text && !gaps.includes(text)) gaps.push(text);
  }
  return gaps;
}

function gapOrder(m: RequirementMatch): number {
  const essential = m.requirement.importance === 'essential';
  if (m.requirement.kind === 'title') return 5;
  if (essential) return m.status === 'missing' ? 0 : 1;
  return m.status === 'missing' ? 2 : 3;
}

function describeGap(m: RequirementMatch, profile: CvProfile, taxonomy: Taxonomy): string | undefined {
  const r = m.requirement;
  const prefix = r.importance === 'essential' ? 'Essential' : 'Desirable';
  if (r.kind === 'title') return `${prefix}: no previous role as ${clip(r.label, 60)}`;
  if (r.kind === 'years') return yearsGap(m, prefix);
  if (r.kind === 'degree') {
    return m.degree
      ? `${prefix}: ${r.label} asked; CV shows ${clip(m.degree.text, 60)}`
      : `${prefix}: no ${r.label} found`;
  }
  if (m.status === 'missing') {
    if (r.kind === 'certification') return `${prefix}: no ${r.label} mentioned`;
    if (r.kind === 'language') return `${prefix}: no ${r.label} language skills mentioned`;
    if (r.kind === 'phrase') return `${prefix}: no evidence of ${r.label}`;
    return `${prefix}: no ${r.label} experience mentioned`;
  }
  const best = m.best;
  if (best?.via === 'related' && best.concept !== undefined) {
    return `${prefix}: ${r.label} not shown; closest is ${hitSurface(profile, best) || taxonomy.concepts[best.concept]?.label}`;
  }
  if (best?.via === 'partial-phrase') return `${prefix}: only partial evidence of ${r.label}`;
  if (r.examples) return `${prefix}: only one of ${r.label} shown`;
  if (best && profile.lines[best.line]?.section === 'skills') {
    return `${prefix}: ${r.label} only listed among skills, with no role or project showing it`;
  }
  return `${prefix}: little evidence of ${r.label}`;
}

function yearsGap(m: RequirementMatch, prefix: string): string {
  const r = m.requirement;
  const subject =
    r.yearsScope === 'overall' ? 'relevant experience' : r.alternatives.map((a) => a.label).join(' or ');
  if (m.credit === 0 || m.years === undefined) {
    return r.yearsScope === 'overall'
      ? `${prefix}: no dated relevant experience found (${r.years}+ years required)`
      : `${prefix}: no ${subject} experience mentioned (${r.years}+ years required)`;
  }
  if (m.years === 0)
    return `${prefix}: ${subject} mentioned but no dated experience to show ${r.years}+ years`;
  return `${prefix}: ${formatYears(m.years)} of ${subject} against ${r.years}+ required`;
}
