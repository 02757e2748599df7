/**
 * nDCG@k with linear gains (gain = relevance; grades run to 100, so 2^rel − 1 would be absurd) and the
 * log2(position + 1) discount. Tied scores are handled as in McSherry & Najork (2008): every position a
 * tie group occupies gets the group's mean gain, so the result does not depend on the input order.
 * Null when no item has positive relevance (the ideal DCG is 0).
 */
export function ndcgAtK(scores: readonly number[], relevances: readonly number[], k: number): number | null {
  if (scores.length !== relevances.length) throw new Error('ndcgAtK: inputs differ in length');
  const ideal = [...relevances].sort((a, b) => b - a);
  let idealDcg = 0;
  for (let p = 0; p < Math.min(k, ideal.length); p++) idealDcg += (ideal[p] ?? 0) / Math.log2(p + 2);
  if (idealDcg <= 0) return null;

  const order = scores
    .map((score, i) => ({ score, relevance: relevances[i] ?? 0 }))
    .sort((a, b) => b.score - a.score);
  let dcg = 0;
  let start = 0;
  while (start < order.length && start < k) {
    let end = start + 1;
    while (end < order.length && order[end]?.score === order[start]?.score) end++;
    let groupGain = 0;
    for (let i = start; i < end; i++) groupGain += order[i]?.relevance ?? 0;
    const meanGain = groupGain / (end - start);
    for (let p = start; p < Math.min(end, k); p++) dcg += meanGain / Math.log2(p + 2);
    start = end;
  }
  return dcg / idealDcg;
}
