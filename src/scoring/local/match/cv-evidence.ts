import type { CvProfile } from '../cv/profile.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import { type ConceptMention, scanConcepts } from './concept-scan.ts';

export type Via = 'exact' | 'implied';

export interface ConceptHit {
  readonly mention: ConceptMention;
  readonly via: Via;
}

/** A CV read against the taxonomy once: where each concept (or one that implies it) is mentioned. */
export interface CvEvidence {
  readonly profile: CvProfile;
  readonly byConcept: ReadonlyMap<number, readonly ConceptHit[]>;
  /** Token indexes of each stem, for phrase requirements the taxonomy does not know. */
  readonly stemPositions: ReadonlyMap<string, readonly number[]>;
}

export function readCvEvidence(profile: CvProfile, taxonomy: Taxonomy): CvEvidence {
  const byConcept = new Map<number, ConceptHit[]>();
  const add = (concept: number, hit: ConceptHit) => {
    const list = byConcept.get(concept);
    if (list) list.push(hit);
    else byConcept.set(concept, [hit]);
  };
  for (const mention of scanConcepts(profile.text, profile.tokens, taxonomy)) {
    add(mention.concept, { mention, via: 'exact' });
    for (const broader of taxonomy.concepts[mention.concept]?.implies ?? [])
      add(broader, { mention, via: 'implied' });
  }
  let positions: Map<string, number[]> | undefined;
  return {
    profile,
    byConcept,
    // Only phrase requirements need it, and many jobs have none: built on first use.
    get stemPositions() {
      positions ??= indexStems(profile);
      return positions;
    },
  };
}

function indexStems(profile: CvProfile): Map<string, number[]> {
  const stemPositions = new Map<string, number[]>();
  profile.tokens.forEach((t, i) => {
    const list = stemPositions.get(t.stem);
    if (list) list.push(i);
    else stemPositions.set(t.stem, [i]);
  });
  return stemPositions;
}
