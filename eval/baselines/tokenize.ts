import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.ts';

// Keeps "c++", "c#" and "3d" whole; "node.js" splits into "node" and "js", as a plain bag of words would.
const TOKEN = /[a-z0-9][a-z0-9+#]*/g;
// Single letters are mostly noise (initials, letter-spaced PDF headings like "S K I L L S") except languages.
const MEANINGFUL_SINGLE_LETTERS: ReadonlySet<string> = new Set(['c', 'r']);

/** Lower-case, strip accents, split, drop stop words, Porter-stem purely alphabetic tokens. */
export function tokenize(text: string): string[] {
  const normalised = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const tokens: string[] = [];
  for (const match of normalised.matchAll(TOKEN)) {
    const token = match[0];
    if (token.length === 1 && !MEANINGFUL_SINGLE_LETTERS.has(token)) continue;
    if (STOP_WORDS.has(token)) continue;
    tokens.push(/^[a-z]+$/.test(token) ? stemmer(token) : token);
  }
  return tokens;
}

export function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
