import type { ModelAnswer } from './schema.ts';

export interface GroundedReasons {
  /** The reason texts whose evidence is in the CV, in the model's order. */
  readonly kept: string[];
  /** How many were dropped for citing what the CV does not say. */
  readonly dropped: number;
}

/**
 * Each reason must rest on the CV: its quoted evidence must be found in the text the model was given
 * (allowing for case, punctuation and a word or two of paraphrase), and every name-like term of the
 * reason itself (a capitalised word, an acronym, a number) must appear in the CV or the job spec.
 * A reason that fails either test is a hallucination and is dropped.
 */
export function groundReasons(
  reasons: ModelAnswer['match_reasons'],
  cv: string,
  jobSpec: string,
): GroundedReasons {
  const cvTokens = words(cv);
  const cvWords = new Set(cvTokens);
  const known = new Set([...cvWords, ...words(jobSpec)]);
  const cvFlat = cvTokens.join(' ');
  const kept: string[] = [];
  for (const { reason, evidence } of reasons) {
    if (reason.trim() === '') continue;
    if (evidenceFound(evidence, cvFlat, cvWords) && namesKnown(reason, known)) kept.push(reason.trim());
  }
  return { kept, dropped: reasons.filter((r) => r.reason.trim() !== '').length - kept.length };
}

/** Share of an evidence quote's words that must be in the CV when it is not found verbatim. */
const MIN_COVERAGE = 0.8;

function evidenceFound(evidence: string, cvFlat: string, cvWords: ReadonlySet<string>): boolean {
  const quoted = words(evidence);
  if (quoted.length === 0) return false;
  if (` ${cvFlat} `.includes(` ${quoted.join(' ')} `)) return true;
  const content = quoted.filter((w) => w.length > 2);
  if (content.length === 0) return false;
  return content.filter((w) => cvWords.has(w)).length / content.length >= MIN_COVERAGE;
}

/**
 * Words a model could only have made up: capitalised mid-sentence, acronyms, figures of 3+ digits. Small
 * numbers are spared: "7 years" is often the model's sum of the CV's date ranges, not a quote.
 */
function namesKnown(reason: string, known: ReadonlySet<string>): boolean {
  const tokens = reason.split(/\s+/).slice(1);
  for (const token of tokens) {
    const bare = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, '');
    if (!/^\p{Lu}/u.test(bare) && !/\d{3,}/.test(bare)) continue;
    const parts = words(bare);
    if (parts.some((part) => !known.has(part) && !GENERIC.has(part))) return false;
  }
  return true;
}

/** Capitalised words a reason may use without the CV saying them. */
const GENERIC = new Set([
  'cv',
  'i',
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'in',
  'with',
  'for',
  'years',
  'year',
]);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((w) => w.length > 0);
}
