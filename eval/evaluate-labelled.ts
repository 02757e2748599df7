import {
  describeSource,
  type EngineFigures,
  gradeCorrelation,
  NDCG_K,
  perJobAuc,
  perJobNdcg,
  pooledAuc,
  predictedCount,
  thresholdCell,
  verdictScores,
} from './labelled-figures.ts';
import { kendallTauB } from './metrics/kendall.ts';
import { spearman } from './metrics/spearman.ts';
import { distribution, meanOfDefined } from './metrics/summary.ts';
import type { Cell, MetricRow, ReportSection } from './report-types.ts';
import type { EngineRun } from './score.ts';
import type { EvalJob, EvalPair } from './types.ts';
import { predictVerdicts } from './verdicts.ts';

/** Per-job AUC rows are useful for a few dozen jobs; beyond that they drown the table. */
const MAX_PER_JOB_ROWS = 40;

/** Metric sections for datasets of independently judged (job, CV) pairs. */
export function evaluateLabelled(
  jobs: readonly EvalJob[],
  pairsByJob: readonly (readonly EvalPair[])[],
  runs: readonly EngineRun[],
): ReportSection[] {
  const figures = new Map<string, EngineFigures>();
  for (const { entry, run } of runs) {
    const perJob = jobs.map((job, j) => ({
      job,
      pairs: pairsByJob[j] ?? [],
      scores: run.batches[j]?.scores ?? [],
      precise: run.batches[j]?.precise ?? [],
    }));
    const { predictions, source } = predictVerdicts(
      entry.calibrated,
      perJob.map(({ job, pairs, scores }) => ({ jobId: job.id, scores, labels: pairs.map((p) => p.label) })),
    );
    figures.set(entry.name, { verdictSource: source, predictions, jobs: perJob, seconds: run.seconds });
  }
  const allPairs = pairsByJob.flat();
  const hasLabels = allPairs.some((p) => p.label !== undefined);
  const hasGrades = allPairs.some((p) => p.grade !== undefined);
  const row = (
    id: string,
    label: string,
    format: MetricRow['format'],
    value: (f: EngineFigures) => Cell,
  ) => ({
    id,
    label,
    format,
    values: Object.fromEntries([...figures].map(([name, f]) => [name, value(f)])),
  });

  const sections: ReportSection[] = [];
  const verdictRows: MetricRow[] = [
    row('verdict_source', 'verdicts from', 'text', (f) => describeSource(f.verdictSource)),
  ];
  if (hasLabels) {
    verdictRows.push(
      row('accuracy', 'accuracy (3-class)', 'ratio', (f) => verdictScores(f)?.accuracy ?? null),
      row('macro_f1', 'macro-F1', 'ratio', (f) => verdictScores(f)?.macroF1 ?? null),
    );
  }
  verdictRows.push(
    row('strong_min', 'Strong shortlist from score', 'score', (f) =>
      thresholdCell(f.verdictSource, 'strongMin'),
    ),
    row('borderline_min', 'Borderline from score', 'score', (f) =>
      thresholdCell(f.verdictSource, 'borderlineMin'),
    ),
    row('count_strong', 'count Strong shortlist', 'count', (f) => predictedCount(f, 'strong')),
    row('count_borderline', 'count Borderline', 'count', (f) => predictedCount(f, 'borderline')),
    row('count_reject', 'count Do not progress', 'count', (f) => predictedCount(f, 'reject')),
  );
  sections.push({ title: 'Verdicts', rows: verdictRows });

  const rankingRows: MetricRow[] = [];
  const jobsWithAuc = Math.max(0, ...[...figures.values()].map((f) => meanOfDefined(perJobAuc(f)).n));
  if (hasLabels) {
    rankingRows.push(
      row('auc_pooled', 'AUC strong vs reject (pooled)', 'ratio', (f) => pooledAuc(f)),
      row(
        'auc_job_mean',
        `AUC strong vs reject (mean of ${plural(jobsWithAuc, 'job')})`,
        'ratio',
        (f) => meanOfDefined(perJobAuc(f)).mean,
      ),
    );
  }
  if (hasGrades) {
    rankingRows.push(
      row('spearman_grade', 'Spearman vs grade (pooled)', 'ratio', (f) => gradeCorrelation(f, spearman)),
      row('kendall_grade', 'Kendall tau-b vs grade (pooled)', 'ratio', (f) =>
        gradeCorrelation(f, kendallTauB),
      ),
    );
  }
  const ndcgJobs = Math.max(0, ...[...figures.values()].map((f) => meanOfDefined(perJobNdcg(f)).n));
  rankingRows.push(
    row(
      'ndcg5',
      `nDCG@${NDCG_K} (mean of ${plural(ndcgJobs, 'job')})`,
      'ratio',
      (f) => meanOfDefined(perJobNdcg(f)).mean,
    ),
  );
  sections.push({ title: 'Ranking (scores as they are, no calibration)', rows: rankingRows });

  sections.push({
    title: 'Score distribution (0–100)',
    rows: [
      row('score_min', 'min', 'score', (f) => distribution(f.jobs.flatMap((j) => j.scores))?.min ?? null),
      row(
        'score_median',
        'median',
        'score',
        (f) => distribution(f.jobs.flatMap((j) => j.scores))?.median ?? null,
      ),
      row('score_max', 'max', 'score', (f) => distribution(f.jobs.flatMap((j) => j.scores))?.max ?? null),
    ],
  });

  if (hasLabels && jobs.length > 1 && jobs.length <= MAX_PER_JOB_ROWS) {
    sections.push({
      title: 'AUC per job (strong vs reject)',
      rows: jobs.map((job, j) => {
        const pairs = pairsByJob[j] ?? [];
        const strong = pairs.filter((p) => p.label === 'strong').length;
        const reject = pairs.filter((p) => p.label === 'reject').length;
        return row(
          `auc_job:${job.id}`,
          `${job.id} (${strong} vs ${reject})`,
          'ratio',
          (f) => perJobAuc(f)[j] ?? null,
        );
      }),
    });
  }

  sections.push({
    title: 'Run time',
    rows: [
      row('seconds', 'scoring time (s)', 'seconds', (f) => f.seconds),
      row('ms_per_cv', 'ms per CV', 'ms', (f) =>
        allPairs.length === 0 ? null : (1000 * f.seconds) / allPairs.length,
      ),
    ],
  });
  return sections;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
