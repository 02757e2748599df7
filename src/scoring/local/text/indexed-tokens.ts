import { tokenize } from './tokenize.ts';

export interface IndexedToken {
  readonly stem: string;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** Index of the line the token sits on. */
  readonly line: number;
}

/** Content words of a text (stop words dropped) with the line each sits on. */
export function contentTokens(text: string, lines: readonly { start: number }[]): IndexedToken[] {
  const tokens: IndexedToken[] = [];
  let line = 0;
  for (const t of tokenize(text)) {
    if (t.stop) continue;
    while (line + 1 < lines.length && (lines[line + 1]?.start ?? Number.POSITIVE_INFINITY) <= t.start) line++;
    tokens.push({ stem: t.stem, raw: t.raw, start: t.start, end: t.end, line });
  }
  return tokens;
}
