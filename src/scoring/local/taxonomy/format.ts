/**
 * On-disk layout of the built taxonomy artefacts (written by `scripts/build-taxonomy.ts`, read by `load.ts`).
 *
 * The layout is columnar: parallel arrays of strings and small integers instead of one object per record, so
 * that `JSON.parse` allocates few objects and the loader can index without copying. Every phrase key is
 * precomputed with `phraseKey` (text/tokenize.ts), in the curated data too (curated.compiled.json), so loading
 * stems at most a few base labels that the curated merge compares with.
 */
import type { AliasSource, ConceptKind } from './types.ts';

export const ARTEFACT_FORMAT = 1;

export const TAXONOMY_FILE = 'taxonomy.json';
export const STACKOVERFLOW_FILE = 'stackoverflow-aliases.json';
export const CURATED_FILE = 'curated.json';
/** curated.json with every phrase key precomputed (`npm run taxonomy:curated`); what the loader reads. */
export const CURATED_COMPILED_FILE = 'curated.compiled.json';
export const CURATED_COMPILED_FORMAT = 1;

/** Index ↔ kind; the artefact stores the index. */
export const KIND_CODES: readonly ConceptKind[] = [
  'skill',
  'knowledge',
  'technology',
  'tool',
  'certification',
  'language',
  'soft',
];

/** Index ↔ alias source; stored in bits 2–3 of an alias flag. */
export const SOURCE_CODES: readonly AliasSource[] = ['esco', 'onet', 'stackoverflow', 'curated'];

export const FLAG_CASE_SENSITIVE = 1;
export const FLAG_PREFERRED = 2;
const SOURCE_SHIFT = 2;

export function encodeAliasFlags(caseSensitive: boolean, preferred: boolean, source: AliasSource): number {
  const code = SOURCE_CODES.indexOf(source);
  if (code < 0) throw new Error(`unknown alias source ${source}`);
  return (
    (caseSensitive ? FLAG_CASE_SENSITIVE : 0) | (preferred ? FLAG_PREFERRED : 0) | (code << SOURCE_SHIFT)
  );
}

export function decodeAliasSource(flags: number): AliasSource {
  return SOURCE_CODES[(flags >> SOURCE_SHIFT) & 3] ?? 'esco';
}

/**
 * `taxonomy.json`: concepts and titles derived from ESCO v1.1.1 and O*NET 29.3 (CC BY 4.0).
 * "Table" fields are string tables and "packed" fields packed integer columns (see packed.ts).
 */
export interface TaxonomyArtefact {
  readonly format: number;
  readonly version: string;
  readonly attribution: string;
  readonly maxPhraseTokens: number;
  readonly maxTitleTokens: number;
  /** Table of group labels; a group id is an index into it. */
  readonly groups: string;
  readonly concepts: {
    /** Table of display labels, one per concept (the concept id is the index). */
    readonly labels: string;
    /** Packed index into KIND_CODES, one per concept. */
    readonly kinds: string;
    /** Packed number of groups of each concept; the ids follow one another in `groupIds`. */
    readonly groupCounts: string;
    readonly groupIds: string;
  };
  readonly aliases: {
    /** Table of distinct phrase keys, sorted. */
    readonly keys: string;
    /** Packed hash slots over `keys` (packed.ts buildSlots). */
    readonly slots: string;
    /** Packed number of entries of each key; the entries follow one another in the columns below. */
    readonly counts: string;
    /** Packed concept id of each entry. */
    readonly concepts: string;
    /** Packed flags: bit 0 case-sensitive, bit 1 preferred label, bits 2–3 source (SOURCE_CODES). */
    readonly flags: string;
    /** Table of the aliases as written in the source; "" when equal to the concept's label. */
    readonly surfaces: string;
  };
  /**
   * Concepts none of whose aliases has their label's phrase key (short names such as "Go" lose that alias to
   * the length filter): table of those keys, sorted, and the packed concept ids. The curated merge finds a
   * concept by its label here when no alias leads to it.
   */
  readonly unaliased: {
    readonly keys: string;
    readonly concepts: string;
  };
  readonly occupations: {
    /** Table of occupation labels (the occupation id is the index). */
    readonly labels: string;
    /** Table of "onet:29-1141.00" or "esco:2221.2" (ESCO code). */
    readonly codes: string;
  };
  readonly titles: {
    /** Table of distinct title phrase keys, sorted. */
    readonly keys: string;
    /** Packed hash slots over `keys` (packed.ts buildSlots). */
    readonly slots: string;
    /** Packed number of occupations of each key; the ids follow one another in `occupations`. */
    readonly counts: string;
    readonly occupations: string;
  };
  /** [short form, expansion, 1 when case-sensitive else 0], sorted by short form. */
  readonly abbreviations: readonly (readonly [string, string, number])[];
}

/**
 * `stackoverflow-aliases.json`: ONLY the Stack Overflow–derived aliases (CC BY-SA 4.0, kept as a separate file).
 * Each target is a concept of `taxonomy.json` (its id, checked against its label) or a new technology concept.
 */
export interface StackOverflowArtefact {
  readonly format: number;
  /** The `taxonomy.json` version the concept ids refer to. */
  readonly taxonomyVersion: string;
  readonly licence: string;
  readonly attribution: string;
  readonly targets: readonly StackOverflowTarget[];
}

/** [surface, phrase key, flags: FLAG_CASE_SENSITIVE | FLAG_PREFERRED (the label of a new concept)]. */
export type StackOverflowAlias = readonly [string, string, number];

/** [target label, concept id in taxonomy.json or -1 for a new technology concept, ...aliases]. */
export type StackOverflowTarget = readonly [string, number, ...StackOverflowAlias[]];

/**
 * `curated.json`: hand-edited, never baked into the built artefact. Compiled into `curated.compiled.json`
 * (CompiledCurated, below), which is merged at load time.
 */
export interface CuratedFile {
  readonly version: string;
  readonly concepts: readonly CuratedConcept[];
  readonly abbreviations: readonly CuratedAbbreviation[];
  readonly blockedAliases: readonly string[];
}

export interface CuratedConcept {
  readonly label: string;
  readonly kind: ConceptKind;
  readonly aliases: readonly string[];
  readonly caseSensitive: readonly string[];
  readonly group?: string | undefined;
  readonly implies: readonly string[];
}

export interface CuratedAbbreviation {
  readonly short: string;
  readonly long: string;
  readonly caseSensitive: boolean;
}

/**
 * `curated.compiled.json`: curated.json validated, its phrase keys computed and its load-independent checks
 * done (`npm run taxonomy:curated`), laid out like taxonomy.json so that loading neither stems nor allocates
 * per alias. Concepts whose label has no content words are left out (their warning is in `warnings`), as are
 * too-short aliases. "Table" fields are string tables and "packed" fields packed integer columns (packed.ts).
 */
export interface CompiledCurated {
  readonly format: number;
  /** sha256 (hex) of the curated.json bytes it was compiled from, to detect a stale compilation. */
  readonly source: string;
  /** `version` of curated.json. */
  readonly version: string;
  /** FNV-1a of the parsed curated content: part of the taxonomy version (see curated-compile.ts). */
  readonly fingerprint: string;
  /** Longest alias, in phrase-key tokens. */
  readonly maxPhraseTokens: number;
  /** Warnings found while compiling, in file order; loading reports them before its own. */
  readonly warnings: readonly string[];
  /** In file order; a curated concept's index is its position here. */
  readonly concepts: {
    readonly labels: string;
    /** Table of phraseKey(label). */
    readonly keys: string;
    /** Packed index into KIND_CODES. */
    readonly kinds: string;
    /** Table of group labels, "" for none. */
    readonly groups: string;
    /** Packed number of implied labels of each concept; they follow one another in `implies`. */
    readonly impliesCounts: string;
  };
  readonly implies: {
    /** Table of the implied labels as written, for warnings. */
    readonly labels: string;
    readonly keys: string;
  };
  /** Every phrase key the curated file adds entries to or blocks, with those entries. */
  readonly aliases: {
    /** Table of distinct phrase keys, sorted. */
    readonly keys: string;
    /** Packed hash slots over `keys` (packed.ts buildSlots). */
    readonly slots: string;
    /** Packed 1 when the key is blocked, else 0. */
    readonly blocked: string;
    /** Packed number of entries of each key (0 for a key only blocked); the entries follow in file order. */
    readonly counts: string;
    /** Packed index of the curated concept of each entry. */
    readonly concepts: string;
    /** Packed FLAG_CASE_SENSITIVE | FLAG_PREFERRED (the surface is the concept's label). */
    readonly flags: string;
    /** Table of the aliases as written. */
    readonly surfaces: string;
  };
  readonly abbreviations: readonly CompiledAbbreviation[];
}

/** [short form, expansion, 1 when case-sensitive else 0, phraseKey(short), phraseKey(long)]. */
export type CompiledAbbreviation = readonly [string, string, number, string, string];

/** Short forms up to this many characters expand only with exact casing ("RN", not "rn"). */
export const CASE_SENSITIVE_ABBREVIATION_MAX = 4;
