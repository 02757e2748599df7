import { roleWordsOf } from '../cv/role-words.ts';
import type { ConceptMention } from '../match/concept-scan.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import { type Clause, consumeMention, consumeSpan, isConsumed } from './clause-context.ts';
import type { RequirementDraft } from './requirement-draft.ts';

const YEARS =
  /(?:(?:at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than|in\s+excess\s+of|a\s+minimum\s+of)\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s*(?:\+|\s*plus)?\s*(?:(?:-|–|to)\s*(\d{1,2})\s*\+?\s*)?(?:years?|yrs?)(?:['’]s?)?/gi;
const NOT_EXPERIENCE_BEFORE =
  /\b(?:last|past|previous|within|older\s+than|younger\s+than|under|less\s+than|fewer\s+than|no\s+more\s+than|up\s+to|every|each|per|after|for\s+the\s+(?:last|past|next)|next|in\s+the\s+(?:last|past|next))\s*$/i;

/** What may stand between "N years" and the skill it is about: "of", "experience with", "hands-on". */
const SKILL_LEAD =
  /^\s*(?:['’]s?\s*)?(?:of\s+|in\s+|with\s+|using\s+|working\s+(?:with|in|on)\s+|on\s+)?(?:(?:commercial|professional|hands[-\s]on|practical|proven|industry|relevant|production|recent|demonstrable|solid|strong|post[-\s]?qualification)\s+)*(?:experience|exp\.?)?\s*(?:(?:of|in|with|using|working\s+with|on)\s+)?(?:(?:the|a|an)\s+)?$/i;

/** The words between "N years" and the skill they are about: "of", "experience with", "building ... in". */
const SUBJECT_END = /[,;.()]|\s(?:and|including|plus|as\s+well)\b/i;
const MAX_SUBJECT_CHARS = 80;

/** The words after "N years" up to the end of their phrase: what the years are about. */
function subjectSpan(after: string): string {
  const stop = SUBJECT_END.exec(after);
  return after.slice(0, Math.min(stop ? stop.index : after.length, MAX_SUBJECT_CHARS));
}
const OVERALL_SUBJECT =
  /^\s*(?:['’]s?\s*)?(?:of\s+)?(?:(?:post[-\s]?qualification|professional|commercial|industry|relevant|practical|proven|work|working|hands[-\s]on|previous|total|overall)\s+)*(?:experience|exp\.?)\s*(?:in\s+(?:a|an|the)\s+(?:similar|comparable|related)\s+(?:role|position|environment)|in\s+(?:the\s+)?(?:industry|field|sector))?\s*$/i;
const SKILL_BEFORE = /^\s*(?:[:(–-]|experience|exp\.?)?\s*(?:[:(–-])?\s*$/i;
/** Just before a years figure: "(or 5+ years…", "or 5 years…". */
const OR_ROUTE = /(?:\(\s*|\b)or\s+(?:(?:at\s+least|minimum(?:\s+of)?|a\s+minimum\s+of)\s+)?$/i;
const OR_JOIN = /^\s*(?:or|\/|,)\s*$/i;

/**
 * "5+ years of Python" (per skill), "Python: 3 years", "at least 3 years of SQL", or "minimum 2 years'
 * experience" (overall). A range "3-5 years" asks for 3; "0-2 years" asks for nothing.
 */
export function extractYears(clause: Clause, taxonomy: Taxonomy): RequirementDraft[] {
  const drafts: RequirementDraft[] = [];
  for (const m of clause.text.matchAll(YEARS)) {
    if (!m[1]) continue;
    // "no IN10s in the last 5 years", "vehicles under 3 years old": a time window, not experience asked.
    if (
      NOT_EXPERIENCE_BEFORE.test(clause.text.slice(0, m.index)) ||
      /^\s*old\b/i.test(clause.text.slice(m.index + m[0].length))
    ) {
      consumeSpan(clause, m.index, m.index + m[0].length);
      continue;
    }
    const years = numberValue(m[1]);
    const end = m.index + m[0].length;
    consumeSpan(clause, m.index, end);
    if (years <= 0 || years > 30) continue;
    const span = subjectSpan(clause.text.slice(end));
    const subject = OVERALL_SUBJECT.test(span)
      ? undefined
      : (skillsAfter(clause, end, end + span.length) ?? skillsBefore(clause, m.index));
    // "3 years' post-qualification experience (or 5+ years' fee-earning experience for CILEx routes)": a
    // second figure offered as another route is an alternative, so the lower one is what is asked.
    const previous = drafts[drafts.length - 1];
    if (!subject && previous?.yearsScope === 'overall' && OR_ROUTE.test(clause.text.slice(0, m.index))) {
      drafts[drafts.length - 1] = overallYears(Math.min(previous.years ?? years, years));
      continue;
    }
    drafts.push(
      subject
        ? skillYears(clause, taxonomy, years, subject)
        : overallYears(years, asRole(clause.text.slice(end, end + 120))),
    );
  }
  return drafts;
}

/** "experience as a Team Leader or Supervisor in a contact centre": the roles named, up to what follows them. */
const AS_ROLE =
  /^[^.;]*?\bas\s+(?:an?\s+)?([^,.;()]+?)(?=\s+(?:in|on|at|with|within|for|including|where|who|and\s+(?:be|have|can))\b|[,.;()]|$)/i;

function asRole(after: string): { words: string[]; text: string } | undefined {
  const m = AS_ROLE.exec(after);
  const text = m?.[1]?.trim();
  if (!text) return undefined;
  const words = [...roleWordsOf(text)];
  return words.length > 0 ? { words, text } : undefined;
}

function overallYears(years: number, role?: { words: string[]; text: string }): RequirementDraft {
  return {
    ...(role ? { asRole: role.words } : {}),
    kind: 'years',
    label: role ? `${years}+ years as ${role.text}` : `${years}+ years of relevant experience`,
    alternatives: [],
    examples: false,
    years,
    yearsScope: 'overall',
    weight: 1,
  };
}

function skillYears(
  clause: Clause,
  taxonomy: Taxonomy,
  years: number,
  subject: ConceptMention[],
): RequirementDraft {
  for (const mention of subject) consumeMention(clause, mention);
  const labels = subject.map(
    (s) => clause.text.slice(s.start, s.end) || (taxonomy.concepts[s.concept]?.label ?? ''),
  );
  return {
    kind: 'years',
    label: `${years}+ years of ${labels.join(' or ')}`,
    alternatives: subject.map((s, i) => ({ label: labels[i] ?? '', concepts: [s.concept], phrase: [] })),
    examples: false,
    years,
    yearsScope: 'skill',
    weight: 1,
  };
}

function skillsAfter(clause: Clause, from: number, to: number): ConceptMention[] | undefined {
  const first = clause.mentions.find((mn) => mn.start >= from && mn.end <= to && !isConsumed(clause, mn));
  // "5+ years of experience building production APIs": an activity stands between the years and the
  // term, so the years are about that activity (relevant experience), not about the term.
  if (!first || !SKILL_LEAD.test(clause.text.slice(from, first.start))) return undefined;
  const chain = [first];
  for (const next of clause.mentions) {
    const last = chain[chain.length - 1];
    if (!last || next.start <= last.start || isConsumed(clause, next)) continue;
    if (!OR_JOIN.test(clause.text.slice(last.end, next.start))) break;
    chain.push(next);
  }
  return chain;
}

function skillsBefore(clause: Clause, to: number): ConceptMention[] | undefined {
  const before = clause.mentions.filter((mn) => mn.end <= to && !isConsumed(clause, mn));
  const last = before[before.length - 1];
  if (!last || !SKILL_BEFORE.test(clause.text.slice(last.end, to))) return undefined;
  return [last];
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};

export function numberValue(text: string): number {
  return NUMBER_WORDS[text.toLowerCase()] ?? Number(text);
}
