/**
 * The runtime taxonomy the local engine matches with. Built offline by `npm run taxonomy:build` from
 * ESCO, O*NET and Stack Overflow tag synonyms, plus our curated file; loaded once per thread.
 */
export type ConceptKind =
  | 'skill'
  | 'knowledge'
  | 'technology'
  | 'tool'
  | 'certification'
  | 'language'
  | 'soft';

export interface Concept {
  readonly id: number;
  /** Display label used in explanations ("PostgreSQL", "forklift licence", "ACCA"). */
  readonly label: string;
  readonly kind: ConceptKind;
  /** Group ids: concepts sharing a group are related (partial credit, never full). */
  readonly groups: readonly number[];
  /** Broader concepts this one evidences (ACCA → accounting; PySpark → Spark). */
  readonly implies: readonly number[];
}

export type AliasSource = 'esco' | 'onet' | 'stackoverflow' | 'curated';

export interface AliasEntry {
  readonly concept: number;
  /** True when the text must match `surface` exactly, casing included ("Go", "R", "IT", "ACCA"). */
  readonly caseSensitive: boolean;
  /** The alias as written in the source, for case-sensitive checks. */
  readonly surface: string;
  /** Preferred label (true) or alternative label (false); alternatives are weaker evidence of meaning. */
  readonly preferred: boolean;
  readonly source: AliasSource;
}

export interface Taxonomy {
  readonly version: string;
  readonly concepts: readonly Concept[];
  readonly groupLabels: readonly string[];
  /** Longest alias, in content tokens: the matcher tries n-grams up to this length. */
  readonly maxPhraseTokens: number;
  /** Aliases whose phrase key (see text/tokenize.ts `phraseKey`) equals `key`. */
  lookup(key: string): readonly AliasEntry[] | undefined;
  /**
   * Some alias key starts with `prefixKey` and goes on ("django rest" of "django rest framework"): when
   * false, a matcher can stop trying longer phrases from there.
   */
  continues(prefixKey: string): boolean;
  /** Concepts sharing a group with `conceptId` (bounded, most specific groups first). */
  related(conceptId: number): readonly number[];
  /** Occupation ids of a job title by its phrase key ("registered nurse", "rn", "backend developer"). */
  titleOccupations(titleKey: string): readonly number[] | undefined;
  /** Longest title, in content tokens. */
  readonly maxTitleTokens: number;
  occupationLabel(occupationId: number): string;
  /** Expansion of a known abbreviation ("RN" → "Registered Nurse"), case-sensitive for short forms. */
  expandAbbreviation(surface: string): string | undefined;
}
