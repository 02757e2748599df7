import { auc } from './metrics/auc.ts';
import { classificationScores } from './metrics/classification.ts';
import { ndcgAtK } from './metrics/ndcg.ts';
import type { Cell } from './report-types.ts';
import type { Thresholds } from './thresholds.ts';
import type { EvalJob, EvalPair, Label } from './types.ts';
import type { VerdictSource } from './verdicts.ts';

export const NDCG_K = 5;
const LABEL_RELEVANCE: Record<Label, number> = { strong: 2, borderline: 1, reject: 0 };

/** One engine's scores and verdicts on a labelled dataset, job by job, ready for the metrics below. */
export interface EngineFigures {
  verdictSource: VerdictSource;
  predictions: Map<string, Label[]> | null;
  jobs: { job: EvalJob; pairs: readonly EvalPair[]; scores: number[]; precise: number[] }[];
  seconds: number;
}

export function describeSource(source: VerdictSource): string {
  if (source.kind === 'bands') return 'bands 75/50';
  if (source.kind === 'fitted') return 'LOJO-fitted';
  return 'n/a';
}

/**
 * The median (upper, for an even count) of the per-fold thresholds, one per held-out job. A cut beyond every
 * score reads "never"/"always": the fit found that band best left empty (or covering everything).
 */
export function thresholdCell(source: VerdictSource, key: keyof Thresholds): Cell {
  if (source.kind === 'bands') return key === 'strongMin' ? 75 : 50;
  if (source.kind === 'none') return null;
  const values = [...source.thresholdsByJob.values()].map((t) => t[key]).sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)] ?? Number.NaN;
  if (median === Number.POSITIVE_INFINITY) return 'never';
  if (median === Number.NEGATIVE_INFINITY) return 'always';
  return median;
}

/** Accuracy and macro-F1 over the labelled pairs, or null when the engine has no honest verdicts here. */
export function verdictScores(f: EngineFigures) {
  if (!f.predictions) return null;
  const truth: Label[] = [];
  const predicted: Label[] = [];
  for (const { job, pairs } of f.jobs) {
    const jobPredictions = f.predictions.get(job.id) ?? [];
    pairs.forEach((pair, i) => {
      const prediction = jobPredictions[i];
      if (pair.label !== undefined && prediction !== undefined) {
        truth.push(pair.label);
        predicted.push(prediction);
      }
    });
  }
  return classificationScores(truth, predicted);
}

export function predictedCount(f: EngineFigures, label: Label): Cell {
  if (!f.predictions) return null;
  let count = 0;
  for (const labels of f.predictions.values()) count += labels.filter((l) => l === label).length;
  return count;
}

function strongVsReject(pairs: readonly EvalPair[], scores: readonly number[]) {
  const strong: number[] = [];
  const reject: number[] = [];
  pairs.forEach((pair, i) => {
    const score = scores[i] ?? 0;
    if (pair.label === 'strong') strong.push(score);
    else if (pair.label === 'reject') reject.push(score);
  });
  return { strong, reject };
}

export function pooledAuc(f: EngineFigures): number | null {
  const strong: number[] = [];
  const reject: number[] = [];
  for (const { pairs, precise } of f.jobs) {
    const split = strongVsReject(pairs, precise);
    strong.push(...split.strong);
    reject.push(...split.reject);
  }
  return auc(strong, reject);
}

export function perJobAuc(f: EngineFigures): (number | null)[] {
  return f.jobs.map(({ pairs, precise }) => {
    const { strong, reject } = strongVsReject(pairs, precise);
    return auc(strong, reject);
  });
}

export function gradeCorrelation(
  f: EngineFigures,
  correlation: (x: readonly number[], y: readonly number[]) => number | null,
): number | null {
  const scores: number[] = [];
  const grades: number[] = [];
  for (const { pairs, precise } of f.jobs) {
    pairs.forEach((pair, i) => {
      if (pair.grade === undefined) return;
      scores.push(precise[i] ?? 0);
      grades.push(pair.grade);
    });
  }
  return correlation(scores, grades);
}

/** Relevance is the grade when the whole job is graded (one scale per ranking), else the label's 2/1/0. */
export function perJobNdcg(f: EngineFigures): (number | null)[] {
  return f.jobs.map(({ pairs, precise }) => {
    const graded = pairs.length > 0 && pairs.every((p) => p.grade !== undefined);
    const scores: number[] = [];
    const relevances: number[] = [];
    pairs.forEach((pair, i) => {
      const relevance = graded
        ? pair.grade
        : pair.label === undefined
          ? undefined
          : LABEL_RELEVANCE[pair.label];
      if (relevance === undefined) return;
      scores.push(precise[i] ?? 0);
      relevances.push(relevance);
    });
    return ndcgAtK(scores, relevances, NDCG_K);
  });
}
