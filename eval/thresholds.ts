import { f1FromCounts } from './metrics/classification.ts';
import type { Label } from './types.ts';

export interface Thresholds {
  /** score ≥ strongMin → strong */
  strongMin: number;
  /** borderlineMin ≤ score < strongMin → borderline; below → reject */
  borderlineMin: number;
}

export interface LabelledScore {
  score: number;
  label: Label;
}

export function labelForScore(score: number, thresholds: Thresholds): Label {
  if (score >= thresholds.strongMin) return 'strong';
  if (score >= thresholds.borderlineMin) return 'borderline';
  return 'reject';
}

const CLASS_INDEX: Record<Label, number> = { strong: 0, borderline: 1, reject: 2 };

/**
 * The two cut-offs that maximise macro-F1 on the given samples (same macro convention as
 * `classificationScores`). Every pair of cuts between distinct score values is tried, using prefix counts,
 * so the search is exact; cuts sit halfway between neighbouring values. Ties go to the first pair found
 * (lowest cuts), which keeps the result deterministic.
 */
export function fitThresholds(samples: readonly LabelledScore[]): Thresholds {
  const values = [...new Set(samples.map((s) => s.score))].sort((a, b) => a - b);
  const m = values.length;
  // below[c][k]: samples of class k whose score is below cut c (cut c lies just under values[c]).
  const perValue = values.map(() => [0, 0, 0]);
  const valueIndex = new Map(values.map((v, i) => [v, i]));
  for (const sample of samples) {
    const row = perValue[valueIndex.get(sample.score) ?? 0];
    if (row) row[CLASS_INDEX[sample.label]] = (row[CLASS_INDEX[sample.label]] ?? 0) + 1;
  }
  const below: number[][] = [[0, 0, 0]];
  for (let c = 0; c < m; c++) {
    const prev = below[c] ?? [0, 0, 0];
    const row = perValue[c] ?? [0, 0, 0];
    below.push(prev.map((count, k) => count + (row[k] ?? 0)));
  }
  const totals = below[m] ?? [0, 0, 0];

  let best = { f1: -1, borderlineCut: 0, strongCut: 0 };
  for (let b = 0; b <= m; b++) {
    for (let s = b; s <= m; s++) {
      const f1 = macroF1ForCuts(below[b] ?? [], below[s] ?? [], totals);
      if (f1 > best.f1) best = { f1, borderlineCut: b, strongCut: s };
    }
  }
  return { borderlineMin: cutValue(values, best.borderlineCut), strongMin: cutValue(values, best.strongCut) };
}

function cutValue(values: readonly number[], cut: number): number {
  if (cut === 0) return Number.NEGATIVE_INFINITY;
  if (cut >= values.length) return Number.POSITIVE_INFINITY;
  return ((values[cut - 1] ?? 0) + (values[cut] ?? 0)) / 2;
}

/** Macro-F1 when everything below cut b is "reject", from b to below s "borderline", and the rest "strong". */
function macroF1ForCuts(
  belowB: readonly number[],
  belowS: readonly number[],
  totals: readonly number[],
): number {
  // predicted[p][t]: predicted class p (strong, borderline, reject) for true class t.
  const predicted = [0, 1, 2].map((p) =>
    [0, 1, 2].map((t) => {
      const total = totals[t] ?? 0;
      const b = belowB[t] ?? 0;
      const s = belowS[t] ?? 0;
      return p === 0 ? total - s : p === 1 ? s - b : b;
    }),
  );
  let sum = 0;
  let classes = 0;
  for (let k = 0; k < 3; k++) {
    const row = predicted[k] ?? [];
    const predictedCount = row.reduce((a, v) => a + v, 0);
    const trueCount = totals[k] ?? 0;
    if (predictedCount === 0 && trueCount === 0) continue;
    const tp = row[k] ?? 0;
    sum += f1FromCounts(tp, predictedCount - tp, trueCount - tp);
    classes++;
  }
  return classes === 0 ? 0 : sum / classes;
}

export interface CrossValidatedVerdicts {
  /** Predicted label per sample, in the input order of each job. */
  predictions: Map<string, Label[]>;
  /** The thresholds used for each held-out job. */
  thresholdsByJob: Map<string, Thresholds>;
}

/**
 * Leave-one-job-out: each job's verdicts come from thresholds fitted on all the other jobs, so no job's
 * labels ever set its own cut-offs.
 */
export function leaveOneJobOut(byJob: ReadonlyMap<string, readonly LabelledScore[]>): CrossValidatedVerdicts {
  const predictions = new Map<string, Label[]>();
  const thresholdsByJob = new Map<string, Thresholds>();
  for (const [heldOut, samples] of byJob) {
    const training = [...byJob].filter(([jobId]) => jobId !== heldOut).flatMap(([, rows]) => rows);
    const thresholds = fitThresholds(training);
    thresholdsByJob.set(heldOut, thresholds);
    predictions.set(
      heldOut,
      samples.map((sample) => labelForScore(sample.score, thresholds)),
    );
  }
  return { predictions, thresholdsByJob };
}
