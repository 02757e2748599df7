/**
 * A CV usually opens with the candidate's name: "Jane Smith", "JANE SMITH | Nurse", "Jane Smith. Software
 * Engineer. 7 years Python...". The name is found there (or on a "Name:" line, dropped elsewhere) and every
 * later occurrence of it is removed, so no name can ever match a skill ("Ruby", "Swift") or reach a reason.
 */
const NAME_WORD =
  /^(?:[\p{Lu}][\p{L}'’.-]*|[\p{Lu}]{2,}|(?:van|von|de|del|der|da|di|du|le|la|bin|binti|al|el|ibn|ap|dos|das)|[\p{Lu}]\.)$/u;
const NOT_A_NAME = new Set(
  `curriculum vitae cv resume résumé profile summary personal details contact experience education skills page
  of the and for with senior junior lead principal head chief staff engineer developer manager nurse teacher accountant
  driver analyst consultant assistant officer director designer chef technician specialist administrator coordinator
  executive associate advisor adviser representative supervisor operative worker agent clerk architect scientist
  electrician plumber carpenter mechanic surveyor solicitor paralegal lawyer pharmacist therapist physiotherapist
  programmer tester owner founder intern graduate trainee apprentice student professional candidate applicant
  software backend frontend full stack data python java registered qualified certified chartered limited ltd inc plc`
    .split(/\s+/)
    .filter(Boolean),
);
const DOCUMENT_WORDS =
  /^(?:curriculum\s+vitae|cv|r[ée]sum[ée])\s*[-–—:|]?\s*|\s*[-–—:|]?\s*(?:curriculum\s+vitae|cv|r[ée]sum[ée])$/i;

/**
 * Letters after a name are qualifications, not the name: "Imran Chaudhry ACMA CGMA", "Nathan Harris MCIPD".
 * In a Title Case name any capitalised token is one; in an all-capitals name only known ones can be told.
 */
const POST_NOMINALS = new Set(
  `acma fcma cgma aca fca acca fcca cima cipd mcipd chmcipd fcipd mrics frics ceng ieng mimeche miet mice cpa cfa
  pmp rgn rmn rn rmn mbbs mrcgp frcs phd dphil mba msc ma bsc ba beng meng llb llm mcips mcim fcim dipcim aat maat
  fmaat cta att acii dipfa mcsp hcpc mrpharms mbcs citp cmgr cmi fcmi mcmi qts pgce`
    .split(/\s+/)
    .filter(Boolean),
);

export function stripPostNominals(segment: string): string {
  const words = segment.trim().split(/\s+/);
  const titleCase = words.some((w) => /^\p{Lu}\p{Ll}/u.test(w));
  while (words.length > 2) {
    const last = words[words.length - 1] ?? '';
    const letters = last.replace(/[^\p{L}]/gu, '');
    const isPostNominal =
      POST_NOMINALS.has(letters.toLowerCase()) || (titleCase && /^\p{Lu}{2,6}$/u.test(letters));
    if (!isPostNominal) break;
    words.pop();
  }
  return words.join(' ');
}

export function looksLikePersonName(segment: string, emailNames: ReadonlySet<string> = new Set()): boolean {
  const words = segment.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 5) return false;
  if (!words.every((w) => NAME_WORD.test(w))) return false;
  if (words.filter((w) => /^\p{Lu}/u.test(w)).length < 2) return false;
  // "Grace Nurse", "Cole Driver": role words can be surnames, as the e-mail address beside them shows.
  const inEmail = words.filter((w) => emailNames.has(w.toLowerCase())).length >= 2;
  return inEmail || !words.some((w) => NOT_A_NAME.has(w.toLowerCase()));
}

/** Words of the local parts of e-mail addresses near the top ("grace.nurse@…" → grace, nurse). */
function emailNameWords(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines.slice(0, 6)) {
    for (const m of line.matchAll(/([\p{L}0-9._-]+)@/gu)) {
      for (const part of (m[1] ?? '').toLowerCase().split(/[._\-0-9]+/)) if (part.length > 1) words.add(part);
    }
  }
  return words;
}

/** The leading segment of a header line, before separators such as "|", "–", ",", "." or a wide gap. */
function leadingSegment(line: string): string {
  const withoutDocWords = line
    .trim()
    .replace(DOCUMENT_WORDS, '')
    .replace(/^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+/i, '');
  return withoutDocWords.split(/\s*[|•·,–—]\s*|\s{2,}|\.\s+|\s+-\s+/)[0]?.trim() ?? '';
}

export function findCandidateName(lines: readonly string[]): string | undefined {
  const labelled = lines
    .map((l) => /^\s*(?:full\s+)?name\s*[:\-–]\s*(.+)$/i.exec(l)?.[1]?.trim())
    .find(Boolean);
  const emailNames = emailNameWords(lines);
  if (labelled && looksLikePersonName(stripPostNominals(labelled), emailNames))
    return stripPostNominals(labelled);
  const firstLines = lines.filter((l) => l.trim() !== '').slice(0, 2);
  for (const line of firstLines) {
    const segment = stripPostNominals(leadingSegment(line));
    if (looksLikePersonName(segment, emailNames)) return segment;
  }
  return undefined;
}

const LETTER_AT_END = /\p{L}$/u;
const LETTER_AT_START = /^\p{L}/u;

/**
 * A remover for every occurrence of the name (possessive too), built once per CV. The per-CV pattern is
 * a plain case-insensitive one: a Unicode-aware pattern with letter classes costs more to compile than
 * the rest of the CV costs to read, so the "whole word" check is done by a shared, precompiled test.
 */
export function nameRemover(name: string): (line: string) => string {
  const escaped = name
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const pattern = new RegExp(`${escaped}(?:'s|’s)?`, 'gi');
  return (line) =>
    line.replace(pattern, (match: string, offset: number) => {
      const before = line.slice(Math.max(0, offset - 2), offset);
      const after = line.slice(offset + match.length, offset + match.length + 2);
      return LETTER_AT_END.test(before) || LETTER_AT_START.test(after) ? match : ' ';
    });
}
