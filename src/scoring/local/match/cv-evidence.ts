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
  const stemPositions = new Map<string, number[]>();
  profile.tokens.forEach((t, i) => {
    const list = stemPositions.get(t.stem);
    if (list) list.push(i);
    else stemPositions.set(t.stem, [i]);
  });
  return { profile, byConcept, stemPositions };
}
