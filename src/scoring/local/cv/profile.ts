import { type IndexedToken, readTokens } from '../text/indexed-tokens.ts';
import { type CvLine, readCvLines } from './cv-lines.ts';
import { coveredMonths, type MonthIndex } from './date-ranges.ts';
import { type DegreeLevel, degreeFieldIn, degreeLevelIn } from './degrees.ts';
import { type CvEntry, findEntries } from './entries.ts';
import { isNonEnglish } from './language-detect.ts';
import { findYearClaims, type YearClaim } from './year-claims.ts';

export interface CvDegree {
  readonly level: DegreeLevel;
  readonly field: string | undefined;
  readonly line: number;
  readonly text: string;
}

/** Everything the engine knows about one CV, independent of any job. */
export interface CvProfile {
  readonly text: string;
  readonly lines: readonly CvLine[];
  readonly entries: readonly CvEntry[];
  /** Entry id of each line, or -1. */
  readonly lineEntry: readonly number[];
  readonly tokens: readonly IndexedToken[];
  readonly workMonths: number;
  readonly yearClaims: readonly YearClaim[];
  readonly degrees: readonly CvDegree[];
  readonly nonEnglish: boolean;
}

export function buildCvProfile(text: string, asOf: MonthIndex): CvProfile {
  const lines = readCvLines(text);
  const entries = findEntries(lines, asOf);
  const lineEntry = lines.map(() => -1);
  for (const entry of entries) for (let i = entry.fromLine; i <= entry.toLine; i++) lineEntry[i] = entry.id;
  const { tokens, openingWords } = readTokens(text, lines);
  return {
    text,
    lines,
    entries,
    lineEntry,
    tokens,
    workMonths: coveredMonths(entries.filter((e) => e.kind === 'work').map((e) => e.range)),
    yearClaims: findYearClaims(lines),
    degrees: findDegrees(lines),
    nonEnglish: isNonEnglish(text, openingWords),
  };
}

function findDegrees(lines: readonly CvLine[]): CvDegree[] {
  const degrees: CvDegree[] = [];
  for (const line of lines) {
    if (
      line.heading ||
      (line.section !== 'education' && line.section !== 'none' && line.section !== 'summary')
    )
      continue;
    const level = degreeLevelIn(line.text);
    if (!level) continue;
    degrees.push({
      level,
      field: degreeFieldIn(line.text),
      line: line.index,
      text: line.text.replace(/^-\s*/, '').trim(),
    });
  }
  return degrees;
}
