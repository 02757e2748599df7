/**
 * Degree levels and fields, read the same way in job specs ("Bachelor's degree in Computer Science or a
 * related field") and CVs ("BSc (Hons) Computer Science, University of Leeds, 2014").
 */
export type DegreeLevel = 'secondary' | 'vocational' | 'associate' | 'bachelor' | 'master' | 'doctorate';

export const DEGREE_RANK: Readonly<Record<DegreeLevel, number>> = {
  secondary: 1,
  vocational: 2,
  associate: 3,
  bachelor: 4,
  master: 5,
  doctorate: 6,
};

const LEVEL_PATTERNS: ReadonlyArray<readonly [DegreeLevel, RegExp]> = [
  ['doctorate', /\b(?:ph\.?\s?d|d\.?phil|doctorate|doctoral|doctor\s+of\s+philosophy|ed\.?d)\b/i],
  [
    'master',
    /\b(?:master'?s?|masters|m\.?sc|m\.?s\.|ms\s+in|m\.?a\.?\s+in|ma\s|m\.?eng|m\.?res|m\.?phil|mba|llm|m\.?tech|m\.?com|mca|pgdip|pg\s?dip|postgraduate\s+(?:degree|diploma)|msn|mph|m\.?ed|mfa)\b/i,
  ],
  [
    'bachelor',
    /\b(?:bachelor'?s?|bachelors|b\.?sc|bs\s+in|b\.?s\.|b\.?a\.?\s+(?:\(hons\)|hons|in)|ba(?=[\s,;:)]|$)|b\.?eng|b\.?tech|b\.?e\.|llb|b\.?com|bba|bca|bsn|bn|b\.?mus|bds|mbbs|mb\s?chb|bvsc|bvms|b\.?pharm|b\.?ed|bfa|undergraduate\s+degree|honours\s+degree|hons\s+degree|\(hons\)|degree)\b/i,
  ],
  [
    'associate',
    /\b(?:associate'?s?\s+degree|foundation\s+degree|hnd|hnc|dip\s?he|diploma\s+of\s+higher\s+education)\b/i,
  ],
  [
    'vocational',
    /\b(?:nvq|svq|btec|city\s*(?:&|and)\s*guilds|apprenticeship|level\s+[2-5]\s+(?:diploma|certificate|award)|t[-\s]level)\b/i,
  ],
  [
    'secondary',
    /\b(?:a[-\s]levels?|gcses?|high\s+school|secondary\s+school|hsc|ssc|12th|baccalaur[ée]at|leaving\s+certificate|highers|ged)\b/i,
  ],
];

/** "B.B.A." → "BBA", "M.B.A." → "MBA": dotted initials read as the abbreviation they spell. */
export function collapseInitials(text: string): string {
  return text.replace(/\b(?:\p{L}\.){2,}(?!\p{L})/gu, (initials) => initials.replace(/\./g, ''));
}

export function degreeLevelIn(text: string): DegreeLevel | undefined {
  const plain = collapseInitials(text);
  for (const [level, pattern] of LEVEL_PATTERNS) if (pattern.test(plain)) return level;
  return undefined;
}

/** Degrees whose name says their subject: a BBA is a business degree without saying "business". */
const SUBJECT_OF_DEGREE: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:bba|mba|dba|b\.?com|m\.?com|bbus|bcom)\b/i, 'business administration commerce management'],
  [/\b(?:llb|llm|jd)\b/i, 'law'],
  [/\b(?:b\.?eng|m\.?eng|meng|beng)\b/i, 'engineering'],
  [/\b(?:bsn|msn)\b/i, 'nursing'],
  [/\b(?:mbbs|mb\s?chb|md)\b/i, 'medicine'],
  [/\b(?:b\.?ed|m\.?ed|pgce)\b/i, 'education teaching'],
  [/\b(?:b\.?pharm|m\.?pharm|pharmd)\b/i, 'pharmacy'],
  [/\b(?:bds)\b/i, 'dentistry dental'],
  [/\b(?:bvsc|bvms|dvm)\b/i, 'veterinary'],
  [/\b(?:bfa|mfa)\b/i, 'fine arts'],
  [/\b(?:b\.?mus)\b/i, 'music'],
  [/\b(?:bca|mca)\b/i, 'computer applications'],
  [/\b(?:mph)\b/i, 'public health'],
];

/** The words of a degree line with the subject its abbreviation implies ("BBA" → business …). */
export function degreeSubjectText(text: string): string {
  const plain = collapseInitials(text);
  const implied = SUBJECT_OF_DEGREE.filter(([pattern]) => pattern.test(plain)).map(([, words]) => words);
  return [plain, ...implied].join(' ');
}

/** The lowest level named: "Bachelor's or Master's degree" asks for a bachelor's. */
export function lowestDegreeLevelIn(text: string): DegreeLevel | undefined {
  const plain = collapseInitials(text);
  let lowest: DegreeLevel | undefined;
  for (const [level, pattern] of LEVEL_PATTERNS) if (pattern.test(plain)) lowest = level;
  return lowest;
}

const FIELD_AFTER = /\b(?:in|of)\s+((?:[A-Za-z&,'-]+\s*){1,6})/;
const FIELD_STOP =
  /\b(?:or|and\s+a|from|at|with|university|college|school|\d{4}|preferred|required|essential|desirable|is|are|a|an|the|equivalent|related|relevant|similar|field|discipline|subject)\b.*$/i;

/** The subject of a degree: "Computer Science", "Nursing", "Accounting and Finance". */
export function degreeFieldIn(text: string): string | undefined {
  const hons = /\(hons\)\s+((?:[A-Za-z&'-]+\s*){1,5})/i.exec(text);
  const after = hons ?? FIELD_AFTER.exec(text.replace(/\bdegree\b/i, 'degree'));
  const raw = after?.[1]
    ?.replace(FIELD_STOP, '')
    .trim()
    .replace(/[,&\s]+$/, '');
  if (!raw || raw.length < 3) return undefined;
  return raw;
}
