import { LIMITS } from '../../../domain/limits.ts';
import { headingKind } from '../cv/section-headings.ts';
import { findCandidateName, nameRemover } from './candidate-name.ts';
import { isOnlySeparators, stripContactDetails } from './contact-details.ts';
import { normalizeText } from './normalize.ts';
import { stripInjection } from './prompt-injection.ts';
import { neutralizeGenderedWords, protectedLineTest, stripProtectedPhrases } from './protected-attributes.ts';

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
  const normalized = normalizeText(raw.slice(0, LIMITS.cvCharactersScored));
  const lines = normalized.split('\n');
  const isProtected = protectedLineTest(normalized);
  const name = findCandidateName(lines);
  const removeName = name ? nameRemover(name) : undefined;
  // The name's first word, to skip the name pattern on the many lines that cannot hold it.
  const nameFirst = name?.trim().split(/\s+/)[0]?.toLowerCase();
  let promptInjection = false;
  const kept: string[] = [];
  for (const original of lines) {
    if (isProtected(original)) continue;
    const injection = stripInjection(original);
    promptInjection ||= injection.found;
    let line =
      removeName && nameFirst && injection.line.toLowerCase().includes(nameFirst)
        ? removeName(injection.line)
        : injection.line;
    line = stripProtectedPhrases(stripContactDetails(line));
    if (line.trim() === '' && original.trim() !== '') continue;
    if (isOnlySeparators(line) && line.trim() !== '') continue;
    kept.push(tidy(line));
  }
  const text = neutralizeGenderedWords(collapseBlankLines(withoutEmptySections(kept)).join('\n')).trim();
  return { text, truncated, promptInjection };
}

const LEADING_SEPARATORS = /^[\s|•·,;:–—-]+(?=\S)/;
const TRAILING_SEPARATOR = /\s*[|•·]\s*$/;

/** Separators left at the ends of a line once something was cut from it. Most lines need nothing. */
function tidy(line: string): string {
  let out = line;
  if (LEADING_SEPARATORS.test(out)) {
    out = out.replace(LEADING_SEPARATORS, (lead) => (lead.trimStart().startsWith('- ') ? '- ' : ''));
  }
  if (/[|•·]\s*$/.test(out)) out = out.replace(TRAILING_SEPARATOR, '');
  if (out.includes('   ')) out = out.replace(/([^\s])[ ]{3,}/g, '$1  ');
  return out.trimEnd();
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
