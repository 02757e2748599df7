/**
 * The curated merge as it was before curated.json was precompiled (quadratic in places, stems every alias at
 * load). Kept verbatim as the oracle for curated-merge.test.ts: the compiled loader must give the same
 * taxonomy, lookups and warnings as this did, on the committed data and on the edge-case fixtures.
 */

import type { LoadState, MutableConcept } from '../../../../src/scoring/local/taxonomy/build-index.ts';
import type { CuratedFile } from '../../../../src/scoring/local/taxonomy/format.ts';
import { StringTable, unpackInts } from '../../../../src/scoring/local/taxonomy/packed.ts';
import type { AliasEntry, ConceptKind } from '../../../../src/scoring/local/taxonomy/types.ts';
import { phraseKey } from '../../../../src/scoring/local/text/tokenize.ts';

const EMPTY: readonly number[] = Object.freeze([]);

const FAMILIES: readonly (readonly ConceptKind[])[] = [
  ['technology', 'knowledge', 'tool'],
  ['certification', 'knowledge', 'skill'],
  ['skill', 'knowledge', 'soft'],
];

function compatible(a: ConceptKind, b: ConceptKind): boolean {
  return a === b || FAMILIES.some((f) => f.includes(a) && f.includes(b));
}

export function legacyMergeCurated(state: LoadState, curated: CuratedFile): void {
  const curatedByKey = new Map<string, MutableConcept>();
  const additions = new Map<string, AliasEntry[]>();
  const labelKeys = new Map<number, string>();
  const labelKeyOf = (c: MutableConcept) => {
    let key = labelKeys.get(c.id);
    if (key === undefined) {
      key = phraseKey(c.label);
      labelKeys.set(c.id, key);
    }
    return key;
  };

  let unaliased: Map<string, number[]> | undefined;
  const unaliasedOwners = (key: string): number[] => {
    if (unaliased === undefined) {
      unaliased = new Map();
      const keys = new StringTable(state.base.unaliased.keys);
      const ids = unpackInts(state.base.unaliased.concepts);
      for (let i = 0; i < keys.size; i++) {
        const k = keys.get(i);
        unaliased.set(k, [...(unaliased.get(k) ?? []), ids[i] ?? 0]);
      }
    }
    return unaliased.get(key) ?? [];
  };

  /** The concept whose own label has this key, preferring the same kind, then technology, then the lowest id. */
  const labelOwner = (key: string, kind: ConceptKind | undefined): MutableConcept | undefined => {
    const ids = [...(state.aliases.get(key) ?? []).map((e) => e.concept), ...unaliasedOwners(key)];
    const owners = ids
      .map((id) => state.concepts[id])
      .filter((c): c is MutableConcept => c !== undefined && labelKeyOf(c) === key)
      .filter((c) => kind === undefined || compatible(c.kind, kind));
    const rank = (c: MutableConcept) => (c.kind === kind ? 0 : c.kind === 'technology' ? 1 : 2);
    return owners.sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0];
  };

  const groupIds = new Map(state.groupLabels.map((g, i) => [g, i]));
  const groupId = (label: string): number => {
    let id = groupIds.get(label);
    if (id === undefined) {
      id = state.groupLabels.length;
      state.groupLabels.push(label);
      groupIds.set(label, id);
    }
    return id;
  };

  for (const c of curated.concepts) {
    const key = phraseKey(c.label);
    if (key.length === 0) {
      state.warnings.push(`curated: "${c.label}" has no content words`);
      continue;
    }
    let concept = curatedByKey.get(key) ?? labelOwner(key, c.kind);
    if (concept === undefined) {
      concept = { id: state.concepts.length, label: c.label, kind: c.kind, groups: EMPTY, implies: EMPTY };
      state.concepts.push(concept);
    } else {
      concept.label = c.label;
      concept.kind = c.kind;
      labelKeys.set(concept.id, key);
    }
    curatedByKey.set(key, concept);
    if (c.group !== undefined && c.group.length > 0) {
      const g = groupId(c.group);
      if (!concept.groups.includes(g)) concept.groups = [...concept.groups, g];
    }
    const sensitive = new Set(c.caseSensitive);
    for (const surface of new Set([c.label, ...c.aliases, ...c.caseSensitive])) {
      const aliasKey = phraseKey(surface);
      const caseSensitive = sensitive.has(surface);
      if (aliasKey.length === 0 || (!caseSensitive && !aliasKey.includes(' ') && aliasKey.length <= 2)) {
        state.warnings.push(`curated: alias "${surface}" of "${c.label}" is too short unless case-sensitive`);
        continue;
      }
      const list = additions.get(aliasKey) ?? [];
      if (list.some((e) => e.concept === concept.id && e.surface === surface)) continue;
      list.push({
        concept: concept.id,
        caseSensitive,
        surface,
        preferred: surface === c.label,
        source: 'curated',
      });
      additions.set(aliasKey, list);
      state.maxPhraseTokens = Math.max(state.maxPhraseTokens, aliasKey.split(' ').length);
    }
  }

  const blocked = new Set(curated.blockedAliases.map((b) => phraseKey(b)).filter((k) => k.length > 0));
  for (const key of new Set([...additions.keys(), ...blocked])) {
    const added = additions.get(key) ?? [];
    const replaced = new Set(added.map((e) => e.concept));
    const kept = (state.aliases.get(key) ?? []).filter(
      (e) => e.source === 'curated' || (!blocked.has(key) && !replaced.has(e.concept)),
    );
    state.aliases.set(key, [...kept, ...added]);
  }

  for (const c of curated.concepts) {
    const concept = curatedByKey.get(phraseKey(c.label));
    if (concept === undefined || c.implies.length === 0) continue;
    const implied = new Set(concept.implies);
    for (const label of c.implies) {
      const key = phraseKey(label);
      const target = curatedByKey.get(key) ?? labelOwner(key, undefined);
      if (target === undefined) state.warnings.push(`curated: "${c.label}" implies unknown "${label}"`);
      else if (target.id !== concept.id) implied.add(target.id);
    }
    concept.implies = [...implied];
  }

  for (const a of curated.abbreviations) {
    state.abbreviationsExact.set(a.short, a.long);
    if (!a.caseSensitive) state.abbreviationsLower.set(a.short.toLowerCase(), a.long);
    const occupations = state.titles.get(phraseKey(a.long));
    const shortKey = phraseKey(a.short);
    if (occupations === undefined || shortKey.length === 0) continue;
    const merged = new Set([...(state.titles.get(shortKey) ?? []), ...occupations]);
    state.titles.set(
      shortKey,
      [...merged].sort((x, y) => x - y),
    );
    state.maxTitleTokens = Math.max(state.maxTitleTokens, shortKey.split(' ').length);
  }

  state.version = `${state.version}+curated-${curated.version}.${fingerprint(curated)}`;
}

/** FNV-1a of the curated content, so an edit without a version bump still changes the taxonomy version. */
function fingerprint(curated: CuratedFile): string {
  const json = JSON.stringify(curated);
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    hash ^= json.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
