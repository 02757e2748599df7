import { stemmer } from 'stemmer';
import { baseOfIrregularVerb } from './irregular-verbs.ts';
import { foldSpelling } from './spelling.ts';
import { isStopWord } from './stopwords.ts';

export interface Token {
  /** The text as written (case kept), for case-sensitive aliases such as "Go", "R" or "IT". */
  raw: string;
  lower: string;
  /** Spelling-folded, stemmed form used for matching. */
  stem: string;
  start: number;
  end: number;
  stop: boolean;
}

/**
 * Words, numbers and technology names. Keeps "c++", "c#", ".net", "node.js", "asp.net", "a&e", "r&d",
 * "o'neill" as single tokens; splits on "/", "-", "," and whitespace so "CI/CD" gives "ci", "cd".
 */

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

export function stemWord(lower: string): string {
  const cached = stemCache.get(lower);
  if (cached !== undefined) return cached;
  const stem = computeStem(lower);
  if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(lower, stem);
  return stem;
}

function computeStem(lower: string): string {
  const folded = baseOfIrregularVerb(foldSpelling(lower.replace(/’/g, "'")));
  // Names with digits or symbols (c++, s3, .net, node.js, 5g) are matched exactly, never stemmed.
  if (!/^[a-z]+$/.test(folded) || folded.length <= 3) return folded;
  return stemmer(folded);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Length (1 or 2 code units) of the letter or digit at i, or 0. Hand-written: this is the hottest loop. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return 1;
  if (c < 128 || Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i) ?? 0;
  const width = cp > 0xffff ? 2 : 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? width : 0;
}

function isTailChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c === 43 || c === 35 ? 1 : wordCharAt(text, i); // "+" and "#" (c++, c#)
}

function isJoiner(c: number): boolean {
  return c === 46 || c === 38 || c === 39 || c === 0x2019; // . & ' ’
}

/**
 * Token spans, as the pattern /\.?[\p{L}\p{N}][\p{L}\p{N}+#]*(?:[.&'’][\p{L}\p{N}+#]+)*\/u would find them but
 * several times faster. Returns [start, end) pairs.
 */
export function tokenSpans(text: string): number[] {
  const spans: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let start = i;
    let w = wordCharAt(text, i);
    if (w === 0 && text.charCodeAt(i) === 46) {
      w = wordCharAt(text, i + 1);
      if (w > 0) i += 1;
      else start = -1;
    }
    if (w === 0 || start < 0) {
      i += 1;
      continue;
    }
    i += w;
    for (;;) {
      let t = isTailChar(text, i);
      while (t > 0) {
        i += t;
        t = isTailChar(text, i);
      }
      if (!isJoiner(text.charCodeAt(i))) break;
      const next = isTailChar(text, i + 1);
      if (next === 0) break;
      i += 1;
    }
    spans.push(start, i);
  }
  return spans;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const spans = tokenSpans(text);
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k] ?? 0;
    const raw = text.slice(start, spans[k + 1] ?? start);
    const lower = raw.toLowerCase();
    tokens.push({
      raw,
      lower,
      stem: stemWord(lower),
      start,
      end: start + raw.length,
      stop: isStopWord(lower),
    });
  }
  return tokens;
}

/** The matching key of a phrase: stems of its content words, in order, space-separated. */
export function phraseKey(text: string): string {
  return contentStems(text).join(' ');
}

export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.stop)
    .map((t) => t.stem);
}
