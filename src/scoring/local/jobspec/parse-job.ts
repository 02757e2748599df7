import { longestNonOverlapping, scanConcepts } from '../match/concept-scan.ts';
import { countStems, termVector, withConcepts } from '../match/similarity.ts';
import { normalizeText } from '../prepare/normalize.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import { contentStems, tokenize } from '../text/tokenize.ts';
import { loadWordWeights } from '../text/word-weights.ts';
import { readClause } from './clause-context.ts';
import { extractDegree } from './degree-requirement.ts';
import { isEmployerStatement, withoutEmployerAsides } from './employer-statement.ts';
import {
  inlineImportance,
  NEGATIVE_STATEMENT,
  REQUIREMENT_WORDING,
  withoutTrailingSoftener,
} from './importance.ts';
import { findJobTitle } from './job-title.ts';
import { extractLanguages } from './language-requirement.ts';
import { extractListItems } from './list-items.ts';
import { mergeRequirements, type SourcedDraft } from './merge-requirements.ts';
import { splitSentences } from './sentences.ts';
import { shinglesOf } from './shingles.ts';
import {
  type HeadingRole,
  ITEM_NUMBERING,
  inlineSpecHeading,
  type SpecSectionRole,
  specHeadingRole,
} from './spec-sections.ts';
import { SPEC_FRAMING_WORDS } from './spec-vocabulary.ts';
import type { Importance, ParsedJob, Requirement } from './types.ts';
import { extractYears } from './years-requirement.ts';

/** How to apply, what the process is, what is offered: said in passing in chatty ads, never required. */
const APPLICATION_SENTENCE =
  /^\s*(?:to\s+apply|how\s+to\s+apply|apply\b|please\s+(?:apply|send|submit|upload|email|contact)|send\s+(?:your|us)|click\s+apply|our\s+(?:process|hiring\s+process|interview)|interviews?\s+(?:will|include)|perks|benefits|we\s+offer|in\s+return|salary|closing\s+date|we\s+(?:are|'re)\s+an\s+equal|equal\s+opportunit)/i;

/** Statements every ad may carry, anywhere in a sentence. */
const BOILERPLATE =
  /\bequal\s+opportunit(?:y|ies)\b|\bwe\s+(?:welcome|encourage)\s+applications\b|\bregardless\s+of\s+(?:age|race|gender|sex|religion|background|disability)\b/i;

/** "Reports to:", "Grade:", "Hours:" — the ad's admin fields, not requirements. */
const ADMIN_FIELD =
  /^\s*(?:reports?\s+to|responsible\s+to|line\s+manager|grade(?:\s*\/\s*salary)?|band|salary|pay|hours|working\s+(?:hours|pattern)|location|base|based|department|team|directorate|division|organi[sz]ation|company|employer|contract(?:\s+type)?|closing\s+date|start\s+date|interview\s+date|reference|ref|job\s+ref(?:erence)?|vacancy\s+(?:no|number|ref)|post|position|job\s+title|title|role)\s*[:\-–|]/i;

/**
 * Person specifications mark each criterion E (essential) or D (desirable): in a column at the end of the
 * line ("QTS or QTLS      E"), or as a code before it ("E1 CIPD Level 5", "D4 Welsh").
 */
function personSpecCode(text: string): { text: string; role?: 'essential' | 'desirable' } {
  const trailing = /\s+\(?([ED])\)?\s*$/.exec(text);
  if (trailing?.[1])
    return { text: text.slice(0, trailing.index), role: trailing[1] === 'E' ? 'essential' : 'desirable' };
  const leading = /^\s*([ED])\d{1,2}[.:)]?\s+/.exec(text);
  if (leading?.[1])
    return { text: text.slice(leading[0].length), role: leading[1] === 'E' ? 'essential' : 'desirable' };
  return { text };
}

/** A category heading keeps an essential or desirable section going; elsewhere it opens requirements. */
function nextRole(current: SpecSectionRole, heading: HeadingRole): SpecSectionRole {
  if (heading !== 'category') return heading;
  return current === 'essential' || current === 'desirable' ? current : 'essential';
}

/** Weight of an essential read from wording ("you should be comfortable…"), not marked as essential. */
const INFERRED_FACTOR = 0.6;
/** Weight of a skill named only among the duties when the ad has explicit requirement sections. */
const DUTY_FACTOR = 0.6;
/** Weight of each detail listed after a requirement's own label ("PostgreSQL: indexing, migrations"). */
const DETAIL_FACTOR = 0.4;
const LEAD_LABEL = /^([^:–—]{3,60}?)(?::|\s[–—]\s)\s*(\S.{3,})$/;

/** Reads a job specification once per job: its title and every requirement with its importance. */
export function parseJob(spec: string, taxonomy: Taxonomy): ParsedJob {
  const lines = normalizeText(spec).split('\n');
  const title = findJobTitle(lines);
  const hasRequirementSections = lines.some((l) => {
    const role = specHeadingRole(l) ?? inlineSpecHeading(l)?.role;
    return role === 'essential' || role === 'desirable' || role === 'category';
  });
  const drafts: SourcedDraft[] = [];
  const relevantText: string[] = [];
  let role: SpecSectionRole = 'context';
  lines.forEach((line, index) => {
    if (index === title?.line || line.trim() === '') return;
    const heading = specHeadingRole(line);
    if (heading) {
      role = nextRole(role, heading);
      return;
    }
    if (ADMIN_FIELD.test(line)) return;
    for (const sentence of splitSentences(line)) {
      const inline = inlineSpecHeading(sentence);
      const sentenceRole = inline ? nextRole(role, inline.role) : role;
      const coded = personSpecCode(sentence.replace(/^-\s*/, ''));
      const stated = (inline?.rest ?? coded.text).replace(/^-\s*/, '').replace(ITEM_NUMBERING, '');
      const codedRole = coded.role ?? sentenceRole;
      if (codedRole === 'ignore' || APPLICATION_SENTENCE.test(stated) || BOILERPLATE.test(stated)) continue;
      relevantText.push(stated);
      // Outside requirement sections, what the ad says about the employer (its trade, its customers) tells
      // similarity what field the job is in, but asks nothing of the candidate.
      if (codedRole === 'context' && isEmployerStatement(stated)) continue;
      const text = withoutEmployerAsides(stated);
      const lead = inline ? undefined : LEAD_LABEL.exec(text);
      if (lead?.[1] && lead[2]) {
        // "Strong PostgreSQL skills: schema design, indexing, migrations" — one requirement and its details.
        drafts.push(...readSentence(lead[1], codedRole, hasRequirementSections, taxonomy));
        drafts.push(...readSentence(lead[2], codedRole, hasRequirementSections, taxonomy, DETAIL_FACTOR));
      } else drafts.push(...readSentence(text, codedRole, hasRequirementSections, taxonomy));
    }
  });
  const titleText = title?.title;
  const requirements = withTitleRequirement(mergeRequirements(drafts), titleText);
  return {
    title: titleText,
    titleStems: titleText ? contentStems(titleText).filter((s) => !SPEC_FRAMING_WORDS.has(s)) : [],
    requirements,
    specVector: specTermVector(relevantText.join('\n'), taxonomy),
    shingles: shinglesOf(contentStems(spec)),
  };
}

/** The advertised role itself: having done it before is a plus, never a condition. */
const TITLE_WEIGHT = 0.6;

function withTitleRequirement(requirements: Requirement[], title: string | undefined): Requirement[] {
  if (!title) return requirements;
  const titleRequirement: Requirement = {
    id: requirements.length,
    kind: 'title',
    importance: 'desirable',
    explicit: false,
    weight: TITLE_WEIGHT,
    label: title,
    alternatives: [],
    examples: false,
    source: title,
  };
  return [...requirements, titleRequirement];
}

function readSentence(
  text: string,
  role: Exclude<SpecSectionRole, 'ignore'>,
  hasRequirementSections: boolean,
  taxonomy: Taxonomy,
  detailFactor = 1,
): SourcedDraft[] {
  const decided = decideImportance(text, role, hasRequirementSections);
  const { importance, explicit } = decided;
  const factor = decided.factor * detailFactor;
  const clause = readClause(withoutTrailingSoftener(text), importance, factor, taxonomy);
  const found = [...extractYears(clause, taxonomy)];
  const degree = extractDegree(clause);
  const languageDrafts = extractLanguages(clause, taxonomy);
  const requirementLike = role !== 'context' || REQUIREMENT_WORDING.test(text);
  const itemDrafts = extractListItems(clause, taxonomy, requirementLike);
  const out: SourcedDraft[] = [];
  // An essential we only inferred from a chatty sentence counts for less than one the ad marks.
  const inferred = importance === 'essential' && !explicit ? INFERRED_FACTOR : 1;
  // "SDR time is great experience, but it doesn't count": nothing here is asked for.
  if (NEGATIVE_STATEMENT.test(text) && inlineImportance(text) !== 'desirable') return [];
  const push = (draft: (typeof found)[number], imp: Importance) =>
    out.push({
      draft: { ...draft, weight: draft.weight * factor * inferred },
      importance: imp,
      explicit,
      source: text,
    });
  for (const d of found) push(d, importance);
  if (degree) push(degree.draft, degree.softened ? 'desirable' : importance);
  for (const d of [...languageDrafts, ...itemDrafts]) push(d, d.importance ?? importance);
  return out;
}

function decideImportance(
  text: string,
  role: Exclude<SpecSectionRole, 'ignore'>,
  hasRequirementSections: boolean,
): { importance: Importance; factor: number; explicit: boolean } {
  const inline = inlineImportance(text);
  if (role === 'essential') return { importance: inline ?? 'essential', factor: 1, explicit: true };
  if (role === 'desirable') return { importance: 'desirable', factor: 1, explicit: false };
  if (inline === 'essential') return { importance: 'essential', factor: 1, explicit: true };
  if (inline === 'desirable') return { importance: 'desirable', factor: 1, explicit: false };
  // No marker: duties, or a chatty ad's requirements. Without sections, requirement wording makes them
  // essential by our reading, which moves coverage but never caps a score.
  if (!hasRequirementSections && REQUIREMENT_WORDING.test(text))
    return { importance: 'essential', factor: 1, explicit: false };
  return { importance: 'desirable', factor: DUTY_FACTOR, explicit: false };
}

function specTermVector(text: string, taxonomy: Taxonomy): Map<string, number> {
  const tokens = tokenize(text)
    .filter((t) => !t.stop)
    .map((t) => ({ stem: t.stem, raw: t.raw, start: t.start, end: t.end, line: 0 }));
  const concepts = new Map<number, number>();
  for (const m of longestNonOverlapping(scanConcepts(text, tokens, taxonomy))) {
    concepts.set(m.concept, (concepts.get(m.concept) ?? 0) + 1);
  }
  return withConcepts(termVector(countStems(specStems(text)), loadWordWeights()), concepts);
}

/** Content words that say what the job is, without the ad's framing ("experience", "strong", "role"). */
function specStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.stop && !SPEC_FRAMING_WORDS.has(t.lower))
    .map((t) => t.stem);
}
