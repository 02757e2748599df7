/**
 * What each part of an advert is for. Requirements live under "Essential", "Must have", "About you";
 * "Desirable", "Nice to have", "Bonus points" soften them; duties describe the role; company blurb,
 * benefits and "how to apply" are not requirements at all.
 */
export type SpecSectionRole = 'essential' | 'desirable' | 'context' | 'ignore';
/** "Qualifications", "Skills", "Experience": a category that keeps the essential/desirable role around it. */
export type HeadingRole = SpecSectionRole | 'category';

const ROLE_PATTERNS: ReadonlyArray<readonly [HeadingRole, RegExp]> = [
  [
    'desirable',
    /\b(?:desirable|desired|nice[-\s]to[-\s]haves?|bonus(?:\s+points?)?|preferred|a\s+plus|plus\s+points?|considered\s+(?:as\s+)?a\s+plus|advantageous|an?\s+advantage|beneficial|extra\s+credit|good\s+to\s+have|brownie\s+points|even\s+better|would\s+be\s+(?:great|nice|good|a\s+bonus)|not\s+essential|optional|helpful\s+but|ideally|might\s+(?:also\s+)?have|(?:you\s+)?may\s+also\s+have|also\s+(?:great|nice|useful|helpful|welcome)|bonus\s+if|extra\s+points|plus\s+if|nice\s+if)\b/i,
  ],
  [
    'ignore',
    /^(?:about\s+(?!you\b|the\s+(?:role|job|position|opportunity|post|vacancy)\b|this\s+(?:role|job|position)\b)|who\s+we\s+are|our\s+(?:company|story|mission|values|team|culture|client|offer|benefits)|company\s+(?:overview|description)|benefits|perks|what\s+we\s+offer|what\s+you['’]?(?:ll|\s+will)?\s+get|what\s+you\s+get|in\s+return|what['’]?s\s+in\s+it\s+for\s+you|why\s+(?:join|work)|why\s+(?:you['’]?ll\s+love|us)|salary|compensation|pay|package|the\s+package|rewards?|remuneration|how\s+to\s+apply|to\s+apply|application(?:\s+process)?|apply|equal\s+opportunit(?:y|ies)|diversity|inclusion|location|working\s+hours|hours|contract(?:\s+type)?|closing\s+date|start\s+date|interview\s+process|next\s+steps|additional\s+information|more\s+information|disclaimer|safeguarding\s+statement|reference|job\s+reference)\b/i,
  ],
  [
    'essential',
    /\b(?:requirements?|essential|essentials|must[-\s]haves?|must\s+have|required|what\s+you['’]?(?:ll|\s+will)?\s+(?:need|bring|have)|what\s+we['’]?re\s+looking\s+for|what\s+(?:do\s+)?we\s+(?:need|want|expect)|what\s+we\s+are\s+looking\s+for|looking\s+for|about\s+you|who\s+you\s+are|you\s+(?:will\s+)?have|you['’]ll\s+have|you['’]ll\s+bring|the\s+ideal\s+candidate|ideal\s+candidate|person\s+spec(?:ification)?|criteria|candidate\s+profile|your\s+(?:profile|background|skills|experience)|minimum|we['’]d\s+love\s+you\s+to\s+have|to\s+succeed|you\s+should\s+have|you\s+bring)\b/i,
  ],
  [
    'context',
    /\b(?:responsibilities|duties|what\s+you['’]?(?:ll|\s+will)\s+(?:do|be\s+doing)|the\s+role|about\s+the\s+(?:role|job|position|opportunity)|role\s+(?:overview|summary|purpose|description)|your\s+role|day[-\s]to[-\s]day|job\s+(?:purpose|summary|description|title)|overview|in\s+this\s+role|position\s+summary|the\s+opportunity|key\s+tasks|main\s+tasks|accountabilities|you\s+will|purpose|summary|introduction)\b/i,
  ],
  [
    'category',
    /\b(?:qualifications?|skills?|experience|knowledge|competenc(?:ies|es|y)|expertise|education|training|attributes|qualities|abilities|certifications?|licen[cs]es?|technical|tech\s+stack)\b/i,
  ],
];

/** "1.", "2.3", "E1", "D4", "a)" before a heading or a requirement: numbering, not words. */
export const ITEM_NUMBERING = /^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Z]{1,2}\d{1,2}[.:)]?|[a-z][.)])\s+/;

/** The role of a heading line, or undefined when the line is not a heading. */
export function specHeadingRole(rawLine: string): HeadingRole | undefined {
  const line = rawLine.replace(ITEM_NUMBERING, '');
  const text = line
    .trim()
    .replace(/^[#*=_\-\s]+|[#*=_:\s]+$/g, '')
    .trim();
  const words = text.split(/\s+/).length;
  // A short question can head a section ("Why join us?", "What do we need from you?"); a sentence cannot.
  if (text.length === 0 || text.length > 70 || /[.!]$/.test(text) || words > 9) return undefined;
  if (text.endsWith('?') && words > 7) return undefined;
  const role = ROLE_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
  if (!role) return undefined;
  // "Experience with PostgreSQL" names a requirement; "How to apply" or "You might also have" cannot.
  const strict = role === 'essential' || role === 'category';
  return (strict ? looksLikeHeading(line.trim(), text) : !line.trim().startsWith('- ')) ? role : undefined;
}

/**
 * "Experience with PostgreSQL" is a requirement, "Skills and Experience" a heading: a heading ends with a
 * colon, is in capitals, or is a few words with no digits and no "with/of/in" object.
 */
function looksLikeHeading(line: string, text: string): boolean {
  if (line.startsWith('- ')) return false;
  if (/:\s*$/.test(line)) return true;
  if (text === text.toUpperCase() && /\p{Lu}{3}/u.test(text)) return true;
  const words = text.split(/\s+/).length;
  return (
    words <= 6 &&
    !/\d/.test(text) &&
    !/\b(?:with|using|of|in|on|for|to)\s+(?!you\b|us\b|the\s+role\b)\S/i.test(text)
  );
}

/** Words a heading is made of; "Strong PostgreSQL skills:" opens a list about PostgreSQL, not a section. */
const HEADING_VOCABULARY = new Set(
  `requirements requirement essential essentials must have haves must-have must-haves nice to nice-to-have nice-to-haves
  desirable desired bonus points point preferred qualifications qualification skills skill experience knowledge and &
  responsibilities duties about you the role job benefits what we offer are looking for key core minimum criteria person
  specification spec ideal candidate plus a advantageous also would be great good technical required optional extra
  credit perks package salary location hours how apply who your profile background main day-to-day day in this
  expertise competencies competences personal attributes qualities additional other considered as even better if it's it'd
  need will you'll bring have we're we'd love ll`
    .split(/\s+/)
    .filter(Boolean),
);

/** "Essential: NMC PIN, 2 years acute experience" — a heading and its content on one line. */
export function inlineSpecHeading(line: string): { role: HeadingRole; rest: string } | undefined {
  const m = /^\s*(?:-\s*)?([^:]{3,60}):\s*(\S.*)$/.exec(line.replace(ITEM_NUMBERING, ''));
  if (!m?.[1] || !m[2]) return undefined;
  const words = m[1]
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[^a-z'&-]+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 6 || !words.every((w) => HEADING_VOCABULARY.has(w)))
    return undefined;
  const role = specHeadingRole(`${m[1]}:`);
  return role ? { role, rest: m[2] } : undefined;
}
