import type { CvProfile } from '../cv/profile.ts';
import type { RequirementMatch } from '../match/requirement-match.ts';
import { clip, describeEntry, formatYears, hitSurface, joinLabels, snippetAround } from './describe.ts';

const MAX_REASONS = 4;
const REASON_MIN_CREDIT = 0.7;
const SKILL_KINDS = new Set(['skill', 'technology', 'tool', 'knowledge', 'phrase']);

/**
 * The strongest specific evidence, each citing the CV: years with role and dates, certifications and
 * degrees as written, skills with the role or project that shows them. Skills shown in the same role are
 * told in one reason so that four reasons say as much as possible.
 */
export function buildReasons(matches: readonly RequirementMatch[], profile: CvProfile): string[] {
  const ranked = matches
    .filter((m) => m.credit >= REASON_MIN_CREDIT && m.requirement.kind !== 'soft')
    .sort(
      (a, b) =>
        rank(b) - rank(a) ||
        b.credit * b.requirement.weight - a.credit * a.requirement.weight ||
        a.requirement.id - b.requirement.id,
    );
  const reasons: string[] = [];
  const usedEntries = new Set<number>();
  for (const m of ranked) {
    if (reasons.length >= MAX_REASONS) break;
    if (SKILL_KINDS.has(m.requirement.kind) && m.entry?.kind === 'work') {
      if (usedEntries.has(m.entry.id)) continue;
      usedEntries.add(m.entry.id);
      const sameRole = ranked.filter(
        (o) => SKILL_KINDS.has(o.requirement.kind) && o.entry?.id === m.entry?.id && o.best,
      );
      const labels = unique(
        sameRole.map((o) => (o.best ? hitSurface(profile, o.best) : o.requirement.label)),
      ).slice(0, 4);
      reasons.push(`${joinLabels(labels)} used as ${describeEntry(m.entry)}`);
      continue;
    }
    const reason = describeMatch(m, profile);
    if (reason && !reasons.includes(reason)) reasons.push(reason);
  }
  return reasons;
}

function rank(m: RequirementMatch): number {
  const essential = m.requirement.importance === 'essential' ? 10 : 0;
  const kind =
    m.requirement.kind === 'years'
      ? 3
      : m.requirement.kind === 'certification'
        ? 2
        : m.requirement.kind === 'title'
          ? 0
          : 1;
  return essential + kind;
}

function describeMatch(m: RequirementMatch, profile: CvProfile): string | undefined {
  const r = m.requirement;
  const latest = m.yearEntries?.[m.yearEntries.length - 1];
  switch (r.kind) {
    case 'years': {
      if (m.years === undefined || m.years < (r.years ?? 0)) return undefined;
      const subject =
        r.yearsScope === 'overall'
          ? 'relevant experience'
          : (r.alternatives[m.best?.alt ?? 0]?.label ?? r.label);
      const where = latest ? ` (${describeEntry(latest)})` : '';
      return `${formatYears(m.years)} of ${subject}${where}, meets the ${r.years}+ years required`;
    }
    case 'title':
      return m.entry ? `Has worked as ${describeEntry(m.entry)}, matching the advertised role` : undefined;
    case 'degree':
      return m.degree ? `${clip(m.degree.text, 80)}, meets the degree requirement` : undefined;
    default: {
      if (!m.best) return undefined;
      const surface = hitSurface(profile, m.best);
      if (m.entry?.kind === 'project')
        return `${surface} applied in a project: “${snippetAround(profile, m.best)}”`;
      const section = profile.lines[m.best.line]?.section;
      if (section === 'skills') return `${surface} listed among skills`;
      return `${surface}: “${snippetAround(profile, m.best)}”`;
    }
  }
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
