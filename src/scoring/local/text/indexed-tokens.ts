import { isStopWord } from './stopwords.ts';
import { stemWord, tokenSpans } from './tokenize.ts';

export interface IndexedToken {
  readonly stem: string;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** Index of the line the token sits on. */
  readonly line: number;
}

/** How many opening words, stop words included, are kept for telling the language of a text. */
const OPENING_WORDS = 700;

/**
 * One pass over a long text (a CV): its content tokens, each with its line, and its opening words in
 * lower case, stop words included. Built straight from token spans: this runs for every CV.
 */
export function readTokens(
  text: string,
  lines: readonly { start: number }[],
): { tokens: IndexedToken[]; openingWords: string[] } {
  const tokens: IndexedToken[] = [];
  const openingWords: string[] = [];
  const spans = tokenSpans(text);
  let line = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k] ?? 0;
    const end = spans[k + 1] ?? start;
    const raw = text.slice(start, end);
    const lower = raw.toLowerCase();
    if (openingWords.length < OPENING_WORDS) openingWords.push(lower);
    if (isStopWord(lower)) continue;
    while (line + 1 < lines.length && (lines[line + 1]?.start ?? Number.POSITIVE_INFINITY) <= start) line++;
    tokens.push({ stem: stemWord(lower), raw, start, end, line });
  }
  return { tokens, openingWords };
}
