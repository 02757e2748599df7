import type { CvEntry } from '../cv/entries.ts';
import type { CvDegree } from '../cv/profile.ts';
import type { Requirement } from '../jobspec/types.ts';
import type { Hit } from './hits.ts';

export type MatchStatus = 'met' | 'partial' | 'missing';

/** How one requirement fares against one CV, with what is needed to explain it. */
export interface RequirementMatch {
  readonly requirement: Requirement;
  /** 0–1: how fully the requirement is shown. */
  readonly credit: number;
  readonly status: MatchStatus;
  /** The best evidence, if any. */
  readonly best: Hit | undefined;
  /** The role the best evidence sits in. */
  readonly entry: CvEntry | undefined;
  /** Years shown, for years requirements. */
  readonly years?: number;
  /** Entries that make up the years shown. */
  readonly yearEntries?: readonly CvEntry[];
  readonly degree?: CvDegree;
}

export const MET_THRESHOLD = 0.75;
export const PARTIAL_THRESHOLD = 0.3;

export function statusOf(credit: number): MatchStatus {
  if (credit >= MET_THRESHOLD) return 'met';
  if (credit >= PARTIAL_THRESHOLD) return 'partial';
  return 'missing';
}
