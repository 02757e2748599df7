import { DEGREE_RANK, degreeFieldIn, lowestDegreeLevelIn } from '../cv/degrees.ts';
import { contentStems } from '../text/tokenize.ts';
import { type Clause, consumeSpan } from './clause-context.ts';
import type { RequirementDraft } from './requirement-draft.ts';
import { SPEC_FRAMING_WORDS } from './spec-vocabulary.ts';

const DEGREE_WORDING =
  /\b(?:degree|bachelor'?s?|master'?s?|ph\.?d|doctorate|b\.?sc|m\.?sc|mba|b\.?eng|m\.?eng|llb|hnd|hnc|(?:\d+|five|four|two|three)\s+gcses?|gcses?\s+(?:at\s+)?(?:grade|in\s+(?:english|maths|mathematics))|a[-\s]levels?\s+(?:at|in|grade)|graduate\s+calibre|^\s*graduate\b|\bgraduates?\s+(?:with|in|of)\b|degree[-\s]educated|educated\s+to\s+degree|high\s+school\s+diploma|nvq|btec|city\s*(?:&|and)\s*guilds)\b/i;
const NOT_A_DEGREE = /\b(?:degree\s+of|\d+[-\s]degree|high\s+degree|some\s+degree|varying\s+degrees?)\b/i;
const EQUIVALENT =
  /\bor\s+(?:equivalent|similar|comparable)\b(?!\s+(?:degree|qualification))|\bor\s+equivalent\s+(?:experience|work)/i;

/** "Bachelor's degree in Computer Science or a related field", "degree educated", "NVQ Level 3". */
export function extractDegree(clause: Clause): { draft: RequirementDraft; softened: boolean } | undefined {
  // "Graduate (MBA in Marketing preferred)": a bracketed degree is a preference, not the level asked.
  const original = clause.text;
  const text = original.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length));
  if (!DEGREE_WORDING.test(text) || NOT_A_DEGREE.test(text)) return undefined;
  const level = lowestDegreeLevelIn(text) ?? 'bachelor';
  if (DEGREE_RANK[level] < DEGREE_RANK.associate && !/\bnvq|btec|guilds|a[-\s]level|gcse/i.test(text))
    return undefined;
  const field = fieldAfterDegreeWords(text);
  // Every subject named after the degree counts: "mathematics or a subject with substantial mathematical
  // content (e.g. physics, engineering, economics)" accepts all four.
  const fieldStems = field ? fieldStemsAfterDegree(original) : [];
  const relatedAccepted = RELATED_FIELDS.test(original);
  // The degree words and any bracketed note after them ("(mention the course)") are the degree itself.
  for (const w of text.matchAll(new RegExp(DEGREE_WORDING.source, 'gi'))) {
    const bracket = /^\s*\([^)]*\)/.exec(original.slice(w.index + w[0].length));
    consumeSpan(clause, w.index, w.index + w[0].length + (bracket?.[0].length ?? 0));
  }
  if (field) {
    const at = text.indexOf(field);
    if (at >= 0) consumeSpan(clause, at, at + field.length);
  }
  const levelLabel =
    level === 'bachelor'
      ? "Bachelor's degree"
      : level === 'master'
        ? "Master's degree"
        : level === 'doctorate'
          ? 'PhD'
          : `${level} qualification`;
  return {
    draft: {
      kind: 'degree',
      label: field ? `${levelLabel} in ${field}` : levelLabel,
      alternatives: [],
      examples: false,
      weight: 0.8,
      degree: { level, field, fieldStems, relatedAccepted },
    },
    softened: EQUIVALENT.test(text),
  };
}

const RELATED_FIELDS =
  /\b(?:related|relevant|similar|equivalent|comparable|allied|numerate|quantitative|stem)\b/i;
const FIELD_NOISE = new Set([
  'subject',
  'discipline',
  'field',
  'area',
  'substanti',
  'content',
  'strong',
  'equival',
  'relat',
  'relev',
  'similar',
]);

function fieldStemsAfterDegree(text: string): string[] {
  const m = new RegExp(DEGREE_WORDING.source, 'i').exec(text);
  const after = m ? text.slice(m.index + m[0].length, m.index + m[0].length + 160) : text;
  return contentStems(after.split(/;|\.\s+(?=[A-Z])/)[0] ?? after).filter(
    (s) => !SPEC_FRAMING_WORDS.has(s) && !FIELD_NOISE.has(s) && s.length > 2,
  );
}

/** The field named right after the degree words: "degree in Computer Science", "BSc (Hons) Nursing". */
function fieldAfterDegreeWords(text: string): string | undefined {
  for (const w of text.matchAll(new RegExp(DEGREE_WORDING.source, 'gi'))) {
    const after = text.slice(w.index + w[0].length, w.index + w[0].length + 80);
    if (/^\s*(?:degree\s+)?(?:\(hons\)\s+)?(?:in|of)\s/i.test(after)) return degreeFieldIn(after);
  }
  return undefined;
}
