import { describe, expect, it } from 'vitest';
import { auc } from '../../eval/metrics/auc.ts';
import { classificationScores } from '../../eval/metrics/classification.ts';
import { kendallTauB } from '../../eval/metrics/kendall.ts';
import { ndcgAtK } from '../../eval/metrics/ndcg.ts';
import { averageRanks } from '../../eval/metrics/ranks.ts';
import { spearman } from '../../eval/metrics/spearman.ts';
import { distribution, meanOfDefined } from '../../eval/metrics/summary.ts';

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(averageRanks([30, 10, 20, 20])).toEqual([4, 1, 2.5, 2.5]);
  });
});

describe('classificationScores', () => {
  it('computes accuracy and macro-F1 over three classes', () => {
    // strong: TP1 FP1 FN1 → 0.5; borderline: TP1 FP1 FN0 → 2/3; reject: TP2 FP0 FN1 → 0.8.
    const result = classificationScores(
      ['strong', 'strong', 'borderline', 'reject', 'reject', 'reject'],
      ['strong', 'borderline', 'borderline', 'reject', 'reject', 'strong'],
    );
    expect(result?.accuracy).toBeCloseTo(4 / 6, 10);
    expect(result?.f1ByClass).toEqual({ borderline: 2 / 3, reject: 0.8, strong: 0.5 });
    expect(result?.macroF1).toBeCloseTo((0.5 + 2 / 3 + 0.8) / 3, 10);
  });

  it('leaves out a class nobody has or predicted, but charges a wrongly predicted one', () => {
    expect(classificationScores(['strong', 'reject'], ['strong', 'reject'])?.macroF1).toBe(1);
    // borderline is predicted but never true: its F1 is 0; reject is missed: 0; strong: 1.
    expect(classificationScores(['strong', 'reject'], ['strong', 'borderline'])?.macroF1).toBeCloseTo(
      1 / 3,
      10,
    );
  });

  it('returns null for no samples', () => {
    expect(classificationScores([], [])).toBeNull();
  });
});

describe('auc', () => {
  it('counts ties as one half', () => {
    // (3>1) (3>2) (2>1) (2=2): 3.5 of 4 pairs.
    expect(auc([3, 2], [1, 2])).toBe(0.875);
  });
  it('is 1 for perfect separation, 0 for reversed, 0.5 for all tied', () => {
    expect(auc([5, 6], [1, 2, 3])).toBe(1);
    expect(auc([1], [2, 3])).toBe(0);
    expect(auc([4, 4], [4])).toBe(0.5);
  });
  it('is null when a side is empty', () => {
    expect(auc([], [1])).toBeNull();
    expect(auc([1], [])).toBeNull();
  });
});

describe('spearman', () => {
  it('uses average ranks for ties', () => {
    // ranks y = [1, 2, 3.5, 5, 3.5]; Σdxdy = 8, Σdx² = 10, Σdy² = 9.5.
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 12);
  });
  it('is ±1 for monotone relations and null for a constant side', () => {
    expect(spearman([1, 2, 3], [10, 100, 1000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(spearman([1], [2])).toBeNull();
  });
});

describe('kendallTauB', () => {
  it('corrects for ties (tau-b, not tau-a)', () => {
    // 8 concordant, 1 discordant, 1 pair tied in y only: 7 / sqrt(9 × 10); tau-a would be 0.7.
    expect(kendallTauB([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(7 / Math.sqrt(90), 12);
  });
  it('handles ties on both sides', () => {
    // x=[1,1,2], y=[1,2,2]: pairs (0,1) tied x, (0,2) concordant, (1,2) tied y → 1 / sqrt(2 × 2).
    expect(kendallTauB([1, 1, 2], [1, 2, 2])).toBeCloseTo(0.5, 12);
  });
  it('is ±1 for identical or reversed orders and null for a constant side', () => {
    expect(kendallTauB([1, 2, 3, 4], [2, 4, 6, 8])).toBe(1);
    expect(kendallTauB([1, 2, 3, 4], [8, 6, 4, 2])).toBe(-1);
    expect(kendallTauB([1, 2, 3], [1, 1, 1])).toBeNull();
  });
});

describe('ndcgAtK', () => {
  it('uses linear gains and log2 discounts', () => {
    // DCG = 0 + 1/log2(3) + 2/log2(4); IDCG = 2 + 1/log2(3).
    const expected = (1 / Math.log2(3) + 1) / (2 + 1 / Math.log2(3));
    expect(ndcgAtK([3, 2, 1], [0, 1, 2], 3)).toBeCloseTo(expected, 12);
    expect(ndcgAtK([1, 2, 3], [0, 1, 2], 3)).toBeCloseTo(1, 12);
  });
  it('gives tied items their group mean gain, independent of input order', () => {
    expect(ndcgAtK([1, 1], [1, 0], 1)).toBeCloseTo(0.5, 12);
    expect(ndcgAtK([1, 1], [0, 1], 1)).toBeCloseTo(0.5, 12);
    expect(ndcgAtK([1, 1], [1, 0], 2)).toBeCloseTo(0.5 + 0.5 / Math.log2(3), 12);
  });
  it('only counts the top k', () => {
    expect(ndcgAtK([6, 5, 4, 3, 2, 1], [0, 0, 0, 0, 0, 3], 5)).toBe(0);
  });
  it('is null when nothing is relevant', () => {
    expect(ndcgAtK([1, 2], [0, 0], 5)).toBeNull();
  });
});

describe('summaries', () => {
  it('gives min, median and max', () => {
    expect(distribution([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5 });
    expect(distribution([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
    expect(distribution([])).toBeNull();
  });
  it('averages only defined values', () => {
    expect(meanOfDefined([1, null, 0.5])).toEqual({ mean: 0.75, n: 2 });
    expect(meanOfDefined([null])).toEqual({ mean: null, n: 0 });
  });
});
