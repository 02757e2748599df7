/**
 * Stack Overflow tag synonyms (CC BY-SA 4.0) → technology aliases, written to their own file.
 */
import { join } from 'node:path';
import {
  FLAG_CASE_SENSITIVE,
  FLAG_PREFERRED,
  type StackOverflowAlias,
  type StackOverflowTarget,
} from '../../src/scoring/local/taxonomy/format.ts';
import { phraseKey, tokenize } from '../../src/scoring/local/text/tokenize.ts';
import { isAcronymOf } from './acronym.ts';
import type { Assembled } from './assemble.ts';
import type { English } from './english.ts';
import { judgeAlias } from './filters.ts';
import { field, readCsv } from './io.ts';
import { compare } from './titles.ts';

export type SynonymDropReason =
  | 'unapproved'
  | 'unpopular'
  | 'taken'
  | 'version'
  | 'grammatical'
  | 'not-technology'
  | 'alias-filter'
  | 'duplicate';

export interface StackOverflowStats {
  synonyms: number;
  kept: number;
  toExistingConcepts: number;
  newConcepts: number;
  dropped: Partial<Record<SynonymDropReason, number>>;
}

export interface StackOverflowResult {
  readonly targets: StackOverflowTarget[];
  readonly maxTokens: number;
  readonly stats: StackOverflowStats;
}

const MIN_QUESTIONS = 1000;
const MIN_RENAMES = 50;

/** "visual-studio-2010", "python-3.x", "ios4", "html5", "bootstrap-4": a version, not a technology. */
export function isVersioned(tag: string): boolean {
  return /(?:^|[-.])v?\d+(?:\.\d+)*(?:\.x)?$/.test(tag) || /[a-z]{3,}\d+$/.test(tag);
}

/** Tag name → display text: hyphens become spaces ("ruby-on-rails" → "ruby on rails"). */
export function tagText(tag: string): string {
  return tag.replace(/-/g, ' ').trim();
}

/**
 * A tag that names a product, language or platform rather than a programming notion: it has a version-free
 * symbol or digit ("node.js", "c#", "s3") or a word that is not English ("kubernetes", "postgresql").
 */
export function looksLikeTechnology(tag: string, english: English): boolean {
  const tokens = tokenize(tagText(tag));
  if (tokens.length === 0 || tokens.length > 3) return false;
  return tokens.some((t) => /[.#+]|\d/.test(t.lower) || (!t.stop && !plainWord(t.lower, english)));
}

/** An English word or a common first name or place ("backbone", "rails", "nancy"): ambiguous in CV text. */
function plainWord(lower: string, english: English): boolean {
  return english.isWord(lower) || english.isName(lower);
}

/** A one-word alias must not be an English word or name, unless it has a digit or symbol ("k8s", "c++"). */
function specificAlias(text: string, english: English): boolean {
  const tokens = tokenize(text).filter((t) => !t.stop);
  const [only] = tokens;
  if (tokens.length !== 1 || only === undefined) return true;
  return /[.#+]|\d/.test(only.lower) || !plainWord(only.lower, english);
}

export function buildStackOverflow(dir: string, base: Assembled, english: English): StackOverflowResult {
  const rows = readCsv(join(dir, 'TagSynonyms.csv'));
  const stats: StackOverflowStats = {
    synonyms: rows.length,
    kept: 0,
    toExistingConcepts: 0,
    newConcepts: 0,
    dropped: {},
  };
  const drop = (reason: SynonymDropReason) => {
    stats.dropped[reason] = (stats.dropped[reason] ?? 0) + 1;
  };

  // Technology concepts of the base taxonomy by preferred key, then by any key.
  const technical = (id: number) => base.concepts[id]?.kind === 'technology';
  // Technology concepts by the exact text of an alias (case, spaces and hyphens aside): resolving by phrase
  // key would let stemming conflate "accessibility" with "Access".
  const preferredOwner = new Map<string, number>();
  const anyOwners = new Map<string, Set<number>>();
  const existing = new Set<string>();
  const own = (text: string, id: number, preferred: boolean) => {
    const norm = normalise(text);
    if (preferred && !preferredOwner.has(norm)) preferredOwner.set(norm, id);
    const set = anyOwners.get(norm) ?? new Set<number>();
    set.add(id);
    anyOwners.set(norm, set);
  };
  base.concepts.forEach((c, id) => {
    if (technical(id)) own(c.label, id, true);
  });
  for (const a of base.aliases) {
    existing.add(`${a.key}\u0000${a.concept}`);
    if (technical(a.concept)) own(a.surface, a.concept, a.preferred);
  }
  const baseKeys = new Set(base.aliases.map((a) => a.key));

  // A new concept needs a popular target: 1,000+ questions in Tags.csv (tags before ~2013), or for a newer tag
  // (absent from that partial list) a synonym auto-renamed 50+ times.
  const questions = new Map(
    readCsv(join(dir, 'Tags.csv')).map((r) => [field(r, 'TagName'), Number(field(r, 'Count'))]),
  );
  const renames = new Map<string, number>();
  for (const r of rows) {
    const target = field(r, 'TargetTagName');
    renames.set(target, Math.max(renames.get(target) ?? 0, Number(field(r, 'AutoRenameCount')) || 0));
  }
  const popular = (target: string): boolean => {
    const count = questions.get(target);
    return count === undefined ? (renames.get(target) ?? 0) >= MIN_RENAMES : count >= MIN_QUESTIONS;
  };

  const resolve = (text: string): number | undefined => {
    const norm = normalise(text);
    const preferred = preferredOwner.get(norm);
    if (preferred !== undefined) return preferred;
    const owners = anyOwners.get(norm);
    return owners?.size === 1 ? [...owners][0] : undefined;
  };

  const byTarget = new Map<string, { label: string; id: number; aliases: Map<string, StackOverflowAlias> }>();
  let maxTokens = 0;
  const sortedRows = [...rows].sort((a, b) => compare(field(a, 'SourceTagName'), field(b, 'SourceTagName')));
  for (const r of sortedRows) {
    const source = field(r, 'SourceTagName');
    const target = field(r, 'TargetTagName');
    if (field(r, 'ApprovalDate').length === 0) {
      drop('unapproved');
      continue;
    }
    if (isVersioned(target)) {
      drop('version');
      continue;
    }
    const sourceKey = phraseKey(tagText(source));
    const targetKey = phraseKey(tagText(target));
    if (sourceKey === targetKey || sourceKey.replace(/ /g, '') === targetKey.replace(/ /g, '')) {
      drop('grammatical');
      continue;
    }
    // A one-word target that is a common word ("zoom", "email") names a notion, not the product.
    const targetText = tagText(target);
    // Two-letter targets ("go", "r", "c") are product names on Stack Overflow and resolve to the concept so named.
    const commonTarget = targetText.length > 2 && !targetText.includes(' ') && english.isCommon(targetText);
    const conceptId = commonTarget ? undefined : resolve(targetText);
    const isNew = conceptId === undefined;
    if (isNew && !(looksLikeTechnology(target, english) && looksLikeTechnology(source, english))) {
      drop('not-technology');
      continue;
    }
    if (isNew && !popular(target)) {
      drop('unpopular');
      continue;
    }
    if (!specificAlias(tagText(source), english) || !plausibleAcronym(source, target)) {
      drop('alias-filter');
      continue;
    }
    const surface = displaySurface(tagText(source));
    const verdict = judgeAlias(
      { surface, preferred: false, casingMeaningful: false, allowCommonPreferred: false },
      english,
    );
    if (!verdict.keep) {
      drop('alias-filter');
      continue;
    }
    if (conceptId !== undefined && existing.has(`${verdict.key}\u0000${conceptId}`)) {
      drop('duplicate');
      continue;
    }
    // A name the base taxonomy already gives to another concept ("tableau") stays with that concept.
    if (baseKeys.has(verdict.key)) {
      drop('taken');
      continue;
    }
    const label =
      conceptId === undefined
        ? displaySurface(tagText(target))
        : (base.concepts[conceptId]?.label ?? tagText(target));
    const id = conceptId ?? -1;
    const entryKey = `${id}\u0000${label}`;
    const entry = byTarget.get(entryKey) ?? { label, id, aliases: new Map<string, StackOverflowAlias>() };
    byTarget.set(entryKey, entry);
    if (entry.aliases.has(verdict.key)) {
      drop('duplicate');
      continue;
    }
    // Tags are lower case, so their casing says nothing: "k8s" or "ec2" must match "K8s" or "EC2" too.
    const caseSensitive = verdict.caseSensitive && !/\d/.test(surface);
    entry.aliases.set(verdict.key, [surface, verdict.key, caseSensitive ? FLAG_CASE_SENSITIVE : 0]);
    maxTokens = Math.max(maxTokens, verdict.tokens);
    stats.kept += 1;
  }

  const targets: StackOverflowTarget[] = [];
  for (const entry of [...byTarget.values()].sort((a, b) => compare(a.label, b.label) || a.id - b.id)) {
    const aliases = [...entry.aliases.values()].sort((a, b) => compare(a[1], b[1]));
    if (entry.id < 0) {
      stats.newConcepts += 1;
      const verdict = judgeAlias(
        { surface: entry.label, preferred: true, casingMeaningful: false, allowCommonPreferred: false },
        english,
      );
      if (verdict.keep && !entry.aliases.has(verdict.key)) {
        maxTokens = Math.max(maxTokens, verdict.tokens);
        const flags = FLAG_PREFERRED | (verdict.caseSensitive ? FLAG_CASE_SENSITIVE : 0);
        aliases.unshift([entry.label, verdict.key, flags]);
      }
    } else {
      stats.toExistingConcepts += 1;
    }
    targets.push([entry.label, entry.id, ...aliases]);
  }
  return { targets, maxTokens, stats };
}

/**
 * A tag of at most three letters is kept only when it abbreviates its target ("ror" → ruby-on-rails,
 * "gtm" → google-tag-manager): others are too ambiguous in CVs ("scm" → version-control, "ibm" → websphere).
 */
function plausibleAcronym(source: string, target: string): boolean {
  if (!/^[a-z]{1,3}$/.test(source)) return true;
  return isAcronymOf(source.toUpperCase(), tagText(target));
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** Tags are lower case; a short all-letter tag is an acronym ("gcp" → "GCP") and must match as one. */
function displaySurface(text: string): string {
  return /^[a-z]{1,3}$/.test(text) ? text.toUpperCase() : text;
}
