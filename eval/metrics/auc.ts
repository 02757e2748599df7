import { averageRanks } from './ranks.ts';

/**
 * ROC AUC = P(score of a random positive > score of a random negative), ties counting one half
 * (the Mann–Whitney U statistic). Null when either side is empty.
 */
export function auc(positives: readonly number[], negatives: readonly number[]): number | null {
  const nPos = positives.length;
  const nNeg = negatives.length;
  if (nPos === 0 || nNeg === 0) return null;
  const ranks = averageRanks([...positives, ...negatives]);
  let positiveRankSum = 0;
  for (let i = 0; i < nPos; i++) positiveRankSum += ranks[i] ?? 0;
  return (positiveRankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
