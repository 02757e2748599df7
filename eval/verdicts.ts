import { verdictForScore } from '../src/domain/verdict.ts';
import { type LabelledScore, labelForScore, leaveOneJobOut, type Thresholds } from './thresholds.ts';
import type { Label } from './types.ts';

/** A fit label and a verdict band are the same three classes under different names. */
export const LABEL_BY_VERDICT = {
  'Strong shortlist': 'strong',
  Borderline: 'borderline',
  'Do not progress': 'reject',
} as const satisfies Record<string, Label>;

export const MIN_JOBS_FOR_FITTED_THRESHOLDS = 3;

export type VerdictSource =
  | { kind: 'bands' }
  | { kind: 'fitted'; thresholdsByJob: Map<string, Thresholds> }
  | { kind: 'none'; reason: string };

export interface JobScores {
  jobId: string;
  scores: readonly number[];
  labels: readonly (Label | undefined)[];
}

/**
 * Predicted label per pair (per job, in order), or null where no honest verdict exists. A calibrated engine
 * uses the contract bands; a baseline gets leave-one-job-out thresholds, which need at least 3 labelled jobs
 * (with 2, each fold would be fitted on a single job).
 */
export function predictVerdicts(
  calibrated: boolean,
  jobs: readonly JobScores[],
): { predictions: Map<string, Label[]> | null; source: VerdictSource } {
  if (calibrated) {
    const predictions = new Map(
      jobs.map((job) => [job.jobId, job.scores.map((s) => LABEL_BY_VERDICT[verdictForScore(s)])]),
    );
    return { predictions, source: { kind: 'bands' } };
  }
  const labelledJobs = jobs.filter((job) => job.labels.some((label) => label !== undefined));
  if (labelledJobs.length < MIN_JOBS_FOR_FITTED_THRESHOLDS) {
    const reason =
      labelledJobs.length === 0
        ? 'no class labels to fit thresholds on'
        : `${labelledJobs.length} labelled job(s); leave-one-job-out needs ${MIN_JOBS_FOR_FITTED_THRESHOLDS}`;
    return { predictions: null, source: { kind: 'none', reason } };
  }
  const byJob = new Map<string, LabelledScore[]>();
  for (const job of labelledJobs) {
    const samples: LabelledScore[] = [];
    job.scores.forEach((score, i) => {
      const label = job.labels[i];
      if (label !== undefined) samples.push({ score, label });
    });
    byJob.set(job.jobId, samples);
  }
  const { thresholdsByJob } = leaveOneJobOut(byJob);
  // Predict every pair of a held-out job (labelled or not) with that job's fold thresholds.
  const predictions = new Map<string, Label[]>();
  for (const job of labelledJobs) {
    const thresholds = thresholdsByJob.get(job.jobId);
    if (!thresholds) continue;
    predictions.set(
      job.jobId,
      job.scores.map((s) => labelForScore(s, thresholds)),
    );
  }
  return { predictions, source: { kind: 'fitted', thresholdsByJob } };
}
