import { ENGINES, type EngineName } from './engines.ts';
import { evaluateLabelled } from './evaluate-labelled.ts';
import { evaluateVacancyRanking } from './evaluate-vacancy-ranking.ts';
import type { EvalReport } from './report-types.ts';
import { type EngineRun, type ScoreRequest, scoreAll } from './score.ts';
import type { EvalDataset, EvalPair, LabelledDataset, VacancyRankingDataset } from './types.ts';
import { MIN_JOBS_FOR_FITTED_THRESHOLDS } from './verdicts.ts';

export interface RunOptions {
  engines: readonly EngineName[];
  asOf: string;
  asOfSource: EvalReport['asOfSource'];
  /** Receives one line per scored batch; the CLI sends it to stderr. */
  progress?: (line: string) => void;
}

/** Scores the dataset with every requested engine and computes the metrics, engines side by side. */
export async function runEvaluation(dataset: EvalDataset, options: RunOptions): Promise<EvalReport> {
  return dataset.kind === 'labelled' ? runLabelled(dataset, options) : runVacancyRanking(dataset, options);
}

async function runLabelled(dataset: LabelledDataset, options: RunOptions): Promise<EvalReport> {
  const pairsByJob: EvalPair[][] = dataset.jobs.map((job) => dataset.pairs.filter((p) => p.jobId === job.id));
  const requests: ScoreRequest[] = dataset.jobs.map((job, j) => ({
    label: job.id,
    spec: job.spec,
    cvs: (pairsByJob[j] ?? []).map((p) => p.cvText),
  }));
  const runs = await scoreWithEach(options, requests);
  const count = (predicate: (p: EvalPair) => boolean) => dataset.pairs.filter(predicate).length;
  const labelledJobs = new Set(dataset.pairs.filter((p) => p.label !== undefined).map((p) => p.jobId)).size;
  const notes = [...dataset.notes];
  if (options.engines.some((name) => !ENGINES[name].calibrated)) {
    notes.push(baselineVerdictNote(labelledJobs));
  }
  notes.push("ranking metrics use the engines' scores directly (baselines: before rounding to integers)");
  return {
    ...header(dataset, options),
    counts: {
      jobs: dataset.jobs.length,
      distinct_cvs: new Set(dataset.pairs.map((p) => p.cvText)).size,
      pairs: dataset.pairs.length,
      strong: count((p) => p.label === 'strong'),
      borderline: count((p) => p.label === 'borderline'),
      reject: count((p) => p.label === 'reject'),
      graded: count((p) => p.grade !== undefined),
    },
    context: {},
    sections: evaluateLabelled(dataset.jobs, pairsByJob, runs),
    notes,
  };
}

async function runVacancyRanking(dataset: VacancyRankingDataset, options: RunOptions): Promise<EvalReport> {
  const requests: ScoreRequest[] = dataset.vacancies.map((vacancy) => ({
    label: `vacancy ${vacancy.id}`,
    spec: vacancy.spec,
    cvs: dataset.cvs.map((cv) => cv.text),
  }));
  const runs = await scoreWithEach(options, requests);
  const { sections, context } = evaluateVacancyRanking(dataset, runs);
  const counts: Record<string, number> = {
    vacancies: dataset.vacancies.length,
    annotated_cvs: dataset.cvs.length,
  };
  for (const ranking of dataset.rankings) {
    const key = `valid_rankings_annotator_${ranking.annotator}`;
    counts[key] = (counts[key] ?? 0) + (ranking.valid ? 1 : 0);
  }
  return { ...header(dataset, options), counts, context, sections, notes: [...dataset.notes] };
}

function baselineVerdictNote(labelledJobs: number): string {
  if (labelledJobs >= MIN_JOBS_FOR_FITTED_THRESHOLDS) {
    return `baseline verdicts: thresholds chosen to maximise macro-F1 on the other ${labelledJobs - 1} jobs and applied to the held-out job (leave-one-job-out); the thresholds shown are medians over folds`;
  }
  if (labelledJobs === 0)
    return 'baseline verdicts not reported: there are no class labels to fit thresholds on';
  return `baseline verdicts not reported: ${labelledJobs} labelled job(s), leave-one-job-out threshold fitting needs ${MIN_JOBS_FOR_FITTED_THRESHOLDS}`;
}

function header(dataset: EvalDataset, options: RunOptions) {
  return {
    dataset: { name: dataset.name, adapter: dataset.adapter, kind: dataset.kind, path: dataset.path },
    asOf: options.asOf,
    asOfSource: options.asOfSource,
    engines: [...options.engines],
  };
}

async function scoreWithEach(options: RunOptions, requests: readonly ScoreRequest[]): Promise<EngineRun[]> {
  const progress = options.progress ?? (() => {});
  const runs: EngineRun[] = [];
  for (const name of options.engines) {
    const entry = ENGINES[name];
    const engine = entry.create();
    try {
      runs.push({ entry, run: await scoreAll(engine, requests, options.asOf, progress) });
    } finally {
      await engine.close?.();
    }
  }
  return runs;
}
