/**
 * Builds the runtime `Taxonomy` from the artefacts: the base taxonomy (ESCO + O*NET), the Stack Overflow
 * aliases and the compiled curated file, merged in that order.
 */

import { mergeCurated } from './curated-merge.ts';
import {
  ARTEFACT_FORMAT,
  CASE_SENSITIVE_ABBREVIATION_MAX,
  type CompiledCurated,
  KIND_CODES,
  type StackOverflowArtefact,
  type TaxonomyArtefact,
} from './format.ts';
import { StringTable, unpackInts } from './packed.ts';
import { createRelated } from './related.ts';
import { mergeStackOverflow } from './stackoverflow.ts';
import { AliasTable, TitleTable } from './tables.ts';
import type { ConceptKind, Taxonomy } from './types.ts';

export interface TaxonomyParts {
  readonly taxonomy: TaxonomyArtefact;
  readonly stackOverflow?: StackOverflowArtefact | undefined;
  readonly curated?: CompiledCurated | undefined;
}

export interface MutableConcept {
  readonly id: number;
  label: string;
  kind: ConceptKind;
  groups: readonly number[];
  implies: readonly number[];
}

/** Everything the merges may change before the taxonomy is frozen into its interface. */
export interface LoadState {
  readonly base: TaxonomyArtefact;
  /** Concept labels as built, before the curated file renames any. */
  readonly baseLabels: StringTable;
  readonly concepts: MutableConcept[];
  readonly groupLabels: string[];
  readonly aliases: AliasTable;
  readonly titles: TitleTable;
  readonly occupationLabels: StringTable;
  /** Short forms matched with exact casing, and the rest by lower case. */
  readonly abbreviationsExact: Map<string, string>;
  readonly abbreviationsLower: Map<string, string>;
  maxPhraseTokens: number;
  maxTitleTokens: number;
  version: string;
  readonly warnings: string[];
}

const EMPTY: readonly number[] = Object.freeze([]);

export function createState(base: TaxonomyArtefact): LoadState {
  if (base.format !== ARTEFACT_FORMAT) {
    throw new Error(`taxonomy.json has format ${base.format}; this code reads format ${ARTEFACT_FORMAT}`);
  }
  const labels = new StringTable(base.concepts.labels);
  const kinds = unpackInts(base.concepts.kinds);
  const groupCounts = unpackInts(base.concepts.groupCounts);
  const groupIds = unpackInts(base.concepts.groupIds);
  if (kinds.length !== labels.size || groupCounts.length !== labels.size) {
    throw new Error('taxonomy.json: concept columns disagree in length');
  }
  const concepts: MutableConcept[] = new Array(labels.size);
  let g = 0;
  for (let id = 0; id < labels.size; id++) {
    const count = groupCounts[id] ?? 0;
    concepts[id] = {
      id,
      label: labels.get(id),
      kind: KIND_CODES[kinds[id] ?? 0] ?? 'skill',
      groups: count === 0 ? EMPTY : slice(groupIds, g, g + count),
      implies: EMPTY,
    };
    g += count;
  }
  const abbreviationsExact = new Map<string, string>();
  const abbreviationsLower = new Map<string, string>();
  for (const [short, long, caseSensitive] of base.abbreviations) {
    if (caseSensitive === 1 || short.length <= CASE_SENSITIVE_ABBREVIATION_MAX)
      abbreviationsExact.set(short, long);
    else abbreviationsLower.set(short.toLowerCase(), long);
  }
  return {
    base,
    baseLabels: labels,
    concepts,
    groupLabels: new StringTable(base.groups).toArray(),
    aliases: new AliasTable(base.aliases, labels),
    titles: new TitleTable(base.titles),
    occupationLabels: new StringTable(base.occupations.labels),
    abbreviationsExact,
    abbreviationsLower,
    maxPhraseTokens: base.maxPhraseTokens,
    maxTitleTokens: base.maxTitleTokens,
    version: base.version,
    warnings: [],
  };
}

function slice(values: Uint32Array, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(values[i] ?? 0);
  return out;
}

export function createTaxonomy(parts: TaxonomyParts): Taxonomy {
  const state = createState(parts.taxonomy);
  if (parts.stackOverflow !== undefined) mergeStackOverflow(state, parts.stackOverflow);
  if (parts.curated !== undefined) mergeCurated(state, parts.curated);
  return finishTaxonomy(state);
}

/** Load-time problems that did not stop loading (an unresolved curated `implies`, a dangling target). */
export function taxonomyWarnings(taxonomy: Taxonomy): readonly string[] {
  return warningsOf.get(taxonomy) ?? [];
}

const warningsOf = new WeakMap<Taxonomy, readonly string[]>();

interface KeyShape {
  /** Keys of one word. */
  readonly words: Set<string>;
  /** Every proper prefix, in whole words, of every multi-word key. */
  readonly prefixes: Set<string>;
}

function keyShape(aliases: { forEachKey(fn: (key: string) => void): void }): KeyShape {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  aliases.forEachKey((key) => {
    if (!key.includes(' ')) words.add(key);
    for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) prefixes.add(key.slice(0, at));
  });
  return { words, prefixes };
}

/** Freezes the merged state into the `Taxonomy` interface. */
export function finishTaxonomy(state: LoadState): Taxonomy {
  const { concepts, aliases, titles, occupationLabels } = state;
  const related = createRelated(concepts, state.groupLabels.length);
  // Built on first use, in the thread that scans: loading stays fast and the main thread never pays.
  let shape: KeyShape | undefined;
  const taxonomy: Taxonomy = {
    version: state.version,
    concepts,
    groupLabels: state.groupLabels,
    maxPhraseTokens: state.maxPhraseTokens,
    maxTitleTokens: state.maxTitleTokens,
    lookup: (key) => {
      // Most words of a CV name nothing; a set of the one-word keys turns them away cheaply.
      shape ??= keyShape(aliases);
      return key.includes(' ') || shape.words.has(key) ? aliases.get(key) : undefined;
    },
    continues: (prefix) => {
      shape ??= keyShape(aliases);
      return shape.prefixes.has(prefix);
    },
    related,
    titleOccupations: (key) => titles.get(key),
    occupationLabel: (id) => {
      if (!Number.isInteger(id) || id < 0 || id >= occupationLabels.size) {
        throw new RangeError(`unknown occupation id ${id}`);
      }
      return occupationLabels.get(id);
    },
    expandAbbreviation: (surface) =>
      state.abbreviationsExact.get(surface) ?? state.abbreviationsLower.get(surface.toLowerCase()),
  };
  warningsOf.set(taxonomy, state.warnings);
  return taxonomy;
}
