import { stemmer } from 'stemmer';
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
const TOKEN_PATTERN = /\.?[\p{L}\p{N}][\p{L}\p{N}+#]*(?:[.&'’][\p{L}\p{N}+#]+)*/gu;

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
  const folded = foldSpelling(lower.replace(/’/g, "'"));
  // Names with digits or symbols (c++, s3, .net, node.js, 5g) are matched exactly, never stemmed.
  if (!/^[a-z]+$/.test(folded) || folded.length <= 3) return folded;
  return stemmer(folded);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const raw = match[0];
    const start = match.index;
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
