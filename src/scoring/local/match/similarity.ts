import type { WordWeights } from '../text/word-weights.ts';

/**
 * Weighted term vector over content-word stems: (1 + ln tf) × √rarity. The square root keeps common but
 * meaningful words ("sales", "teaching") in play while rare terms still weigh most.
 */
export type TermVector = ReadonlyMap<string, number>;

export function termVector(counts: ReadonlyMap<string, number>, weights: WordWeights): Map<string, number> {
  const vector = new Map<string, number>();
  for (const [stem, tf] of counts) {
    if (stem.length < 2 || /^\d+$/.test(stem)) continue;
    const w = weights.weight(stem);
    vector.set(stem, (1 + Math.log(tf)) * Math.sqrt(w));
  }
  return vector;
}

export function countStems(stems: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of stems) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** Cosine of two term vectors: how much a CV talks about what the job spec talks about. */
export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v * v;
  for (const v of b.values()) nb += v * v;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) dot += v * w;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Weight of a taxonomy concept as a term: synonyms ("k8s", "Kubernetes") then count as the same word. */
const CONCEPT_TERM_WEIGHT = 0.6;

/** Adds each concept mentioned as one more term, keyed by concept id. */
export function withConcepts(
  vector: Map<string, number>,
  conceptCounts: ReadonlyMap<number, number>,
): Map<string, number> {
  for (const [concept, tf] of conceptCounts)
    vector.set(`#${concept}`, (1 + Math.log(tf)) * CONCEPT_TERM_WEIGHT);
  return vector;
}
