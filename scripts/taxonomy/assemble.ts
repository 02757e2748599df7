/**
 * Turns the merged drafts into numbered concepts, groups and filtered aliases.
 */

import type { AliasSource, ConceptKind } from '../../src/scoring/local/taxonomy/types.ts';
import { phraseKey } from '../../src/scoring/local/text/tokenize.ts';
import type { English } from './english.ts';
import { type DropReason, judgeAlias } from './filters.ts';
import type { ConceptDraft } from './model.ts';
import { compare } from './titles.ts';

export interface FinalConcept {
  readonly label: string;
  readonly kind: ConceptKind;
  readonly groups: readonly number[];
  readonly origins: readonly string[];
}

export interface FinalAlias {
  readonly key: string;
  readonly concept: number;
  readonly caseSensitive: boolean;
  readonly preferred: boolean;
  readonly source: AliasSource;
  readonly surface: string;
  readonly tokens: number;
}

export interface AssembleStats {
  concepts: number;
  conceptsByKind: Partial<Record<ConceptKind, number>>;
  droppedWithoutAlias: number;
  candidates: number;
  dropped: Partial<Record<DropReason | 'duplicate' | 'ambiguous', number>>;
  aliases: number;
  aliasesBySource: Partial<Record<AliasSource, number>>;
  caseSensitive: number;
}

export interface Assembled {
  readonly concepts: readonly FinalConcept[];
  readonly groups: readonly string[];
  readonly aliases: readonly FinalAlias[];
  readonly stats: AssembleStats;
}

/** An alias naming concepts in more than this many unrelated clusters is ambiguous. */
export const MAX_ALIAS_CLUSTERS = 3;

const KIND_ORDER: readonly ConceptKind[] = [
  'technology',
  'tool',
  'certification',
  'language',
  'knowledge',
  'skill',
  'soft',
];

export function assemble(drafts: readonly ConceptDraft[], english: English): Assembled {
  const stats: AssembleStats = {
    concepts: 0,
    conceptsByKind: {},
    droppedWithoutAlias: 0,
    candidates: 0,
    dropped: {},
    aliases: 0,
    aliasesBySource: {},
    caseSensitive: 0,
  };
  const drop = (reason: DropReason | 'duplicate' | 'ambiguous', n = 1) => {
    stats.dropped[reason] = (stats.dropped[reason] ?? 0) + n;
  };

  // Filter each draft's aliases; a concept left without any alias can never be matched and is dropped.
  const judged = drafts
    .map((draft) => ({
      draft,
      key: phraseKey(draft.label),
      aliases: judgeDraft(draft, english, drop, () => {
        stats.candidates += 1;
      }),
    }))
    .filter((d) => {
      // Short names ("Go", "R", "C#") lose their own alias to the length filter but stay, so that Stack Overflow
      // synonyms ("golang") and the curated file (case-sensitive "Go") can attach to them.
      if (d.aliases.length > 0 || isShortName(d.key)) return true;
      stats.droppedWithoutAlias += 1;
      return false;
    })
    .sort(
      (a, b) =>
        compare(a.key, b.key) ||
        KIND_ORDER.indexOf(a.draft.kind) - KIND_ORDER.indexOf(b.draft.kind) ||
        compare(a.draft.label, b.draft.label) ||
        compare(a.draft.origins[0] ?? '', b.draft.origins[0] ?? ''),
    );

  const groupLabels = [...new Set(judged.flatMap((d) => [...d.draft.groups]))]
    .filter((g) => g.length > 0)
    .sort(compare);
  const groupId = new Map(groupLabels.map((g, i) => [g, i]));
  const concepts: FinalConcept[] = judged.map(({ draft }) => ({
    label: draft.label,
    kind: draft.kind,
    groups: [...draft.groups]
      .map((g) => groupId.get(g))
      .filter((g): g is number => g !== undefined)
      .sort((a, b) => a - b),
    origins: [...draft.origins].sort(compare),
  }));
  const perConcept = judged.flatMap((d, id) => d.aliases.map((a) => ({ ...a, concept: id })));

  const aliases = dropAmbiguous(perConcept, concepts, (n) => drop('ambiguous', n));
  aliases.sort((a, b) => compare(a.key, b.key) || a.concept - b.concept || compare(a.surface, b.surface));
  for (const a of aliases) {
    stats.aliasesBySource[a.source] = (stats.aliasesBySource[a.source] ?? 0) + 1;
    if (a.caseSensitive) stats.caseSensitive += 1;
  }
  for (const c of concepts) stats.conceptsByKind[c.kind] = (stats.conceptsByKind[c.kind] ?? 0) + 1;
  stats.concepts = concepts.length;
  stats.aliases = aliases.length;
  return { concepts, groups: groupLabels, aliases, stats };
}

function isShortName(key: string): boolean {
  return key.length > 0 && key.length <= 2 && !key.includes(' ');
}

/** A draft's aliases that pass the filters, one per key (see collapse); `concept` is set by the caller. */
function judgeDraft(
  draft: ConceptDraft,
  english: English,
  drop: (reason: DropReason | 'duplicate', n?: number) => void,
  count: () => void,
): FinalAlias[] {
  const byKey = new Map<string, FinalAlias[]>();
  for (const candidate of draft.aliases) {
    count();
    const verdict = judgeAlias(candidate, english);
    if (!verdict.keep) {
      drop(verdict.reason);
      continue;
    }
    const list = byKey.get(verdict.key) ?? [];
    list.push({
      key: verdict.key,
      concept: -1,
      caseSensitive: verdict.caseSensitive,
      preferred: candidate.preferred,
      source: candidate.source,
      surface: candidate.surface,
      tokens: verdict.tokens,
    });
    byKey.set(verdict.key, list);
  }
  const kept: FinalAlias[] = [];
  for (const list of byKey.values()) {
    const collapsed = collapse(list);
    drop('duplicate', list.length - collapsed.length);
    kept.push(...collapsed);
  }
  return kept;
}

/**
 * One concept's variants of one key: case-sensitive spellings win over case-insensitive ones of other words (a source that
 * writes "Swift" knows better than one that writes "swift"); preferred beats alternative; the first source wins.
 */
function collapse(list: readonly FinalAlias[]): FinalAlias[] {
  const preferred = list.some((a) => a.preferred);
  const rank = (a: FinalAlias) => (a.preferred ? 0 : 1);
  // A lower-case spelling of the same word ("genetics" beside "Genetics") shows the word is used uncased.
  const uncased = new Set(list.filter((a) => !a.caseSensitive).map((a) => a.surface.toLowerCase()));
  const sensitive = list.filter((a) => a.caseSensitive && !uncased.has(a.surface.toLowerCase()));
  if (sensitive.length > 0) {
    const bySurface = new Map<string, FinalAlias>();
    for (const a of [...sensitive].sort((x, y) => rank(x) - rank(y))) {
      if (!bySurface.has(a.surface)) bySurface.set(a.surface, { ...a, preferred });
    }
    return [...bySurface.values()];
  }
  const best = [...list].filter((a) => !a.caseSensitive).sort((x, y) => rank(x) - rank(y))[0];
  return best === undefined ? [] : [{ ...best, preferred }];
}

/**
 * A key whose concepts fall into more than MAX_ALIAS_CLUSTERS clusters (concepts sharing a group form one
 * cluster) is ambiguous: it stays only on concepts whose preferred label it is.
 */
function dropAmbiguous(
  aliases: readonly FinalAlias[],
  concepts: readonly FinalConcept[],
  dropped: (n: number) => void,
): FinalAlias[] {
  const byKey = new Map<string, FinalAlias[]>();
  for (const a of aliases) {
    const list = byKey.get(a.key) ?? [];
    list.push(a);
    byKey.set(a.key, list);
  }
  const kept: FinalAlias[] = [];
  for (const list of byKey.values()) {
    const ids = [...new Set(list.map((a) => a.concept))];
    if (ids.length <= MAX_ALIAS_CLUSTERS || clusters(ids, concepts) <= MAX_ALIAS_CLUSTERS) {
      kept.push(...list);
      continue;
    }
    const preferred = list.filter((a) => a.preferred);
    dropped(list.length - preferred.length);
    kept.push(...preferred);
  }
  return kept;
}

function clusters(ids: readonly number[], concepts: readonly FinalConcept[]): number {
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const byGroup = new Map<number, number>();
  ids.forEach((id, i) => {
    for (const g of concepts[id]?.groups ?? []) {
      const other = byGroup.get(g);
      if (other === undefined) byGroup.set(g, i);
      else parent[find(i)] = find(other);
    }
  });
  return new Set(ids.map((_, i) => find(i))).size;
}
