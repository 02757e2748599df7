import { LIMITS } from '../../../domain/limits.ts';
import { headingKind } from '../cv/section-headings.ts';
import { findCandidateName, namePattern } from './candidate-name.ts';
import { isOnlySeparators, stripContactDetails } from './contact-details.ts';
import { normalizeText } from './normalize.ts';
import { stripInjection } from './prompt-injection.ts';
import {
  isProtectedAttributeLine,
  neutralizeGenderedWords,
  stripProtectedPhrases,
} from './protected-attributes.ts';

export interface PreparedCv {
  /** The text every later stage reads: first 10,000 characters, normalised, with personal data removed. */
  readonly text: string;
  readonly truncated: boolean;
  readonly promptInjection: boolean;
}

/**
 * The single gate every CV passes before it is read. Order matters: the name is found before contact
 * lines go (it is often on the same line), and lines are dropped whole so twin CVs converge to one text.
 */
export function prepareCv(raw: string): PreparedCv {
  const truncated = raw.length > LIMITS.cvCharactersScored;
  const lines = normalizeText(raw.slice(0, LIMITS.cvCharactersScored)).split('\n');
  const name = findCandidateName(lines);
  const nameRe = name ? namePattern(name) : undefined;
  let promptInjection = false;
  const kept: string[] = [];
  for (const original of lines) {
    if (isProtectedAttributeLine(original)) continue;
    const injection = stripInjection(original);
    promptInjection ||= injection.found;
    let line = nameRe ? injection.line.replace(nameRe, ' ') : injection.line;
    line = stripProtectedPhrases(stripContactDetails(line));
    if (line.trim() === '' && original.trim() !== '') continue;
    if (isOnlySeparators(line) && line.trim() !== '') continue;
    kept.push(tidy(line));
  }
  const text = neutralizeGenderedWords(collapseBlankLines(withoutEmptySections(kept)).join('\n')).trim();
  return { text, truncated, promptInjection };
}

function tidy(line: string): string {
  return line
    .replace(/^[\s|•·,;:–—-]+(?=\S)/, (lead) => (lead.trimStart().startsWith('- ') ? '- ' : ''))
    .replace(/\s*[|•·]\s*$/, '')
    .replace(/([^\s])[ ]{3,}/g, '$1  ')
    .trimEnd();
}

/**
 * A heading left with nothing under it ("Personal Details" once its lines are gone) goes too, so a CV
 * that had such a section reads exactly like one that never had it.
 */
function withoutEmptySections(lines: readonly string[]): string[] {
  return lines.filter((line, i) => {
    if (!headingKind(line)) return true;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    return next !== undefined && !headingKind(next);
  });
}

/** Runs of blank lines become one, so a dropped line never leaves a different gap than its absence. */
function collapseBlankLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '' && (out.length === 0 || out[out.length - 1]?.trim() === '')) continue;
    out.push(line.trim() === '' ? '' : line);
  }
  return out;
}
