/**
 * Acronyms: recognising a short form ("RN", "CPhT", "HVAC") and checking it abbreviates a long form
 * ("Registered Nurse", "Certified Pharmacy Technician", "Heating, Ventilation, and Air Conditioning").
 */

/** Words an acronym may skip ("English as a Second Language" → ESL). */
const SKIPPABLE = new Set([
  'and',
  'of',
  'the',
  'for',
  'in',
  'on',
  'a',
  'an',
  'as',
  'to',
  'at',
  'with',
  'by',
  'or',
]);

export interface AbbreviationPair {
  readonly short: string;
  readonly long: string;
}

/** "RN", "LPN", "CPhT", "O&M", "3D" is not one: 2–6 characters, starting with a capital, mostly capitals. */
export function looksLikeAcronym(s: string): boolean {
  if (s.length < 2 || s.length > 6 || !/^[A-Z][A-Za-z0-9&]*$/.test(s)) return false;
  const letters = s.replace(/[^A-Za-z]/g, '');
  const upper = letters.replace(/[^A-Z]/g, '').length;
  return upper >= 2 && upper * 2 >= letters.length;
}

/**
 * True when every letter of `short` is taken, in order, from the words of `long`: each content word gives
 * its initial and may give further letters of its own ("Database Administrator" → DBA); function words may
 * be skipped. Needs at least two content words.
 */
export function isAcronymOf(short: string, long: string): boolean {
  const letters = short.toLowerCase().replace(/[^a-z0-9&]/g, '');
  const words = long
    .toLowerCase()
    .split(/[\s\-/,]+/)
    .map((w) => w.replace(/[^a-z0-9&]/g, ''))
    .filter((w) => w.length > 0);
  if (words.filter((w) => !SKIPPABLE.has(w) && w !== '&').length < 2) return false;
  if (letters.length === 0) return false;

  const fromWord = (i: number, w: number): boolean => {
    if (w === words.length) return i === letters.length;
    const word = words[w] ?? '';
    if ((SKIPPABLE.has(word) || word === '&') && fromWord(i, w + 1)) return true;
    const ch = letters[i];
    if (ch === undefined) return false;
    if (ch === '&') return (word === 'and' || word === '&') && fromWord(i + 1, w + 1);
    if (word[0] !== ch) return false;
    return inWord(i + 1, w, 1);
  };
  const inWord = (i: number, w: number, pos: number): boolean => {
    if (fromWord(i, w + 1)) return true;
    const ch = letters[i];
    const word = words[w] ?? '';
    if (ch === undefined) return false;
    for (let p = pos; p < word.length; p++) {
      if (word[p] === ch && inWord(i + 1, w, p + 1)) return true;
    }
    return false;
  };
  return fromWord(0, 0);
}

/**
 * Mines an abbreviation from two spellings of one title, in either order: "Registered Nurse" / "RN",
 * "CEO" / "Chief Executive Officer", "Quality Control Manager" / "QC Manager" (→ QC = Quality Control).
 */
export function minePair(a: string, b: string): AbbreviationPair | undefined {
  let left = a.trim().split(/\s+/);
  let right = b.trim().split(/\s+/);
  const same = (x: string | undefined, y: string | undefined) =>
    x !== undefined && y !== undefined && x.toLowerCase() === y.toLowerCase();
  while (left.length > 1 && right.length > 1 && same(left[0], right[0])) {
    left = left.slice(1);
    right = right.slice(1);
  }
  while (left.length > 1 && right.length > 1 && same(left[left.length - 1], right[right.length - 1])) {
    left = left.slice(0, -1);
    right = right.slice(0, -1);
  }
  const pair = (shortSide: string[], longSide: string[]): AbbreviationPair | undefined => {
    const [short] = shortSide;
    if (shortSide.length !== 1 || short === undefined || longSide.length < 2) return undefined;
    const long = longSide.join(' ').replace(/[,;:]+$/, '');
    if (!looksLikeAcronym(short) || !isAcronymOf(short, long)) return undefined;
    return { short, long };
  };
  return pair(right, left) ?? pair(left, right);
}

/**
 * "Structured query language SQL" → { short: "SQL", long: "Structured query language" } (acronym last).
 * O*NET writes "Long form ACR" consistently, so a sentence-case long form ("Extensible markup language XML")
 * is accepted even when the letters do not spell its initials.
 */
export function trailingAcronym(words: readonly string[]): AbbreviationPair | undefined {
  const short = words[words.length - 1];
  if (short === undefined || words.length < 3) return undefined;
  if (!looksLikeAcronym(short)) return undefined;
  for (let start = 0; start < words.length - 2; start++) {
    if (SKIPPABLE.has(words[start]?.toLowerCase() ?? '')) continue;
    const long = words.slice(start, -1).join(' ');
    if (isAcronymOf(short, long)) return { short, long };
  }
  const rest = words.slice(1, -1);
  if (rest.every((w) => /^[\p{Ll}\d]/u.test(w))) return { short, long: words.slice(0, -1).join(' ') };
  return undefined;
}
