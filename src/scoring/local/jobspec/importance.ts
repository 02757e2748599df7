import type { Importance } from './types.ts';

/** Wording that softens a requirement wherever it stands: "AWS is a plus", "ideally CIMA", "(D)". */
const DESIRABLE_MARKER =
  /\b(?:nice[-\s]to[-\s]have|(?:is|would\s+be|are)\s+(?:a\s+)?(?:plus|bonus|advantage|advantageous|beneficial|desirable|welcome|helpful|an\s+asset)|a\s+plus|bonus|desirable|desired|preferred|preferably|preferable|ideally|advantageous|beneficial|an\s+asset|not\s+essential|not\s+required|optional|would\s+be\s+(?:great|nice|good|useful)|(?:any|some)\s+exposure|is\s+welcome|are\s+welcome|useful|good\s+to\s+have|even\s+better|not\s+a\s+deal[-\s]?breaker)\b|\(\s*d\s*\)\s*$|\bdesirable\s*$/i;

/** Wording that hardens one: "must", "essential", "required", "(E)". */
const ESSENTIAL_MARKER =
  /\b(?:must|essential|required|requirement|mandatory|non[-\s]negotiable|you\s+will\s+(?:also\s+)?need|you['’]ll\s+(?:also\s+)?need|we\s+(?:also\s+)?need\s+you|need\s+to\s+have|needs?\s+to\s+be|minimum|at\s+least|is\s+a\s+must)\b|\(\s*e\s*\)\s*$/i;

/** Essential wording that is itself negated or softened ("not essential", "not required"). */
const NEGATED_ESSENTIAL = /\bnot\s+(?:essential|required|mandatory)\b/i;

/**
 * "If you've got ADR or FORS, that's a bonus", "Spanish would be an advantage": a closing predicate that
 * softens everything before it, unless what comes before is itself marked essential.
 */
const TRAILING_SOFTENER =
  /(?:^|[,;–—]|\s-\s|\bbut\b)\s*(?:(?:that|this|which|it|they|those|these|all\s+of\s+(?:that|these))\s*(?:['’]s|['’]re|['’]d\s+be|is|are|would\s+be|will\s+be)|would\s+be|is|are|will\s+be)\s+(?:also\s+|definitely\s+|really\s+|always\s+|very\s+much\s+)?(?:a\s+|an\s+)?(?:big\s+|real\s+|huge\s+|definite\s+|added\s+|nice\s+)?(?:bonus|plus|advantage|asset|nice[-\s]to[-\s]have|desirable|welcome|beneficial|advantageous|not\s+a\s+deal[-\s]?breaker)\b.*$/i;

/** The sentence without its closing softener: what is left names the items. */
export function withoutTrailingSoftener(text: string): string {
  const m = TRAILING_SOFTENER.exec(text);
  return m && m.index > 0 && !ESSENTIAL_MARKER.test(text.slice(0, m.index)) ? text.slice(0, m.index) : text;
}

export function inlineImportance(rawClause: string): Importance | undefined {
  // "Kubernetes (EKS preferred; GKE/AKS acceptable)": words in brackets qualify an option, not the item.
  const clause = rawClause.replace(/\([^)]*\)/g, ' ');
  if (withoutTrailingSoftener(clause) !== clause) return 'desirable';
  // "…for at least 3 years in B2B sales, ideally software": a later "ideally" softens only its own part.
  const firstSegment = clause.split(/[,;]/)[0] ?? clause;
  if (DESIRABLE_MARKER.test(firstSegment)) return 'desirable';
  if (ESSENTIAL_MARKER.test(clause) && !NEGATED_ESSENTIAL.test(clause)) return 'essential';
  return undefined;
}

/** Wording that shows a sentence in a chatty advert states a requirement rather than a duty. */
export const REQUIREMENT_WORDING =
  /\b(?:must|required|essential|we\s+need|need\s+(?:you|to\s+have|someone)|you['’]?(?:ll|\s+will)?\s+(?:also\s+)?(?:need|have|be|bring|hold)|you\s+(?:are|have|hold|bring|should)|you['’](?:re|ve)|experience\s+(?:with|in|of|as)|experienced|knowledge\s+of|proficien\w*|familiar\s+with|qualified|degree|certified|certification|licen[cs]e|licen[cs]ed|registration|registered|\d+\+?\s*(?:years?|yrs?)(?:['’]s?)?\s+(?:of\s+)?(?:experience|in|as|with)|ability\s+to|able\s+to|skilled|background\s+in|track\s+record|understanding\s+of|looking\s+for|should\s+have|ideally|candidates?\s+(?:will|should|must)|holder|fluent|speak)\b/i;

/** The part of a sentence around a list item, between commas or semicolons. */
export function segmentAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1;
  const rest = text.slice(end);
  const stop = rest.search(/[,;]/);
  return text.slice(from, stop < 0 ? text.length : end + stop);
}

/** An item in a segment that says "ideally", "is a plus", "nice but not needed" is desirable. */
export function isDesirableSegment(segment: string): boolean {
  return DESIRABLE_MARKER.test(segment.replace(/\([^)]*\)/g, ' '));
}

/** "doesn't count toward", "no need for": said to rule something out. */
export const NEGATIVE_STATEMENT =
  /\b(?:doesn['’]t|does\s+not|don['’]t|do\s+not|won['’]t|isn['’]t|is\s+not|aren['’]t)\s+(?:count|need|require|matter|apply)|\bno\s+need\b|\bnot\s+(?:needed|necessary|required)\b/i;

/** Availability (travel, shifts, nights, relocation) matters to the job but is not shown in a CV. */
export const AVAILABILITY =
  /\b(?:travel(?:l?ing)?|relocat\w*|on[-\s]call|overtime|weekends?|nights?|night\s+shifts?|shift\s+(?:work|pattern)|rota|rotating\s+shifts?|unsociable\s+hours|flexib(?:le|ility)\s+(?:hours|working)|commut\w*|willing(?:ness)?\s+to)\b/i;
