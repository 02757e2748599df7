export interface ClassificationScores {
  accuracy: number;
  macroF1: number;
  /** F1 of each class that occurs in the truth or in the predictions. */
  f1ByClass: Record<string, number>;
}

/**
 * Accuracy and macro-F1. Like scikit-learn's default, the macro average runs over the classes present in
 * the truth or the predictions: a class nobody has and nobody predicted is left out rather than counted as 0
 * (a dataset without "borderline" pairs is not penalised), while predicting a class that never occurs costs
 * that class an F1 of 0.
 */
export function classificationScores<T extends string>(
  truth: readonly T[],
  predicted: readonly T[],
): ClassificationScores | null {
  if (truth.length !== predicted.length) throw new Error('truth and predictions differ in length');
  if (truth.length === 0) return null;
  const classes = [...new Set([...truth, ...predicted])].sort();
  let correct = 0;
  const f1ByClass: Record<string, number> = {};
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  for (const cls of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i++) {
      const isTrue = truth[i] === cls;
      const isPredicted = predicted[i] === cls;
      if (isTrue && isPredicted) tp++;
      else if (isPredicted) fp++;
      else if (isTrue) fn++;
    }
    f1ByClass[cls] = f1FromCounts(tp, fp, fn);
  }
  const f1s = Object.values(f1ByClass);
  return {
    accuracy: correct / truth.length,
    macroF1: f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length,
    f1ByClass,
  };
}

/** F1 = 2·TP / (2·TP + FP + FN); 0 when the class was neither present nor predicted correctly. */
export function f1FromCounts(tp: number, fp: number, fn: number): number {
  const denominator = 2 * tp + fp + fn;
  return denominator === 0 ? 0 : (2 * tp) / denominator;
}
