import type { Importance, Requirement } from './types.ts';

/** A requirement as read from one clause, before importance, ids and de-duplication are settled. */
export type RequirementDraft = Omit<Requirement, 'id' | 'importance' | 'source' | 'explicit'> & {
  /** Set when the words around this item alone soften it ("…, ideally software"). */
  readonly importance?: Importance;
};
