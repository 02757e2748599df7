import { ROLE_HEAD_WORDS } from './role-words.ts';
import { headingKind } from './section-headings.ts';

const SEPARATORS = /\s*(?:\||,|\u2013|\u2014|\s-\s|\s@\s|\bat\b|\(|:\s)\s*/;
const LOCATION_ONLY =
  /^(?:remote|hybrid|on-?site|uk|usa|us|united kingdom|united states|england|scotland|wales|ireland|europe|emea|london|manchester|birmingham|leeds|glasgow|edinburgh|bristol|liverpool|new york|san francisco|full[-\s]time|part[-\s]time|contract|permanent|locum|temporary|\)|[A-Z]{2})$/i;

/** Prose run on after the dates ("3 years React and TypeScript, some Python") names no employer. */
const CLAIM = /\b\d+\+?\s*(?:years?|yrs?|months?)\b/i;
const MAX_ORGANISATION_WORDS = 8;

function couldBeOrganisation(segment: string): boolean {
  return !CLAIM.test(segment) && segment.split(/\s+/).length <= MAX_ORGANISATION_WORDS;
}

function hasRoleWord(segment: string): boolean {
  return segment
    .toLowerCase()
    .split(/[^a-z-]+/)
    .some((w) => ROLE_HEAD_WORDS.has(w) || ROLE_HEAD_WORDS.has(w.replace(/s$/, '')));
}

/** "Senior Backend Engineer, Finlo Ltd, London" → title "Senior Backend Engineer", organisation "Finlo Ltd". */
export function splitHeader(header: string): { title: string | undefined; organisation: string | undefined } {
  // "(Band 5)", "(Grade 7)", "(Locum)": a grade or note in brackets names neither the role nor the employer.
  const segments = header
    .replace(
      /\((?:band|grade|level|locum|contract|maternity|temporary|interim|part[-\s]time|full[-\s]time)[^)]*\)/gi,
      ' ',
    )
    .split(SEPARATORS)
    .map((s) =>
      s
        .replace(/[()]/g, '')
        .replace(/^[.;:\s]+/, '')
        .trim(),
    )
    // "Experience: 2017 – present, …": a section label run into the role's line names no employer.
    .filter((s, i) => s.length > 1 && !LOCATION_ONLY.test(s) && !(i === 0 && headingKind(s) !== undefined));
  const titleIndex = segments.findIndex(hasRoleWord);
  const title = titleIndex >= 0 ? segments[titleIndex] : undefined;
  const organisation = segments.find((s, i) => i !== titleIndex && !hasRoleWord(s) && couldBeOrganisation(s));
  return { title, organisation };
}
