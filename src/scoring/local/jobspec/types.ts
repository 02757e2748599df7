import type { DegreeLevel } from '../cv/degrees.ts';

export type RequirementKind =
  | 'skill'
  | 'technology'
  | 'tool'
  | 'knowledge'
  | 'certification'
  | 'degree'
  | 'years'
  | 'language'
  | 'title'
  | 'soft'
  | 'phrase';

export type Importance = 'essential' | 'desirable';

/** One way to satisfy a requirement: a concept, a compound ("Django REST"), or an unknown phrase. */
export interface Alternative {
  readonly label: string;
  /** Taxonomy concept ids that must all be shown (a compound such as "Django REST"). */
  readonly concepts: readonly number[];
  /** Content-word stems of a phrase the taxonomy does not know ("async python"), matched by words. */
  readonly phrase: readonly string[];
  /**
   * The concepts end the phrase, as its head noun ("async Python"): showing them without the qualifier is
   * partial evidence. When they only modify it ("Logistic Regression"), it is almost none.
   */
  readonly headConcept?: boolean;
}

export interface Requirement {
  readonly id: number;
  readonly kind: RequirementKind;
  readonly importance: Importance;
  /** Relative weight within its importance class (1 = an ordinary hard requirement). */
  readonly weight: number;
  /**
   * The ad itself marks it essential (an "Essential" section, "must", "you'll need"), rather than our
   * reading of a chatty sentence. Only explicit essentials can cap a score.
   */
  readonly explicit: boolean;
  /** Human label used in explanations: "PostgreSQL", "FastAPI or Django REST", "5+ years of Python". */
  readonly label: string;
  readonly alternatives: readonly Alternative[];
  /** "Such as" lists: any one example is partial, two or more are full credit. */
  readonly examples: boolean;
  readonly years?: number;
  /** Years apply to the alternatives (per skill) or to experience overall. */
  readonly yearsScope?: 'skill' | 'overall';
  /** "2 years' experience as a Team Leader or Supervisor": only years in roles with these role nouns count. */
  readonly asRole?: readonly string[];
  readonly degree?: {
    readonly level: DegreeLevel;
    readonly field: string | undefined;
    readonly fieldStems: readonly string[];
    /** "or a related field": a degree in another subject still counts nearly in full. */
    readonly relatedAccepted: boolean;
  };
  readonly source: string;
}

export interface ParsedJob {
  readonly title: string | undefined;
  readonly titleStems: readonly string[];
  readonly requirements: readonly Requirement[];
  /** Weighted terms of the spec's requirement-bearing text, for the overall-similarity part of the score. */
  readonly specVector: ReadonlyMap<string, number>;
  /** 4-word shingles of the spec, to recognise text copied from the ad into a CV. */
  readonly shingles: ReadonlySet<string>;
}
