import { foldSpelling } from '../text/spelling.ts';
import { stemWord } from '../text/tokenize.ts';
import { COMMON_WORDS } from './common-words.ts';

/**
 * A phrase the taxonomy does not know is worth matching only if it says something specific: "Alembic",
 * "acute hospital setting", "fintech". Everyday words alone ("adult", "report on it honestly") are not;
 * nor are e-mail addresses and links.
 */
export function isSpecificPhrase(lowerWords: readonly string[]): boolean {
  const meaningful = lowerWords.filter((w) => w.length > 2);
  if (meaningful.length === 0) return false;
  if (meaningful.some((w) => /[@/]|\.\w/.test(w))) return false;
  return meaningful.some((w) => !isCommon(w));
}

/** Stems of the common words, so "managing" is as common as "manage". */
const COMMON_STEMS: ReadonlySet<string> = new Set([...COMMON_WORDS].map(stemWord));

function isCommon(word: string): boolean {
  return COMMON_WORDS.has(word) || COMMON_WORDS.has(foldSpelling(word)) || COMMON_STEMS.has(stemWord(word));
}
