import { inlineImportance, REQUIREMENT_WORDING } from './importance.ts';

/** Words that turn a sentence towards the candidate: it may then ask for something. */
const ADDRESSES_CANDIDATE =
  /\b(?:you|your|yourself|candidates?|applicants?|someone|somebody|individual|person|ideal|successful|seeking|hiring|recruiting|want)\b/i;

const FIRST_PERSON_PLURAL = /^(?:we|we['’](?:re|ve|ll|d)|our|ours|us)\b/i;

/** "Routewise builds …", "Harrow & Tyne Foods is …": the employer, named, doing what it does. */
const NAMED_EMPLOYER =
  /^(?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+){1,4}(?:is|are|was|builds|provides|helps|makes|offers|serves|manufactures|operates|develops|delivers|designs|creates|runs|employs|supports|specialises|specializes|has\s+(?:been|grown|offices|over|more))\b/u;

/**
 * A sentence about the employer ("We're a Series B company", "Routewise builds route-optimization
 * software for food-service companies") describes the business, not the candidate: what it names is
 * never a requirement. Only sentences that neither address the candidate nor use requirement wording.
 */
export function isEmployerStatement(sentence: string): boolean {
  const text = sentence.replace(/^[-\s]+/, '');
  if (!FIRST_PERSON_PLURAL.test(text) && !NAMED_EMPLOYER.test(text)) return false;
  return (
    !ADDRESSES_CANDIDATE.test(text) && !REQUIREMENT_WORDING.test(text) && inlineImportance(text) === undefined
  );
}

/**
 * "Spanish (a growing share of our customers are in Texas)": a bracket that speaks of the employer
 * explains why something is asked; it asks for nothing itself.
 */
export function withoutEmployerAsides(sentence: string): string {
  return sentence.replace(/\s*\([^()]*\b(?:we|we['’]re|our|us)\b[^()]*\)/gi, '');
}
