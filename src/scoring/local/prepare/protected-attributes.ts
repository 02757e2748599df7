/**
 * Protected attributes (name, gender, age, nationality, marital status, photo, identity networks) and
 * contact details are removed from a CV before anything reads it, so they cannot move a score or appear in
 * an explanation. Whole lines are dropped (with their line break) so that twin CVs that differ only in
 * these details become the same text.
 */

const LABELLED_PERSONAL_LINE = new RegExp(
  String.raw`^\s*(?:-\s*)?(?:full\s+)?(?:name|first\s+name|surname|last\s+name|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|born|age|` +
    String.raw`gender|sex|pronouns?|nationality|citizenship|place\s+of\s+birth|country\s+of\s+birth|ethnicity|ethnic\s+origin|race|religion|` +
    String.raw`faith|marital\s+status|civil\s+status|family\s+status|children|dependants|dependents|spouse|photo(?:graph)?|picture|` +
    String.raw`passport|national\s+insurance(?:\s+number)?|ni\s+number|ssn|social\s+security(?:\s+number)?|address|home\s+address|` +
    String.raw`postcode|zip(?:\s+code)?)\b\s*[:\-–|]`,
  'i',
);

/** "Mobile:" or "Website:" may also head a skills line ("Mobile: Swift, Kotlin"): only contact data goes. */
const CONTACT_LABEL_LINE =
  /^\s*(?:-\s*)?(?:phone|telephone|tel|mobile|cell|e-?mail|linkedin|github|website|web|portfolio)\b\s*[:\-–|]/i;
const CONTACT_DATA = /\d{5}|@|www\.|https?:|\.com\b|\.co\.uk\b|\.io\b/i;

const PHOTO_LINE = /^\s*[[(<]?\s*(?:photo(?:graph)?|picture|headshot|image)\b[^\n]{0,40}$/i;
const MARITAL_LINE =
  /^\s*(?:-\s*)?(?:married|single|divorced|widowed|separated|engaged|in a civil partnership)\b[^\n]{0,60}$/i;
const AGE_PHRASE = /\b(?:aged?\s*:?\s*\d{2}|\d{2}\s*(?:years?|yrs?)\s*old|born\s+(?:in|on)\b[^.\n]*)/i;
const NATIONALITY_PHRASE =
  /\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+(?:national|citizen)\b|\b(?:citizen|national)\s+of\s+[A-Z]/;
const PRONOUN_LINE =
  /^\s*(?:-\s*)?(?:\(?\s*(?:he|she|they|ze|xe)\s*\/\s*(?:him|her|them|hir|xem)(?:\s*\/\s*\w+)?\s*\)?)\s*$/i;
const IDENTITY =
  String.raw`(?:women|woman|female|girls|black|bame|bme|minority|ethnic\s+minority|lgbt\w*|gay|lesbian|queer|trans(?:gender)?|pride|` +
  String.raw`muslim|islamic|christian|catholic|jewish|hindu|sikh|buddhist|disabled|disability|neurodiver\w*|latin[ax]|hispanic|` +
  String.raw`asian|african|caribbean|indigenous|aboriginal|veterans?|working\s+mums)`;
/** An identity-based network: the identity word and a network noun, or a membership role and a group noun. */
const IDENTITY_NETWORK = new RegExp(
  String.raw`\b${IDENTITY}\b[^\n]{0,50}?\b(?:network|society|association|alliance|collective|in\s+(?:tech|stem|engineering|science|finance|business|leadership|medicine|law))\b`,
  'i',
);
const IDENTITY_MEMBERSHIP = new RegExp(
  String.raw`\b(?:member|membership|chair|co-?chair|volunteer|founder|co-?founder|ambassador|organi[sz]er|treasurer|secretary|lead)\b[^\n]{0,40}?\b${IDENTITY}\b[^\n]{0,40}?\b(?:group|community|club|forum|council|committee|circle|chapter|staff)\b`,
  'i',
);

const IDENTITY_WORD = new RegExp(String.raw`\b${IDENTITY}\b`, 'i');

/** A label and a separator near the start ("Date of birth:", "Mobile –"): the shape of every labelled line. */
const LABEL_SHAPE = /^\s*(?:-\s*)?[\p{L} .]{2,32}[:\-–|]/u;

/**
 * A line test for one CV. The identity and age/nationality patterns are long; run once over the whole
 * text, they are skipped line by line in the many CVs that contain none of their words.
 */
export function protectedLineTest(text: string): (line: string) => boolean {
  const identityWords = IDENTITY_WORD.test(text);
  const phraseWords = PHRASE_TRIGGER.test(text);
  return (line) => isProtectedAttributeLine(line, identityWords, phraseWords);
}

export function isProtectedAttributeLine(line: string, identityWords = true, phraseWords = true): boolean {
  if (line.trim() === '') return false;
  const identity = identityWords && IDENTITY_WORD.test(line);
  const labelled = LABEL_SHAPE.test(line);
  const short = line.length < 90;
  return (
    (labelled && LABELLED_PERSONAL_LINE.test(line)) ||
    (short && (PHOTO_LINE.test(line) || MARITAL_LINE.test(line) || PRONOUN_LINE.test(line))) ||
    (labelled && CONTACT_LABEL_LINE.test(line) && CONTACT_DATA.test(line)) ||
    (identity && (IDENTITY_NETWORK.test(line) || IDENTITY_MEMBERSHIP.test(line))) ||
    (line.length < 120 &&
      phraseWords &&
      PHRASE_TRIGGER.test(line) &&
      (AGE_PHRASE.test(line) || NATIONALITY_PHRASE.test(line)))
  );
}

/** Sentences inside longer lines that state age or nationality are cut out; the rest of the line stays. */
const PHRASE_TRIGGER = /\b(?:age|aged|old|born|national|citizen)\b/i;

export function stripProtectedPhrases(line: string): string {
  if (!PHRASE_TRIGGER.test(line) || (!AGE_PHRASE.test(line) && !NATIONALITY_PHRASE.test(line))) return line;
  return line
    .split(/(?<=[.;])\s+/)
    .filter((sentence) => !AGE_PHRASE.test(sentence) && !NATIONALITY_PHRASE.test(sentence))
    .join(' ');
}

const GENDERED: Record<string, string> = {
  he: 'they',
  she: 'they',
  him: 'them',
  his: 'their',
  her: 'their',
  hers: 'theirs',
  himself: 'themself',
  herself: 'themself',
  mr: '',
  mrs: '',
  ms: '',
  miss: '',
  mx: '',
  sir: '',
  madam: '',
};

/** Gendered pronouns and honorifics become neutral, so quoted evidence never carries them. */
export function neutralizeGenderedWords(text: string): string {
  return text
    .replace(/\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?=[A-Z])/g, '')
    .replace(/\b(he|she|him|his|her|hers|himself|herself)\b/gi, (word: string) => {
      const neutral = GENDERED[word.toLowerCase()] ?? word;
      return word[0] === word[0]?.toUpperCase()
        ? neutral.charAt(0).toUpperCase() + neutral.slice(1)
        : neutral;
    });
}
