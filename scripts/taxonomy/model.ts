/**
 * Concept drafts collected from every source before filtering, merging and numbering.
 */

import type { AliasSource, ConceptKind } from '../../src/scoring/local/taxonomy/types.ts';
import { phraseKey } from '../../src/scoring/local/text/tokenize.ts';

export interface AliasCandidate {
  readonly surface: string;
  readonly preferred: boolean;
  readonly source: AliasSource;
  readonly casingMeaningful: boolean;
  readonly allowCommonPreferred: boolean;
  readonly commonMinCount?: number | undefined;
  readonly maxTokens?: number | undefined;
}

export interface ConceptDraft {
  label: string;
  kind: ConceptKind;
  readonly groups: Set<string>;
  readonly aliases: AliasCandidate[];
  /** Source records merged into this concept ("esco:<uri>", "onet-tech:<example>"), for reports and tests. */
  readonly origins: string[];
}

export interface NewConcept {
  readonly label: string;
  readonly kind: ConceptKind;
  readonly groups: Iterable<string>;
  readonly aliases: readonly AliasCandidate[];
  readonly origin: string;
}

/** Kinds that name the same thing when their labels agree: a technology may be ESCO "knowledge". */
function compatible(a: ConceptKind, b: ConceptKind): boolean {
  if (a === b) return true;
  const pair = new Set([a, b]);
  return pair.has('technology') && pair.has('knowledge');
}

const KIND_RANK: Readonly<Record<ConceptKind, number>> = {
  certification: 0,
  technology: 1,
  tool: 2,
  language: 3,
  knowledge: 4,
  skill: 5,
  soft: 6,
};

/** Of two labels with one phrase key, the one with fewer words wins ("SQL" over "SQL Plus"), then the shorter. */
function simpler(a: string, b: string): boolean {
  const words = (s: string) => s.split(/\s+/).length;
  return words(a) < words(b) || (words(a) === words(b) && a.length < b.length);
}

/** Collects drafts, merging those whose label has the same phrase key and compatible kinds. */
export class DraftRegistry {
  readonly all: ConceptDraft[] = [];
  private readonly byKey = new Map<string, ConceptDraft[]>();

  add(concept: NewConcept): ConceptDraft {
    const key = phraseKey(concept.label);
    const bucket = this.byKey.get(key) ?? [];
    const existing = key.length > 0 ? bucket.find((d) => compatible(d.kind, concept.kind)) : undefined;
    if (existing !== undefined) {
      if (KIND_RANK[concept.kind] < KIND_RANK[existing.kind]) existing.kind = concept.kind;
      if (simpler(concept.label, existing.label)) existing.label = concept.label;
      for (const g of concept.groups) existing.groups.add(g);
      existing.aliases.push(...concept.aliases);
      existing.origins.push(concept.origin);
      return existing;
    }
    const draft: ConceptDraft = {
      label: concept.label,
      kind: concept.kind,
      groups: new Set(concept.groups),
      aliases: [...concept.aliases],
      origins: [concept.origin],
    };
    bucket.push(draft);
    this.byKey.set(key, bucket);
    this.all.push(draft);
    return draft;
  }
}

export function alias(
  surface: string,
  source: AliasSource,
  options: {
    preferred?: boolean;
    casingMeaningful?: boolean;
    allowCommonPreferred?: boolean;
    commonMinCount?: number;
    maxTokens?: number;
  } = {},
): AliasCandidate {
  return {
    surface: surface.trim().replace(/\s+/g, ' '),
    preferred: options.preferred ?? false,
    source,
    casingMeaningful: options.casingMeaningful ?? true,
    allowCommonPreferred: options.allowCommonPreferred ?? true,
    commonMinCount: options.commonMinCount,
    maxTokens: options.maxTokens,
  };
}

/** "Python (computer programming)" → "Python": ESCO disambiguates homonyms with a parenthesised qualifier. */
export function stripQualifier(label: string): string {
  const stripped = label.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return stripped.length > 0 ? stripped : label.trim();
}
