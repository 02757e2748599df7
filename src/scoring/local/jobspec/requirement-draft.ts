import type { Requirement } from './types.ts';

/** A requirement as read from one clause, before importance, ids and de-duplication are settled. */
export type RequirementDraft = Omit<Requirement, 'id' | 'importance' | 'source' | 'explicit'>;
